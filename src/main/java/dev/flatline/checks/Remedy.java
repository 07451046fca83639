package dev.flatline.checks;

/**
 * What to change about a finding.
 *
 * @param advice what to do, in a sentence
 * @param code   the change as a line of flatline or Tribuo code, or empty where no single line fits
 */
public record Remedy(String advice, String code) {

    /** Checks both parts; {@code code} may be empty but not null. */
    public Remedy {
        if (advice == null || advice.isBlank()) {
            throw new IllegalArgumentException("a remedy needs advice");
        }
        code = code == null ? "" : code;
    }

    /** A remedy with advice only. */
    public static Remedy advice(String advice) {
        return new Remedy(advice, "");
    }
}
