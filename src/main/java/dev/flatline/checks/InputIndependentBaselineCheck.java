package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.CheckData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * {@code input-independent-baseline} (B3): the same trainer fitted with every input set to 0 (so it
 * can learn only the class priors) does as well as the model on the real inputs: the model is not
 * using its inputs.
 */
public final class InputIndependentBaselineCheck implements Check {

    /** The real model must beat the zero-input one by this much balanced accuracy. */
    static final double MARGIN = 0.02;

    @Override
    public String id() {
        return "input-independent-baseline";
    }

    @Override
    public Cost cost() {
        return Cost.FITS;
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckData quick = context.quickData();
        // Every zeroed test row is the same input, so a model predicts one class for all of them: zero and
        // predict one row, and score that class against every test row's label.
        MutableDataset<Label> oneRow = CheckData.empty("one test row");
        if (quick.test().size() > 0) {
            oneRow.add(quick.test().getExample(0).copy());
        }
        CheckData zeroed = quick.withTest(oneRow).zeroedInputs();
        Trainer<Label> trainer = context.trainer();
        if (trainer instanceof MlpTrainer mlp) {
            int rows = zeroed.train().size();
            trainer = CheckContext.forRows(mlp, rows, rows, mlp.settings().epochs(),
                    mlp.settings().batchSize());
        }
        double zero = zeroInputScore(context.fit(trainer, zeroed.train()), zeroed.test(), quick.test(), context);
        double real = context.metrics().balancedAccuracy();
        if (real > zero + MARGIN) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "real inputs give balanced accuracy %.3f, zeroed inputs %.3f", real, zero));
        }
        return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, String.format(Locale.ROOT,
                "The model does no better on its real inputs (balanced accuracy %.3f) than the same trainer with "
                        + "every input set to 0 (%.3f): it is not using its inputs.", real, zero),
                evidence("balanced_accuracy", real, "zeroed_inputs_balanced_accuracy", zero,
                        "zeroed_inputs_rows", zeroed.train().size()),
                Remedy.advice("Check that the features reach the model (scaling, preprocessing) and that training "
                        + "works at all: see the learning-rate, single-example-overfit and feature-scale checks."),
                Notebooks.ONE_EXAMPLE));
    }

    /** Balanced accuracy on the test labels of the one class a model predicts for the all-zero input. */
    private static double zeroInputScore(Model<Label> model, Dataset<Label> zeroRow, Dataset<Label> test,
            CheckContext context) {
        if (zeroRow.size() == 0) {
            return context.evaluate(model, test).balancedAccuracy();
        }
        String predicted = model.predict(zeroRow.getExample(0)).getOutput().getLabel();
        List<String> truth = new ArrayList<>(test.size());
        for (Example<Label> e : test) {
            truth.add(e.getOutput().getLabel());
        }
        return Metrics.of(truth, Collections.nCopies(truth.size(), predicted), context.classes(), 0)
                .balancedAccuracy();
    }
}
