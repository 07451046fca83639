package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code learning-curve} (R15, R20): fits on growing subsets and reads the curve. Low balanced
 * accuracy even on the training rows means the model underfits (capacity, training, learning rate);
 * test balanced accuracy still rising at the largest subset means more data would help.
 */
public final class LearningCurveCheck implements Check {

    /** Gain from the last doubling of the data that counts as "still rising". */
    static final double RISING = 0.03;
    /** Gain per doubling, over the whole curve and the last doubling, that proves the data too few. */
    static final double PROVEN = 0.05;
    /**
     * Evidence key: true where more labelled rows of these data, tried, lift the model beyond its noise
     * ({@link MoreRows}): an experiment that shows the model far below what the data allow, so the rows are the
     * model's symptom even where reference models trained on the same few rows show no gap. A curve's slope alone
     * never is: healthy data whose boundary needs many rows (three noisy concentric rings, 720 training rows: +0.10
     * to +0.12 per doubling, the model level with every reference) show slopes as steep.
     */
    static final String DATA_LIMITED = "data_limited";
    /** Training balanced accuracy below this is underfitting. */
    static final double UNDERFIT = 0.7;

    @Override
    public String id() {
        return "learning-curve";
    }

    @Override
    public Cost cost() {
        return Cost.MANY_FITS;
    }

    @Override
    public CheckResult run(CheckContext context) {
        if (context.data().train().size() < 2 * context.classes().size()) {
            return CheckResult.notApplicable(id(), "too few training rows for a curve");
        }
        LearningCurve curve = curve(context);
        int last = curve.rows().length - 1;
        Object[] numbers = {"rows", Arrays.stream(curve.rows()).boxed().map(String::valueOf).toList(),
                "train_balanced_accuracy", format(curve.trainBalancedAccuracy()),
                "test_balanced_accuracy", format(curve.testBalancedAccuracy()),
                "last_doubling_gain", curve.lastGain(), "train_test_gap", curve.gap()};
        Optional<MoreRows> more = MoreRows.of(context);
        if (more.isPresent() && more.get().proves()) {
            // The strongest evidence: more labelled rows of these very data, tried, lift the model beyond its noise.
            MoreRows m = more.get();
            List<Object> proof = new ArrayList<>(Arrays.asList(numbers));
            proof.addAll(m.evidence());
            proof.addAll(List.of(DATA_LIMITED, true, "proven_by", m.proof()));
            return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, String.format(Locale.ROOT,
                    "Too little training data: with %d more labelled rows of these data the same trainer reaches "
                            + "balanced accuracy %.3f, %+.3f ± %.3f above the model trained on its %d rows.",
                    m.moreRows(), m.after().balancedAccuracy(), m.lift(), m.margin(), m.rows()),
                    evidence(proof.toArray()), new Remedy(String.format(Locale.ROOT, "Train on more rows: collect "
                            + "or label them, or move labelled rows into the training part (here %d more were worth "
                            + "%+.3f), keeping a test part for the final score (R5, R20).", m.moreRows(), m.lift()),
                            MoreRows.CODE),
                    Notebooks.DATA_VOLUME));
        }
        if (curve.trainBalancedAccuracy()[last] < UNDERFIT && curve.gap() < 0.1) {
            return CheckResult.problem(id(), new Finding(id(), Severity.MEDIUM, String.format(Locale.ROOT,
                    "The model underfits: even on its own %d training rows its balanced accuracy is only %.3f.",
                    curve.rows()[last], curve.trainBalancedAccuracy()[last]), evidence(numbers),
                    new Remedy("Fix training first (learning rate, epochs), then add capacity.",
                            "MlpTrainer.builder()...hidden(128, 128).epochs(30)"), Notebooks.DATA_VOLUME));
        }
        // Proof needs the curve to end at the whole training part: on large data it stops at a sample, and a
        // curve still rising there says the rows not yet used would help, not that the data are too few.
        boolean wholeTrainingPart = curve.rows()[last] >= context.data().train().size();
        if (wholeTrainingPart && curve.lastGainPerDoubling() >= PROVEN && curve.slopePerDoubling() >= PROVEN
                && curve.lastGain() > curve.lastGainMargin()) {
            // Every doubling so far lifted the model, and the last step still did (per doubling, as steep), by more
            // than its noise on the test rows: more rows would help. That is an improvement, not a proof of a cause:
            // it neither makes a symptom nor names one (see DATA_LIMITED): a model level with the references is as
            // good as these rows allow, and one that trails them trails models trained on at most its rows.
            List<Object> proof = new ArrayList<>(Arrays.asList(numbers));
            proof.addAll(List.of("slope_per_doubling", curve.slopePerDoubling(), "last_doubling_gain_margin",
                    curve.lastGainMargin(), DATA_LIMITED, false,
                    "more_rows_would_help", String.format(Locale.ROOT, "learning-curve slope %+.3f per doubling, "
                    + "last doubling %+.3f ± %.3f", curve.slopePerDoubling(), curve.lastGain(), curve.lastGainMargin())));
            return CheckResult.problem(id(), new Finding(id(), Severity.HIGH, String.format(Locale.ROOT,
                    "Too little training data: test balanced accuracy rises %.3f per doubling of the rows (+%.3f ± "
                            + "%.3f from %d to %d rows) and has not levelled off.", curve.slopePerDoubling(),
                    curve.lastGain(), curve.lastGainMargin(), curve.rows()[last - 1], curve.rows()[last]),
                    evidence(proof.toArray()),
                    Remedy.advice("Collect more training rows (the curve says each doubling is worth about "
                            + String.format(Locale.ROOT, "%.2f", curve.slopePerDoubling())
                            + " balanced accuracy), or augment them (R5, R20)."),
                    Notebooks.DATA_VOLUME));
        }
        if (curve.lastGain() >= RISING) {
            return CheckResult.problem(id(), new Finding(id(), Severity.LOW, String.format(Locale.ROOT,
                    "Test balanced accuracy still rises with more data (+%.3f from %d to %d rows): more data, or "
                            + "augmenting the rare classes, would help.", curve.lastGain(), curve.rows()[last - 1],
                    curve.rows()[last]), evidence(numbers),
                    Remedy.advice("Collect more rows of the rare classes, or augment them (R5, R20)."),
                    Notebooks.DATA_VOLUME));
        }
        return CheckResult.healthy(id(), String.format(Locale.ROOT,
                "the curve has flattened (test balanced accuracy %.3f at %d rows)",
                curve.testBalancedAccuracy()[last], curve.rows()[last]));
    }

    static LearningCurve curve(CheckContext context) {
        return context.memo("learning-curve", () -> LearningCurve.run(context));
    }

    private static List<String> format(double[] values) {
        return Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList();
    }
}
