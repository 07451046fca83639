package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.evaluation.Metrics;
import java.util.Locale;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

/**
 * {@code accuracy-paradox} (R1, R22, B3): the model's balanced accuracy is no better than that of
 * Tribuo's most-frequent and stratified dummy classifiers, which never look at the inputs, however
 * high its accuracy.
 */
public final class AccuracyParadoxCheck implements Check {

    /** The model must beat the better dummy's balanced accuracy by this much. */
    static final double MARGIN = 0.05;

    @Override
    public String id() {
        return "accuracy-paradox";
    }

    @Override
    public Cost cost() {
        return Cost.MODEL;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Metrics model = context.metrics();
        Metrics mostFrequent = context.evaluate(context.fit(DummyClassifierTrainer.createMostFrequentTrainer(),
                context.data().train()), context.data().test());
        Metrics stratified = context.evaluate(context.fit(DummyClassifierTrainer.createStratifiedTrainer(
                context.seed()), context.data().train()), context.data().test());
        double dummy = Math.max(mostFrequent.balancedAccuracy(), stratified.balancedAccuracy());
        if (model.balancedAccuracy() > dummy + MARGIN) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "balanced accuracy %.3f beats the dummy baselines (%.3f)", model.balancedAccuracy(), dummy));
        }
        String title = String.format(Locale.ROOT, "Accuracy %.1f%% hides a model no better than guessing: its "
                + "balanced accuracy %.3f is at the dummy baselines' %.3f (most-frequent accuracy %.1f%%).",
                100 * model.accuracy(), model.balancedAccuracy(), dummy, 100 * mostFrequent.accuracy());
        return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, title, evidence(
                "accuracy", model.accuracy(),
                "balanced_accuracy", model.balancedAccuracy(),
                "macro_f1", model.macroF1(),
                "most_frequent_accuracy", mostFrequent.accuracy(),
                "most_frequent_balanced_accuracy", mostFrequent.balancedAccuracy(),
                "stratified_balanced_accuracy", stratified.balancedAccuracy()),
                new Remedy("Report balanced accuracy and macro-F1 next to accuracy, and compare with a dummy baseline.",
                        "DummyClassifierTrainer.createMostFrequentTrainer().train(data.train())"),
                Notebooks.SYMPTOM));
    }
}
