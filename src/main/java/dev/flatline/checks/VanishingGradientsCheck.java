package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.nn.EpochRecord;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.MlpModel;
import dev.flatline.remedies.Changes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code vanishing-gradients} (R17, B7): per weight layer, the mean gradient norm over training. When
 * the first layer's gradient is a tiny fraction of the last one's, the early layers barely learn (deep
 * sigmoid or tanh stacks), and in a deep stack of sigmoid or tanh units so does a middle layer whose gradient is a
 * small fraction of the last one's; a non-finite or huge norm means gradients explode.
 */
public final class VanishingGradientsCheck implements Check {

    /** First-to-last layer gradient ratio below which the first layers barely learn. */
    static final double VANISHED = 1e-3;
    /** Hidden layers of sigmoid or tanh units from which a stack is deep (each layer shrinks the gradient). */
    static final int DEEP_STACK = 6;
    /**
     * In a deep saturating stack, weakest hidden layer's to last layer's gradient ratio below which the stack's
     * middle barely learns (10-layer sigmoid stacks that trail a shallow network by 0.27 to 0.79: 0.0009 to 0.064;
     * two-layer healthy networks' first/last ratios: 0.1 to 1).
     */
    static final double WEAKEST_IN_DEEP_STACK = 0.1;
    /** A mean gradient norm above this explodes. */
    static final double EXPLODED = 1e3;

    @Override
    public String id() {
        return "vanishing-gradients";
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
        List<EpochRecord> epochs = model.history().epochs();
        if (epochs.isEmpty() || epochs.get(0).gradientNorms().length < 2) {
            return CheckResult.notApplicable(id(), "needs at least two weight layers and one finished epoch");
        }
        int layers = epochs.get(0).gradientNorms().length;
        double[] norms = new double[layers];
        for (EpochRecord e : epochs) {
            for (int l = 0; l < layers; l++) {
                norms[l] += e.gradientNorms()[l] / epochs.size();
            }
        }
        double maxDead = Arrays.stream(epochs.get(epochs.size() - 1).deadUnitFractions()).max().orElse(0);
        double ratio = norms[0] / norms[layers - 1];
        List<String> shown = Arrays.stream(norms).mapToObj(n -> String.format(Locale.ROOT, "%.3g", n)).toList();
        boolean exploded = Arrays.stream(norms).anyMatch(n -> !Double.isFinite(n) || n > EXPLODED);
        if (exploded) {
            return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, "Gradients explode: mean norms per "
                    + "layer " + shown + ".", evidence("gradient_norm_per_layer", shown),
                    Remedy.of("Start simpler: two ReLU layers of 64 (R17); and lower the learning rate and standardise "
                            + "the inputs.", Changes.shallowRelu()),
                    Notebooks.ARCHITECTURE));
        }
        if (maxDead >= 0.5) {
            return CheckResult.healthy(id(), "gradients stop at dead units (see dead-units), not by vanishing");
        }
        HiddenActivation activation = model.hiddenActivation();
        // In a deep stack of saturating units the gradient can vanish in the middle and grow again toward the
        // input (a wide first layer sums over every input): the weakest hidden layer says more than the first.
        double weakest = Arrays.stream(norms, 0, layers - 1).min().orElse(norms[0]) / norms[layers - 1];
        boolean deepSaturating = layers - 1 >= DEEP_STACK
                && (activation == HiddenActivation.SIGMOID || activation == HiddenActivation.TANH);
        if (!(ratio < VANISHED * 10) && !(deepSaturating && weakest < WEAKEST_IN_DEEP_STACK)) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "first/last layer gradient ratio %.3g, weakest/last %.3g (norms %s)", ratio, weakest, shown));
        }
        double shrink = Math.min(ratio, weakest);
        String where = ratio <= weakest ? "the first layer's" : "the weakest hidden layer's";
        return CheckResult.problem(id(), new Finding(id(), shrink < VANISHED ? Severity.HIGH : Severity.MEDIUM,
                String.format(Locale.ROOT, "Gradients vanish: %s gradient is %.2g of the last one's "
                        + "across %d layers of %s units.", where, shrink, layers, activation),
                evidence("first_to_last_ratio", ratio, "weakest_to_last_ratio", weakest, "gradient_norm_per_layer",
                        shown, "weight_layers", layers, "hidden_activation", activation.name()),
                Remedy.of("Start simpler: two ReLU layers of 64 (R17).", Changes.shallowRelu()),
                Notebooks.ARCHITECTURE));
    }
}
