package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.remedies.Change;
import dev.flatline.remedies.Changes;
import java.util.Locale;

/**
 * {@code learning-rate} (R8, B8): a short sweep of learning rates around the usual ones for the
 * optimiser. Too high: the trainer's own rate diverges, collapses onto one class or kills the units
 * while a lower rate learns; too low: the loss barely moves while a higher rate learns.
 */
public final class LearningRateCheck implements Check {

    /** A rate must beat the trainer's own by this much balanced accuracy to count as better. */
    static final double MARGIN = 0.05;
    /** A rate further than this many decades from every working rate (see {@link #MARGIN}) is far outside. */
    static final double FAR_DECADES = 1;

    @Override
    public String id() {
        return "learning-rate";
    }

    @Override
    public Cost cost() {
        return Cost.FITS;
    }

    @Override
    public Need needs() {
        return Need.NETWORK;
    }

    @Override
    public CheckResult run(CheckContext context) {
        RateSweep sweep = sweep(context);
        int c = sweep.currentIndex();
        int b = sweep.bestIndex();
        double gain = sweep.balancedAccuracy()[b] - sweep.balancedAccuracy()[c];
        if (gain < MARGIN) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "rate %s is within %.2f balanced accuracy of the best rate tried (%s)", sweep.current(), MARGIN,
                    sweep.bestRate()));
        }
        boolean tooHigh = sweep.bestRate() < sweep.current();
        // The rate is a cause only when it is far outside the rates the sweep shows to work: it breaks the
        // model (diverges, collapses, kills the units, or the loss barely moves), or it is more than a decade
        // from every rate that works. A rate next to the working range that merely scores a little lower on a
        // short sweep is a tuning option: on a converged network it would also lift a model whose fault lies
        // elsewhere (imbalance, too few rows), so trying it as a cause would mask the real one.
        boolean broken = tooHigh ? sweep.broken(c) : sweep.stalled(c);
        double decades = sweep.decadesFromWorking(MARGIN);
        if (!broken && decades <= FAR_DECADES + 1e-9) {
            return CheckResult.problem(id(), new Finding(id(), Severity.INFO, String.format(Locale.ROOT,
                    "The learning rate %s is next to the rates that work (within %.0f decade of one): rate %s "
                            + "scores balanced accuracy %.3f instead of %.3f on a short sweep, a tuning option, not "
                            + "a fault.", sweep.current(), FAR_DECADES, sweep.bestRate(), sweep.balancedAccuracy()[b],
                    sweep.balancedAccuracy()[c]), evidence(
                    "current_rate", sweep.current(),
                    "best_rate", sweep.bestRate(),
                    "current_balanced_accuracy", sweep.balancedAccuracy()[c],
                    "best_balanced_accuracy", sweep.balancedAccuracy()[b],
                    "decades_from_working_rates", decades,
                    "sweep_rows", sweep.rows()),
                    Remedy.of("Optionally train with learning rate " + sweep.bestRate() + " (from the sweep).",
                            fromSweep(sweep.bestRate())),
                    Notebooks.LEARNING_RATE));
        }
        Severity severity = broken || gain >= 0.2 ? Severity.HIGH : Severity.MEDIUM;
        String why = tooHigh
                ? (!Double.isFinite(sweep.finalLoss()[c]) ? "the loss diverges"
                : sweep.classesPredicted()[c] <= 1 ? "the model collapses onto one class"
                : sweep.deadUnits()[c] >= 0.9 ? String.format(Locale.ROOT, "%.0f%% of a layer's units die",
                100 * sweep.deadUnits()[c]) : "it learns less")
                : sweep.stalled(c) ? "the loss barely moves" : "it learns too slowly";
        // The sweep's fits are short and on a sample: its numbers are said to be the sweep's, so that they are
        // not read as the model's (the model's own score is the report's one "before").
        String title = String.format(Locale.ROOT, "The learning rate %s is too %s: %s; in a short sweep on %d "
                        + "training rows, rate %s reaches balanced accuracy %.3f where %s reaches %.3f.",
                sweep.current(), tooHigh ? "high" : "low", why, sweep.rows(), sweep.bestRate(),
                sweep.balancedAccuracy()[b], sweep.current(), sweep.balancedAccuracy()[c]);
        return CheckResult.problem(id(), new Finding(id(), severity, title, evidence(
                "current_rate", sweep.current(),
                "best_rate", sweep.bestRate(),
                "current_balanced_accuracy", sweep.balancedAccuracy()[c],
                "best_balanced_accuracy", sweep.balancedAccuracy()[b],
                "current_final_loss", sweep.finalLoss()[c],
                "current_classes_predicted", sweep.classesPredicted()[c],
                "current_dead_units", sweep.deadUnits()[c],
                "decades_from_working_rates", decades,
                "sweep_rows", sweep.rows()),
                Remedy.of("Train with learning rate " + sweep.bestRate() + " (from the sweep).",
                        fromSweep(sweep.bestRate())),
                Notebooks.LEARNING_RATE));
    }

    /** The context's sweep, computed once. */
    static RateSweep sweep(CheckContext context) {
        return context.memo("rate-sweep", () -> RateSweep.run(context, context.mlpTrainer().orElseThrow()));
    }

    /** The sweep's best rate as the change the checkup tries. */
    static Change fromSweep(double rate) {
        return Changes.learningRate(rate, "from the sweep");
    }
}
