package dev.flatline.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One problem (or fact) a check found.
 *
 * @param id       the check's stable id, e.g. {@code prediction-collapse}
 * @param severity how much it matters
 * @param title    one sentence saying what was found
 * @param evidence the numbers behind it, by name, in a stable order; values are numbers, strings or
 *                 lists of strings (e.g. the classes never predicted)
 * @param remedy   what to change
 * @param notebook the notebook that teaches this cause (a file name under {@code notebooks/}), or empty
 */
public record Finding(String id, Severity severity, String title, Map<String, Object> evidence, Remedy remedy,
                      String notebook) {

    /** Copies the evidence into an unmodifiable map that keeps its order. */
    public Finding {
        if (id == null || id.isBlank() || severity == null || title == null || remedy == null) {
            throw new IllegalArgumentException("a finding needs an id, a severity, a title and a remedy");
        }
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence == null ? Map.of() : evidence));
        notebook = notebook == null ? "" : notebook;
    }

    /** Evidence from alternating names and values: {@code evidence("imbalance_ratio", 4558.6, ...)}. */
    public static Map<String, Object> evidence(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("evidence needs name/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** This finding with another severity (the checkup moves findings whose remedy changed nothing). */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(id, newSeverity, title, evidence, remedy, notebook);
    }

    @Override
    public String toString() {
        return "[" + severity.label() + "] " + id + ": " + title;
    }
}
