package dev.flatline.checks;

import java.util.function.BiFunction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A candidate remedy the checkup can try: changes the data and/or the trainer, then the checkup
 * retrains and compares (before/after).
 *
 * @param description what is changed, in words
 * @param code        the change as a line of code
 * @param how         makes the changed data and trainer from the originals (never changing those)
 */
public record Fix(String description, String code, BiFunction<CheckData, Trainer<Label>, Attempt> how) {

    /**
     * The changed data and trainer to retrain with.
     *
     * @param retrain false for a test-side change: the model trained before is scored on the changed test
     *                part (retraining cannot fix a test file)
     */
    public record Attempt(CheckData data, Trainer<Label> trainer, boolean retrain) {

        /** An attempt that retrains. */
        public Attempt(CheckData data, Trainer<Label> trainer) {
            this(data, trainer, true);
        }
    }

    /** Applies the fix. */
    public Attempt apply(CheckData data, Trainer<Label> trainer) {
        return how.apply(data, trainer);
    }

    /** A fix that changes the trainer only. */
    public static Fix trainer(String description, String code,
            java.util.function.UnaryOperator<Trainer<Label>> change) {
        return new Fix(description, code, (d, t) -> new Attempt(d, change.apply(t)));
    }

    /**
     * A fix on the test side only: the same model, scored on the test part changed by {@code change}
     * (e.g. aligned to the training part's statistics).
     */
    public static Fix testSide(String description, String code, java.util.function.UnaryOperator<CheckData> change) {
        return new Fix(description, code, (d, t) -> new Attempt(change.apply(d), t, false));
    }

    /** A fix that changes the data only. */
    public static Fix data(String description, String code, java.util.function.UnaryOperator<CheckData> change) {
        return new Fix(description, code, (d, t) -> new Attempt(change.apply(d), t));
    }
}
