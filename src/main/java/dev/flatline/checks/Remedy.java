package dev.flatline.checks;

import dev.flatline.remedies.Change;
import dev.flatline.remedies.Changes;
import java.util.Optional;

/**
 * What to change about a finding: one object that holds the advice, the line of code the user can paste and,
 * where the checkup can try it, the change itself ({@link Changes}), so that what the report advises and what the
 * checkup tried cannot disagree.
 *
 * @param advice what to do, in a sentence
 * @param code   the change as a line of flatline or Tribuo code (the change's own where there is one), or empty
 *               where no single line fits
 * @param change the change the checkup tries for this finding; empty where none can be tried (e.g. collect more rows)
 */
public record Remedy(String advice, String code, Optional<Change> change) {

    /** Checks the parts; {@code code} may be empty but not null, and is the change's own where there is a change. */
    public Remedy {
        if (advice == null || advice.isBlank()) {
            throw new IllegalArgumentException("a remedy needs advice");
        }
        code = code == null ? "" : code;
        change = change == null ? Optional.empty() : change;
        if (change.isPresent() && !change.get().code().equals(code)) {
            throw new IllegalArgumentException("a remedy's code must be its change's: " + code + " vs "
                    + change.get().code());
        }
    }

    /** Advice and a line of code, with no change the checkup can try. */
    public Remedy(String advice, String code) {
        this(advice, code, Optional.empty());
    }

    /** Advice and the change the checkup tries; the code is the change's. */
    public static Remedy of(String advice, Change change) {
        return new Remedy(advice, change.code(), Optional.of(change));
    }

    /** A remedy with advice only. */
    public static Remedy advice(String advice) {
        return new Remedy(advice, "");
    }
}
