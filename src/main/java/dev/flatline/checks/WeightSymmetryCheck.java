package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.nn.MlpModel;
import dev.flatline.remedies.Changes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code weight-symmetry} (R14): hidden units whose incoming weights are identical compute the same
 * thing and get the same gradient forever, so a layer of them is as good as one unit. Happens with a
 * constant or zero initialisation. Compares each hidden layer's units' weight vectors after training.
 */
public final class WeightSymmetryCheck implements Check {

    @Override
    public String id() {
        return "weight-symmetry";
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
        int[] sizes = model.layerSizes();
        if (sizes.length < 3) {
            return CheckResult.notApplicable(id(), "a network without hidden layers has no units to be symmetric");
        }
        float[] p = model.parameters();
        int offset = 0;
        List<String> perLayer = new ArrayList<>();
        int worstLayer = -1;
        double worstShare = 1;
        for (int l = 0; l < sizes.length - 2; l++) { // hidden layers only
            int fanIn = sizes[l];
            int fanOut = sizes[l + 1];
            Set<List<Float>> distinct = new HashSet<>();
            for (int j = 0; j < fanOut; j++) {
                List<Float> column = new ArrayList<>(fanIn);
                for (int i = 0; i < fanIn; i++) {
                    column.add(p[offset + i * fanOut + j]);
                }
                distinct.add(column);
            }
            offset += fanIn * fanOut + fanOut;
            double share = (double) distinct.size() / fanOut;
            perLayer.add(distinct.size() + " of " + fanOut);
            if (share < worstShare) {
                worstShare = share;
                worstLayer = l;
            }
        }
        String init = context.mlpTrainer().orElseThrow().settings().weightInit().name();
        if (worstLayer < 0 || worstShare > 0.5) {
            return CheckResult.healthy(id(), "hidden units are distinct (" + String.join(", ", perLayer) + ")");
        }
        return CheckResult.problem(id(), new Finding(id(), worstShare * sizes[worstLayer + 1] <= 1 ? Severity.HIGH
                : Severity.MEDIUM, String.format(Locale.ROOT, "Hidden layer %d has only %s distinct units: they "
                        + "started identical (initialisation %s) and stayed so.", worstLayer + 1,
                perLayer.get(worstLayer), init),
                evidence("distinct_units_per_layer", perLayer, "weight_init", init),
                Remedy.of("Initialise weights randomly (He for ReLU, Xavier for tanh/sigmoid).",
                        Changes.randomInitialisation()),
                Notebooks.ARCHITECTURE));
    }
}
