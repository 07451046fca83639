package dev.flatline.checks;

/**
 * One diagnostic: looks at the data, the trainer and/or the trained model and says what it found.
 *
 * <p>Implementations are small, stateless and deterministic (every random choice takes the
 * context's seed). A check declares what it needs ({@link #needs()}, e.g. a flatline network's internals);
 * {@link #runIfApplicable} answers "not applicable" where the model lacks it, once for every check, so
 * {@link #run} takes it as given and never guesses.
 */
public interface Check {

    /** The stable id of the check and of its findings, e.g. {@code prediction-collapse}. */
    String id();

    /** What the check costs, so the checkup can run the cheapest first. */
    Cost cost();

    /** Runs the check, on a context that has what the check {@link #needs()}. */
    CheckResult run(CheckContext context);

    /** What the check needs beyond the data and a trained Tribuo model; {@link Need#ANY_MODEL} unless it says. */
    default Need needs() {
        return Need.ANY_MODEL;
    }

    /** Runs the check where the context has what it {@link #needs()}; otherwise "not applicable", saying why. */
    default CheckResult runIfApplicable(CheckContext context) {
        if (needs() == Need.NETWORK && (context.mlpTrainer().isEmpty() || context.mlpModel().isEmpty())) {
            return CheckResult.notApplicable(id(), "needs a flatline network (MlpTrainer) for its internals and "
                    + "settings; " + context.trainer().getClass().getSimpleName() + " is not one");
        }
        return run(context);
    }

    /** What a check needs beyond the data and a trained Tribuo model. */
    enum Need {
        /** Any Tribuo model: the check reads the data, the predictions, or retrains copies. */
        ANY_MODEL,
        /** A flatline network: the check reads its history, weights or units, or changes its settings. */
        NETWORK
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
