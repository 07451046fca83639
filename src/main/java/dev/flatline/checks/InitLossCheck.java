package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.TrainingHistory;
import dev.flatline.remedies.Changes;
import java.util.Locale;

/**
 * {@code init-loss} (B2): a network's loss before its first step should be about {@code ln K} (it
 * guesses uniformly), or the entropy of the class priors when its output bias starts at the log
 * priors. Far above means the outputs start out confident and wrong (unscaled inputs, a bad
 * initialisation); with imbalanced classes, starting the bias at the priors saves the first epochs.
 */
public final class InitLossCheck implements Check {

    @Override
    public String id() {
        return "init-loss";
    }

    @Override
    public Cost cost() {
        return Cost.MODEL;
    }

    @Override
    public Need needs() {
        return Need.NETWORK;
    }

    @Override
    public CheckResult run(CheckContext context) {
        TrainingHistory h = context.history().orElseThrow();
        double initial = h.initialLoss();
        double lnK = h.expectedInitialLoss();
        double prior = Metrics.entropy(context.data().classCounts().asMap());
        boolean fromPriors = context.mlpTrainer().orElseThrow().settings().outputBiasFromPriors();
        double expected = fromPriors ? prior : lnK;
        Object[] numbers = {"initial_loss", initial, "ln_k", lnK, "prior_entropy", prior, "expected", expected};
        if (!Double.isFinite(initial) || initial > 3 * expected + 1) {
            return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, String.format(Locale.ROOT,
                    "The loss before training is %.3g, far above the %.3f of a network that starts out guessing: "
                            + "its outputs start confident and wrong.", initial, expected), evidence(numbers),
                    // Unscaled inputs are the cause there: feature-scale owns (and tries) standardising.
                    context.data().standardised() ? Remedy.of("Start the output bias at the log class priors, from "
                            + "a standard initialisation of the weights.", Changes.outputBiasFromPriors())
                            : new Remedy("Standardise the features (fitted on the training part), then start from a "
                            + "standard initialisation.", Changes.standardise().code()), Notebooks.PREPROCESSING));
        }
        if (initial > expected + Math.max(1.5, 0.75 * expected)) {
            return CheckResult.problem(id(), new Finding(id(), Severity.MEDIUM, String.format(Locale.ROOT,
                    "The loss before training is %.3f, well above the expected %.3f.", initial, expected),
                    evidence(numbers), Remedy.of("Start the output bias at the log class priors (and standardise the "
                    + "inputs if they are not).", Changes.outputBiasFromPriors()), Notebooks.ARCHITECTURE));
        }
        if (!fromPriors && prior < 0.5 * lnK) {
            return CheckResult.problem(id(), new Finding(id(), Severity.LOW, String.format(Locale.ROOT,
                    "The class priors' entropy (%.3f) is far below ln K (%.3f): starting the output bias at the log "
                            + "priors would save the first steps of learning them.", prior, lnK), evidence(numbers),
                    Remedy.of("Start the output bias at the log class priors (B2) -- but not together with balanced "
                            + "class weights or resampled data: those train towards equal classes, where ln K is "
                            + "already the right start (notebook 03).", Changes.outputBiasFromPriors()),
                    Notebooks.ARCHITECTURE));
        }
        return CheckResult.healthy(id(), String.format(Locale.ROOT, "initial loss %.3f, expected about %.3f",
                initial, expected));
    }
}
