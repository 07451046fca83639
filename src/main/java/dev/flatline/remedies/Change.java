package dev.flatline.remedies;

import dev.flatline.data.CheckData;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * The change a finding's remedy ({@code dev.flatline.checks.Remedy}) makes, which the checkup tries: it makes
 * changed data and/or a changed trainer from the originals (never changing those), then the checkup retrains and
 * compares before and after. Every change the checkup can try is made in one place, {@link Changes}.
 *
 * @param description what is changed, in words (the trial's name for it)
 * @param code        the change as a line of code, the one the finding's remedy shows
 * @param how         makes the changed data and trainer from the originals
 */
public record Change(String description, String code, BiFunction<CheckData, Trainer<Label>, Attempt> how) {

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

    /**
     * Two changes are the same when they say and show the same (description and code): the function that makes them
     * cannot be compared, and two checkups of the same model must give equal findings.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Change c && c.description.equals(description) && c.code.equals(code);
    }

    @Override
    public int hashCode() {
        return 31 * description.hashCode() + code.hashCode();
    }

    /** Applies the change. */
    public Attempt apply(CheckData data, Trainer<Label> trainer) {
        return how.apply(data, trainer);
    }

    /** A change to the trainer only. */
    static Change trainer(String description, String code, UnaryOperator<Trainer<Label>> change) {
        return new Change(description, code, (d, t) -> new Attempt(d, change.apply(t)));
    }

    /**
     * A change on the test side only: the same model, scored on the test part changed by {@code change}
     * (e.g. aligned to the training part's statistics).
     */
    static Change testSide(String description, String code, UnaryOperator<CheckData> change) {
        return new Change(description, code, (d, t) -> new Attempt(change.apply(d), t, false));
    }

    /** A change to the data only. */
    static Change data(String description, String code, UnaryOperator<CheckData> change) {
        return new Change(description, code, (d, t) -> new Attempt(change.apply(d), t));
    }
}
