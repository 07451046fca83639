package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.CheckData;
import dev.flatline.data.ColumnMatch;
import dev.flatline.data.ColumnStats;
import dev.flatline.remedies.Changes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code train-test-shift} (R18): per feature, how far the test part's mean lies from the training
 * mean (in training standard deviations) and how their spreads compare. Many shifted features at
 * once signal that train and test were preprocessed differently (e.g. standardised separately).
 */
public final class TrainTestShiftCheck implements Check {

    /** A feature is shifted when its test mean is this many training deviations away... */
    static final double MEAN_SHIFT = 1.0;
    /**
     * ...or its test deviation differs from the training one by this factor, together with a mean
     * shift of at least a quarter deviation (a sparse column's spread alone varies a lot between random
     * parts)...
     */
    static final double SPREAD_FACTOR = 3.0;
    /** ...or by this factor alone. */
    static final double SPREAD_ALONE = 10.0;

    @Override
    public String id() {
        return "train-test-shift";
    }

    @Override
    public Cost cost() {
        return Cost.DATA;
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckData data = context.data();
        List<ColumnStats> train = data.trainColumnStats();
        List<ColumnStats> test = data.testColumnStats();
        List<String> shifted = new ArrayList<>();
        double worst = 0;
        String worstFeature = "";
        int compared = 0;
        for (int j = 0; j < train.size(); j++) {
            ColumnStats a = train.get(j);
            ColumnStats b = test.get(j);
            if (a.constant()) {
                continue;
            }
            compared++;
            double meanShift = Math.abs(b.mean() - a.mean()) / a.std();
            double spread = Math.max(b.std() / a.std(), a.std() / Math.max(b.std(), 1e-300));
            if (meanShift > MEAN_SHIFT || spread > SPREAD_ALONE || (spread > SPREAD_FACTOR && meanShift > 0.25)) {
                shifted.add(String.format(Locale.ROOT, "%s (mean shift %.2f sd, spread x%.2f)",
                        data.featureNames().get(j), meanShift, spread));
            }
            if (meanShift > worst) {
                worst = meanShift;
                worstFeature = data.featureNames().get(j);
            }
        }
        // Columns moved (re-encoded or reordered) may share their scale, so the whole distributions are compared too;
        // where test columns hold other training columns' values, renaming them is the remedy, not rescaling them.
        ColumnMatch match = data.testColumnMatch(context.seed());
        if (match.found()) {
            List<String> moves = match.described();
            double movedShare = (double) moves.size() / Math.max(1, compared);
            return CheckResult.problem(id(), new Finding(id(), movedShare >= 0.25 ? Severity.HIGH : Severity.MEDIUM,
                    String.format(Locale.ROOT, "%d of %d test columns hold values distributed like another training "
                            + "column and unlike their own (e.g. %s): the test file's columns look re-encoded or "
                            + "reordered.", moves.size(), compared, moves.get(0)),
                    evidence("moved_columns", moves, "features_compared", compared, "ks_critical", match.critical(),
                            "shifted_features", shifted, "separate_test_file", data.separateTestFile()),
                    Remedy.of("Encode the test file with the training file's encoder and column order (never refit "
                            + "on test); the checkup tries giving each moved test column the name of the training "
                            + "column it is distributed like, without retraining.",
                            Changes.testColumnsRenamed(match.moved())),
                    Notebooks.PREPROCESSING));
        }
        if (shifted.isEmpty()) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "train and test features match (largest mean shift %.2f sd)", worst));
        }
        double share = (double) shifted.size() / Math.max(1, compared);
        Severity severity = share >= 0.5 ? Severity.HIGH : share >= 0.25 ? Severity.MEDIUM : Severity.LOW;
        return CheckResult.problem(id(), new Finding(id(), severity, String.format(Locale.ROOT,
                "%d of %d features are distributed differently in the test part than in training (worst: '%s', "
                        + "%.2f sd): %s.", shifted.size(), compared, worstFeature, worst,
                share >= 0.25 ? "train and test look preprocessed differently" : "a shift in the data"),
                evidence("shifted_features", shifted, "features_compared", compared, "largest_mean_shift_sd", worst,
                        "separate_test_file", data.separateTestFile()),
                Remedy.of("Preprocess test data with the statistics fitted on the training data (never refit on "
                        + "test); the checkup tries aligning each test column to the training column's mean and "
                        + "deviation, without retraining.", Changes.testAlignedToTrain()),
                Notebooks.PREPROCESSING));
    }

    /**
     * The proof the checkup's reference models give ({@link Symptom#testPartFarWorse()}): every model trained on the
     * training part scores far lower on the test part than on held-out training rows. Added to this check's finding
     * where it has one; where the columns' statistics showed nothing (columns of one scale reordered, or a change
     * no per-column statistic sees), a finding of its own, with advice only (no change can be tried: what is wrong
     * with the test file is not known).
     *
     * @param finding  this check's finding, where it made one
     * @param symptom  the measured symptom, whose {@code testPartFarWorse} is not empty
     * @param separate whether the test part came from its own file
     */
    static Finding provenByReferences(Optional<Finding> finding, Symptom symptom, boolean separate) {
        String proof = symptom.testPartFarWorse();
        Finding base = finding.orElseGet(() -> new Finding("train-test-shift", Severity.HIGH,
                "The test rows are unlike the training rows, though each test column's mean and spread match its "
                        + "training column: " + proof + ".",
                evidence("test_part_drop", symptom.testPartDrop(), "test_part_drop_margin",
                        symptom.testPartDropMargin(), "separate_test_file", separate),
                Remedy.advice("Prepare the test file with the pipeline fitted on the training file (the same encoder, "
                        + "scaler and column order, never refitted on test) or, if it comes from elsewhere, train on "
                        + "rows like it; then run the checkup again."),
                Notebooks.PREPROCESSING));
        Map<String, Object> evidence = new LinkedHashMap<>(base.evidence());
        evidence.put("proven_by", proof);
        return new Finding(base.id(), base.severity(), base.title(), evidence, base.remedy(), base.notebook());
    }
}
