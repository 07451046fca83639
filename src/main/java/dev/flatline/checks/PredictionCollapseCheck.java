package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.evaluation.Metrics;

/**
 * {@code prediction-collapse} (R23): the model predicts one class for (nearly) everything, or never
 * predicts some classes. Measured on the test part: the most-predicted class's share, the classes
 * never predicted, and the entropy of the predictions against that of the true labels. A symptom:
 * its cause is found by the other checks.
 */
public final class PredictionCollapseCheck implements Check {

    /** Below this share of the labels' entropy, the predictions have collapsed. */
    static final double COLLAPSED_ENTROPY_RATIO = 0.5;
    /** A never-predicted class with at least this many test rows is a clear miss, not chance. */
    static final int CLEAR_MISS_ROWS = 10;

    @Override
    public String id() {
        return "prediction-collapse";
    }

    @Override
    public Cost cost() {
        return Cost.MODEL;
    }

    @Override
    public CheckResult run(CheckContext context) {
        Metrics m = context.metrics();
        long predicted = m.predictedCounts().values().stream().filter(c -> c > 0).count();
        double ratio = m.trueEntropy() > 0 ? m.predictedEntropy() / m.trueEntropy() : 1;
        boolean collapsed = predicted <= 1 || ratio < COLLAPSED_ENTROPY_RATIO;
        long clearMisses = m.neverPredicted().stream()
                .filter(c -> m.trueCounts().get(c) >= CLEAR_MISS_ROWS).count();
        if (!collapsed && m.neverPredicted().isEmpty()) {
            return CheckResult.healthy(id(), "every class is predicted; prediction entropy is "
                    + String.format(java.util.Locale.ROOT, "%.0f%%", 100 * ratio) + " of the labels'");
        }
        Severity severity = collapsed ? Severity.HIGH : clearMisses > 0 ? Severity.MEDIUM : Severity.LOW;
        String title = collapsed
                ? String.format(java.util.Locale.ROOT, "The model predicts '%s' for %.1f%% of the test rows and "
                        + "never predicts %d of %d classes.", m.topPredictedClass(), 100 * m.topPredictedShare(),
                        m.neverPredicted().size(), m.recall().size())
                : String.format(java.util.Locale.ROOT, "The model never predicts %d of %d classes: %s.",
                        m.neverPredicted().size(), m.recall().size(), String.join(", ", m.neverPredicted()));
        return CheckResult.problem(id(), new Finding(id(), severity, title, evidence(
                "top_predicted_class", m.topPredictedClass(),
                "top_predicted_share", m.topPredictedShare(),
                "classes_predicted", predicted,
                "classes_never_predicted", m.neverPredicted(),
                "prediction_entropy", m.predictedEntropy(),
                "label_entropy", m.trueEntropy(),
                "accuracy", m.accuracy(),
                "balanced_accuracy", m.balancedAccuracy()),
                new Remedy("This is the symptom; fix its cause (the root cause below). Judge models by balanced "
                        + "accuracy and per-class recall, not accuracy.",
                        "Checkup.of(data).trainer(trainer).run().rootCause()"),
                Notebooks.SYMPTOM));
    }
}
