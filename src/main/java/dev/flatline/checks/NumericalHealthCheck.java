package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.nn.TrainingHistory;
import dev.flatline.remedies.Changes;
import java.util.Optional;

/**
 * {@code numerical-health} (R12): NaN or infinite numbers in training or prediction (a loss that
 * diverged, scores that are not finite). Applies to every model through its prediction scores, and
 * to flatline networks through their training history too.
 */
public final class NumericalHealthCheck implements Check {

    @Override
    public String id() {
        return "numerical-health";
    }

    @Override
    public Cost cost() {
        return Cost.MODEL;
    }

    @Override
    public CheckResult run(CheckContext context) {
        int nonFinite = context.metrics().nonFiniteScores();
        Optional<TrainingHistory> h = context.history();
        boolean diverged = h.map(TrainingHistory::diverged).orElse(false);
        if (nonFinite == 0 && !diverged) {
            return CheckResult.healthy(id(), "all scores finite" + (h.isPresent() ? ", training loss finite" : ""));
        }
        String title = diverged ? "Training diverged: " + h.get().stopMessage() + "."
                : "The model's scores are NaN or infinite for " + nonFinite + " test rows.";
        return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, title,
                evidence("non_finite_test_rows", nonFinite, "diverged", diverged,
                        "stop", h.map(TrainingHistory::stopMessage).orElse("")),
                context.mlpTrainer().isEmpty()
                        ? Remedy.advice("Standardise the inputs, and look for log(0) or division by zero.")
                        : Remedy.of("Lower the learning rate (a tenth of it is tried), standardise the inputs, and "
                                + "look for log(0) or division by zero.", Changes.learningRate(
                                context.mlpTrainer().get().settings().optimiser().learningRate() / 10,
                                "divided by 10")),
                Notebooks.LEARNING_RATE));
    }
}
