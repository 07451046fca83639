package dev.flatline.checks;

import java.util.Locale;

/** How much a finding matters, most serious first (the order findings are ranked in before remedies are tried). */
public enum Severity {
    /** The model is useless or broken because of this. */
    HIGH,
    /** Likely hurts the model noticeably. */
    MEDIUM,
    /** Worth knowing; may hurt a little. */
    LOW,
    /** A fact about the data or model, no action needed. */
    INFO;

    /** The lower-case name used in JSON and text ({@code high}, {@code medium}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
