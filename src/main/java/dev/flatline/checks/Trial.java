package dev.flatline.checks;

import dev.flatline.evaluation.Metrics;
import dev.flatline.remedies.Change;
import java.util.Locale;

/**
 * A remedy tried by the checkup: the model retrained with one change, next to the same training
 * without it, both scored on the same test rows.
 *
 * @param finding   the id of the finding whose remedy this is
 * @param change    what was changed, in words (the {@link Change}'s description)
 * @param code      the change as a line of code (the finding's {@link Remedy#code()})
 * @param rows      training rows used for both fits
 * @param before    metrics without the change
 * @param after     metrics with the change
 * @param margin    half-width of the 95% interval of the lift, from a paired bootstrap over the test rows
 *                  ({@link PairedBootstrap})
 * @param onTopOf   empty when "before" is the model as checked; otherwise the change already made in
 *                  "before" (e.g. a tuned learning rate), so the lift is what this change adds to it
 */
public record Trial(String finding, String change, String code, int rows, Metrics before, Metrics after,
                    double margin, String onTopOf) {

    /** A trial whose margin is measured by a paired bootstrap of the two models' test predictions. */
    public static Trial of(String finding, String change, String code, int rows, Metrics before, Metrics after) {
        if (!before.trueLabels().equals(after.trueLabels())) {
            throw new IllegalArgumentException("before and after must be scored on the same test rows");
        }
        double margin = PairedBootstrap.margin(before.trueLabels(), before.predictedLabels(),
                after.predictedLabels());
        return new Trial(finding, change, code, rows, before, after, margin, "");
    }

    /** This trial's change measured on top of another trial's (its "before" is that trial's "after"). */
    public Trial onTopOf(Trial base, Metrics after) {
        Trial t = of(finding, change, code, rows, base.after(), after);
        return new Trial(finding, change + ", on top of " + base.change(), code, rows, t.before(), t.after(), t.margin(),
                base.change());
    }

    /** The same trial credited to another finding (two findings with one remedy share its fits). */
    public Trial forFinding(String otherFinding) {
        return new Trial(otherFinding, change, code, rows, before, after, margin, onTopOf);
    }

    /**
     * How much the change lifted the model: the gain in balanced accuracy plus a small credit for each
     * class that is predicted again (so reviving a class counts even where its recall stays low).
     */
    public double lift() {
        int revived = before.neverPredicted().size() - after.neverPredicted().size();
        return after.balancedAccuracy() - before.balancedAccuracy() + 0.01 * revived;
    }

    /** The lift less its margin: what the ranking uses, so a noisy lift ranks below a sure one. */
    public double lowerBound() {
        return lift() - margin;
    }

    /**
     * Whether the lift is real: at least {@link Checkup#ROOT_CAUSE_LIFT} and larger than its margin
     * (the 95% interval lies above 0).
     */
    public boolean significant() {
        return lift() >= Checkup.ROOT_CAUSE_LIFT && lowerBound() > 0;
    }

    /** The lift as {@code +0.412 ± 0.031}. */
    public String liftText() {
        return String.format(Locale.ROOT, "%+.3f ± %.3f", lift(), margin);
    }
}
