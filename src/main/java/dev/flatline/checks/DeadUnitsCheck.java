package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.MlpModel;
import dev.flatline.nn.TrainingHistory;
import dev.flatline.remedies.Changes;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@code dead-units} (R16): the share of ReLU units that output zero for every probed example at the
 * end of training, per hidden layer. A dead unit has no gradient and never recovers; a layer of dead
 * units passes nothing on, and the network can only predict from its biases (one class).
 */
public final class DeadUnitsCheck implements Check {

    @Override
    public String id() {
        return "dead-units";
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
        MlpModel model = context.mlpModel().orElseThrow();
        if (model.hiddenActivation() != HiddenActivation.RELU) {
            return CheckResult.notApplicable(id(), "only ReLU units die; this network uses "
                    + model.hiddenActivation());
        }
        TrainingHistory h = model.history();
        if (h.epochs().isEmpty() || h.last().deadUnitFractions().length == 0) {
            return CheckResult.notApplicable(id(), "no hidden layer or no finished epoch");
        }
        double[] dead = h.last().deadUnitFractions();
        double max = Arrays.stream(dead).max().orElse(0);
        if (max < 0.5) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT, "at most %.0f%% dead units in a layer",
                    100 * max));
        }
        int layer = 0;
        for (int i = 0; i < dead.length; i++) {
            if (dead[i] == max) {
                layer = i;
            }
        }
        return CheckResult.problem(id(), new Finding(id(), max >= 0.9 ? Severity.HIGH : Severity.MEDIUM,
                String.format(Locale.ROOT, "%.0f%% of the ReLU units of hidden layer %d are dead (output 0 for every "
                        + "example).", 100 * max, layer + 1),
                evidence("dead_share_per_layer", Arrays.stream(dead).boxed().map(d -> String.format(Locale.ROOT,
                        "%.3f", d)).toList(), "worst_layer", layer + 1, "worst_dead_share", max),
                Remedy.of("Use leaky ReLU hidden units, which cannot die; or lower the learning rate.",
                        Changes.leakyRelu()),
                Notebooks.ARCHITECTURE));
    }
}
