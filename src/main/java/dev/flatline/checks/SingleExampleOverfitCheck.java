package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.CheckData;
import dev.flatline.nn.MlpTrainer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * {@code single-example-overfit} (R11): a tiny dataset of one example per class (each repeated so that
 * SGD trainers get enough steps) must be learnt perfectly. If the model cannot predict even these
 * examples back, the fault is in the model or the training code, not in the data.
 */
public final class SingleExampleOverfitCheck implements Check {

    /** Copies of each example, so minibatch trainers take a few hundred steps. */
    static final int COPIES = 16;
    /** Epochs for a network on the tiny set (about 400 steps of batch COPIES * K / 4). */
    static final int NETWORK_EPOCHS = 100;

    @Override
    public String id() {
        return "single-example-overfit";
    }

    @Override
    public Cost cost() {
        return Cost.FITS;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Map<String, Example<Label>> chosen = new LinkedHashMap<>();
        Set<List<Double>> seen = new HashSet<>();
        for (Example<Label> e : context.data().train()) {
            String c = e.getOutput().getLabel();
            List<Double> values = new ArrayList<>();
            for (Feature f : e) {
                values.add(f.getValue());
            }
            // Two classes with identical inputs cannot both be fitted: take the first distinct row of each.
            if (!chosen.containsKey(c) && seen.add(values)) {
                chosen.put(c, e);
            }
        }
        MutableDataset<Label> tiny = CheckData.empty("one example per class, x" + COPIES);
        for (int copy = 0; copy < COPIES; copy++) {
            for (Example<Label> e : chosen.values()) {
                tiny.add(e.copy());
            }
        }
        Trainer<Label> trainer = context.trainer();
        if (trainer instanceof MlpTrainer mlp) {
            trainer = mlp.toBuilder().epochs(NETWORK_EPOCHS).validationFraction(0).earlyStopping(0)
                    .batchSize(Math.max(1, tiny.size() / 4)).progress(false).build();
        }
        Model<Label> model = context.fit(trainer, tiny);
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, Example<Label>> e : chosen.entrySet()) {
            if (!model.predict(e.getValue()).getOutput().getLabel().equals(e.getKey())) {
                failed.add(e.getKey());
            }
        }
        if (failed.isEmpty()) {
            return CheckResult.healthy(id(), "fits one example of each of the " + chosen.size() + " classes");
        }
        return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, "The model cannot fit a single example "
                + "of " + failed.size() + " of " + chosen.size() + " classes (" + String.join(", ", failed)
                + "): the fault is in the model or the training, not the data.",
                evidence("classes_not_fitted", failed, "classes_tried", chosen.size(), "copies_per_example", COPIES),
                Remedy.advice("Make the model fit one example per class before anything else: check the output/loss "
                        + "pairing, the learning rate, the initialisation and the input scale."),
                Notebooks.ONE_EXAMPLE));
    }
}
