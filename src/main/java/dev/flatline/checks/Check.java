package dev.flatline.checks;

/**
 * One diagnostic: looks at the data, the trainer and/or the trained model and says what it found.
 *
 * <p>Implementations are small, stateless and deterministic (every random choice takes the
 * context's seed). A check that needs something the model lacks (network internals for a Tribuo
 * logistic regression) returns {@link CheckResult#notApplicable}; it does not guess.
 */
public interface Check {

    /** The stable id of the check and of its findings, e.g. {@code prediction-collapse}. */
    String id();

    /** What the check costs, so the checkup can run the cheapest first. */
    Cost cost();

    /** Runs the check. */
    CheckResult run(CheckContext context);

    /**
     * The remedy of one of this check's findings as something the checkup can try by retraining, if
     * there is one (symptoms such as a collapsed prediction have none of their own).
     */
    default java.util.Optional<Fix> fix(Finding finding, CheckContext context) {
        return java.util.Optional.empty();
    }

    /** Rough cost classes, cheapest first. */
    enum Cost {
        /** Reads the data only. */
        DATA,
        /** Reads the trained model, its predictions or its history. */
        MODEL,
        /** Trains a few small models. */
        FITS,
        /** Trains several models on growing data. */
        MANY_FITS
    }
}
