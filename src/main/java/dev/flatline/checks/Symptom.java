package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.ClassShift;
import dev.flatline.data.ClassCounts;
import dev.flatline.data.StratifiedSplit;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.remedies.ClassWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.function.Supplier;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * Whether the checked model has the symptom a checkup is for, measured before any cause is named:
 * classes it never predicts although the data let a reference model predict them, or a balanced
 * accuracy far below what the data allow.
 *
 * <p>What the data allow is measured, not guessed: two strong non-neural reference models that need no
 * tuning (a Tribuo CART tree, which ignores feature units, and a Tribuo logistic regression on features
 * standardised on its training rows), each with and without balanced class weights (balanced accuracy
 * is the measure), and a shallow network of two tanh layers (smooth curved boundaries, which a tree and a
 * linear model both miss), are trained on {@value #REFERENCE_TRAIN_SHARE} of the training
 * part and scored both on the held-out rest of the training part and on the test part; the reference is
 * the best of these scores. Scoring on held-out training rows keeps the reference honest when the
 * test part itself is at fault (e.g. preprocessed differently), where every model trained on the
 * training part fails on the test part.
 *
 * @param present            whether the model has the symptom
 * @param balancedAccuracy   the model's balanced accuracy on the test part (the report's one "before")
 * @param reference          the best balanced accuracy of the reference models
 * @param referenceModel     which reference model, scored on which rows, reached it
 * @param neverPredicted     classes with at least {@value #MIN_TEST_ROWS} test rows that the model never
 *                           predicts and a reference model recalls at least half of
 * @param gap                reference minus the model's balanced accuracy
 * @param gapMargin          the gap's 95% margin (paired bootstrap over test rows)
 * @param shownBy            where the references share the model's handicap and cannot show the gap, the experiment
 *                           that shows the model far below what the data allow, as a clause of the summary: more
 *                           labelled rows tried (the same few rows), or the same model scored on its
 *                           test part made like the training part, without retraining (aligned to its statistics,
 *                           or its columns renamed: a test part preprocessed differently, which misleads every
 *                           reference too); empty otherwise
 * @param weightsLift        on the test part, what balanced class weights add to a reference model of one
 *                           kind (the kind where the lift's lower bound is largest): the imbalance's own
 *                           controlled experiment, same model and rows with and without weights
 * @param weightsLiftMargin  that lift's 95% margin (paired bootstrap over the test rows)
 * @param weightsReference   the reference kind that {@code weightsLift} is measured on
 * @param overPredicted      where the training rows are dominated by one class (at least
 *                           {@link Checkup#LARGE_IMBALANCE} times the smallest) and the model predicts that class
 *                           far more often than it occurs in the test part, that finding in a sentence; empty
 *                           otherwise (the flatline symptom itself: one class predicted too often)
 * @param countedClassesGap  where the held-out training rows hold too few rows of some class for a whole balanced
 *                           accuracy, the comparison on the classes they do hold, in a sentence, when the model
 *                           trails the reference there by more than {@link #FAR_BELOW_OTHER_ROWS}; empty otherwise
 * @param rarelyPredicted    classes the model predicts, but far less often than they occur (at most
 *                           {@value #RARELY_PREDICTED} times their test rows, by more than twice the count's noise), while
 *                           a reference model recalls at least half of them, in a sentence; empty otherwise
 * @param testPartDrop       the smallest drop, over the reference models, from their mean recall on held-out
 *                           training rows to their mean recall on the test part, on the classes both hold at least
 *                           {@value #MIN_TEST_ROWS} rows of: how much worse than other rows of the training part's
 *                           own kind the test part is for every model trained on the training part (NaN where some
 *                           reference has fewer than two such classes)
 * @param testPartDropMargin that drop's 95% margin (binomial standard errors of the recalls on both parts)
 * @param testPartFarWorse   where every reference drops by more than {@link #FAR_BELOW_OTHER_ROWS} and by more than
 *                           its margin, or, on test rows whose classes are each distributed unlike their training
 *                           rows ({@code testPartShiftPValue} at most {@link #SHIFT_LEVEL}), the references drop by
 *                           more than {@link #FAR_BELOW_OTHER_ROWS} on average, that finding in a sentence (the test
 *                           part is unlike the training part in a way no model trained on it handles: preprocessed
 *                           differently, reordered, or drifted); empty otherwise
 * @param testPartShiftPValue where the references drop by more than {@link #FAR_BELOW_OTHER_ROWS} on average but
 *                           not every drop clears that and its margin (a few test rows), the p-value of
 *                           {@link ClassShift}: whether each class's test rows are distributed like its training
 *                           rows; NaN where not measured
 */
public record Symptom(boolean present, double balancedAccuracy, double reference, String referenceModel,
                      List<String> neverPredicted, double gap, double gapMargin, String shownBy,
                      double weightsLift, double weightsLiftMargin, String weightsReference, String overPredicted,
                      String countedClassesGap, String rarelyPredicted, double testPartDrop,
                      double testPartDropMargin, String testPartFarWorse, double testPartShiftPValue) {

    /**
     * The {@link ClassShift} p-value at or below which the test part's rows are taken to differ from the training
     * part's, class by class: the test's smallest p-value with its {@value ClassShift#PERMUTATIONS} relabellings.
     */
    public static final double SHIFT_LEVEL = 1.0 / (ClassShift.PERMUTATIONS + 1);
    /** Share of the training rows the reference models train on (the rest scores them). */
    public static final double REFERENCE_TRAIN_SHARE = 0.8;
    /**
     * The model is "far below" the data's reach when its balanced accuracy trails the best reference on the
     * same test rows by more (and by more than the gap's noise).
     */
    public static final double FAR_BELOW = 0.03;
    /**
     * ... or trails a reference scored on the held-out training rows by more than this: other rows than
     * the model's, so a gap must be larger to count (on small tasks they score up to 0.05 above the test part).
     */
    public static final double FAR_BELOW_OTHER_ROWS = 0.10;
    /** Hidden layers of the shallow reference network. */
    static final int[] SHALLOW_NETWORK = {32, 32};
    /**
     * The dominant training class is "predicted far more often than it occurs" from this ratio of predicted to
     * true test rows on, when the excess is also more than twice the count's Poisson noise (the square root of its
     * true rows).
     */
    public static final double OVER_PREDICTED = 1.25;
    /**
     * A class is "rarely predicted" from this ratio of predicted to true test rows down (and above 0: none is "never"),
     * when the shortfall is also more than twice the count's noise: a milder shortfall is common between neighbouring
     * classes of a healthy model (Landsat's two damp soils).
     */
    public static final double RARELY_PREDICTED = 0.5;
    /** A never-predicted class counts only with at least this many test rows (fewer is chance). */
    public static final int MIN_TEST_ROWS = 3;
    /** Training rows the reference models use at most (a stratified sample above it). */
    public static final int REFERENCE_ROWS = 8000;

    /** Copies the list. */
    public Symptom {
        neverPredicted = List.copyOf(neverPredicted);
    }

    /** The reference models, in the order they are compared (the first of equals is named). */
    static final List<String> REFERENCES = List.of("CART tree", "logistic regression",
            "CART tree, balanced class weights", "logistic regression, balanced class weights", "shallow tanh network");

    /** One reference model of {@code kind}, trained on these rows (standardised ones for all but the trees). */
    private static Model<Label> fitReference(String kind, Dataset<Label> rows, long seed) {
        boolean logistic = !kind.startsWith("CART");
        Dataset<Label> train = kind.endsWith("weights") ? ClassWeights.balanced(rows).applyTo(rows) : rows;
        // A smooth non-linear reference too: a tree and a linear model both trail what a network reaches on
        // curved boundaries (two circles: a tree 0.85, two tanh layers 0.89).
        Trainer<Label> trainer = kind.startsWith("shallow") ? Checkup.defaultNetwork(train.size())
                .hidden(SHALLOW_NETWORK).hiddenActivation(HiddenActivation.TANH).seed(seed).build()
                : logistic ? new LogisticRegressionTrainer() : new CARTClassificationTrainer();
        return trainer.train(train);
    }

    /** Measures the symptom of a model with these test metrics on this data. */
    static Symptom measure(CheckData data, Metrics model, List<String> classes, long seed) {
        Dataset<Label> sample = CheckData.sample(data.train(), REFERENCE_ROWS, seed);
        String[] labels = new String[sample.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = sample.getExample(i).getOutput().getLabel();
        }
        StratifiedSplit split = StratifiedSplit.split(labels, 1 - REFERENCE_TRAIN_SHARE, seed);
        CheckData onTest = data.withTrain(rows(sample, split.trainRows(), "reference training rows"));
        CheckData onHeldOut = onTest.withTest(rows(sample, split.heldOutRows(), "reference held-out rows"));
        // Both logistic regressions share one standardised copy of each part (made on first use).
        Supplier<CheckData> standardisedOnTest = memoised(onTest::standardisedCopy);
        Supplier<CheckData> standardisedOnHeldOut = memoised(onHeldOut::standardisedCopy);
        double best = -1; // the test part always counts, so some reference is scored
        String bestName = "";
        Metrics bestOnTest = null;
        List<Map<String, Double>> recalls = new ArrayList<>();
        String countedGap = "";
        double countedGapSize = 0;
        Map<String, Metrics> testMetrics = new java.util.HashMap<>();
        Map<String, Metrics> heldOutMetrics = new java.util.HashMap<>();
        // The network, the slowest fit by far, is trained first: it runs beside the checks and the remedies on
        // the other core, and the cheap fits then finish sooner after them. The models are read in REFERENCES'
        // order, so which reference is best (ties included) does not depend on the order of training.
        Map<String, Model<Label>> fitted = new java.util.HashMap<>();
        String network = REFERENCES.get(REFERENCES.size() - 1);
        fitted.put(network, fitReference(network, standardisedOnTest.get().train(), seed));
        for (String kind : REFERENCES) {
            boolean logistic = !kind.startsWith("CART");
            // One fit per kind, scored on both parts (standardising is fitted on the same training rows).
            CheckData scaledTest = logistic ? standardisedOnTest.get() : onTest;
            CheckData scaledHeldOut = logistic ? standardisedOnHeldOut.get() : onHeldOut;
            Model<Label> m = fitted.computeIfAbsent(kind, k -> fitReference(k, scaledTest.train(), seed));
            for (CheckData part : List.of(scaledTest, scaledHeldOut)) {
                Metrics metrics = Metrics.of(m, part.test(), classes);
                (part == scaledTest ? testMetrics : heldOutMetrics).put(kind, metrics);
                // A recall, or a balanced accuracy, read off fewer than MIN_TEST_ROWS rows of a class is chance
                // (a few training rows hold out one or two of a class): only classes with enough rows count.
                Map<String, Double> recall = new java.util.HashMap<>(metrics.recall());
                recall.keySet().removeIf(c -> metrics.trueCounts().getOrDefault(c, 0L) < MIN_TEST_ROWS);
                recalls.add(recall);
                boolean everyClassCounted = classes.stream()
                        .allMatch(c -> metrics.trueCounts().getOrDefault(c, 0L) >= MIN_TEST_ROWS);
                if (part == scaledHeldOut && !everyClassCounted) {
                    // A whole balanced accuracy needs every class: compare on the classes the held-out rows hold
                    // enough of instead (a test-side fault shows there too, where the test part misleads every
                    // reference trained on the training part).
                    List<String> counted = recall.keySet().stream().sorted().toList();
                    if (counted.size() >= 2) {
                        double ref = counted.stream().mapToDouble(recall::get).average().orElse(0);
                        double mine = counted.stream().mapToDouble(c -> model.recall().getOrDefault(c, 0.0))
                                .average().orElse(0);
                        if (ref - mine > countedGapSize) {
                            countedGapSize = ref - mine;
                            countedGap = String.format(Locale.ROOT, "on the %d classes with at least %d held-out "
                                    + "training rows (%s) it recalls %.3f on average against %.3f for a reference "
                                    + "(%s on held-out training rows)", counted.size(), MIN_TEST_ROWS,
                                    String.join(", ", counted), mine, ref, kind);
                        }
                    }
                    continue;
                }
                if (metrics.balancedAccuracy() > best) {
                    best = metrics.balancedAccuracy();
                    bestName = kind + " on " + (part == scaledTest ? "the test part" : "held-out training rows");
                }
                if (part == scaledTest && (bestOnTest == null
                        || metrics.balancedAccuracy() > bestOnTest.balancedAccuracy())) {
                    bestOnTest = metrics;
                }
            }
        }
        // A class the model never, or far too rarely, predicts is the symptom only where it has enough test rows to
        // count and some reference recalls at least half of it (the data let a model find it).
        List<String> never = new ArrayList<>();
        List<String> rarely = new ArrayList<>();
        for (String c : classes) {
            long truth = model.trueCounts().getOrDefault(c, 0L);
            long predicted = model.predictedCounts().getOrDefault(c, 0L);
            boolean reachable = recalls.stream().anyMatch(r -> r.getOrDefault(c, 0.0) >= 0.5);
            if (truth < MIN_TEST_ROWS || !reachable) {
                continue;
            }
            if (predicted == 0) {
                never.add(c);
            } else if (predictedFarTooRarely(truth, predicted)) {
                rarely.add(String.format(Locale.ROOT, "'%s' %d times for %d test rows", c, predicted, truth));
            }
        }
        String rarelyPredicted = rarely.isEmpty() ? "" : "it rarely predicts " + String.join(", ", rarely)
                + ", which a reference recalls at least half of";
        double gap = best - model.balancedAccuracy();
        // "Far below" must also beat the noise: the gap must exceed its 95% margin (paired bootstrap of the
        // best reference and the model on the test rows).
        double margin = PairedBootstrap.margin(model.trueLabels(), model.predictedLabels(),
                bestOnTest.predictedLabels());
        double testGap = bestOnTest.balancedAccuracy() - model.balancedAccuracy();
        boolean farBelow = (testGap > FAR_BELOW && testGap > margin) || (gap > FAR_BELOW_OTHER_ROWS && gap > margin);
        if (!(countedGapSize > FAR_BELOW_OTHER_ROWS && countedGapSize > margin)) {
            countedGap = "";
        }
        String over = overPredicted(data.classCounts(), model);
        double weightsLift = 0;
        double weightsMargin = 0;
        String weightsKind = "";
        for (String kind : List.of("CART tree", "logistic regression")) {
            Metrics plain = testMetrics.get(kind);
            Metrics weighted = testMetrics.get(kind + ", balanced class weights");
            double lift = weighted.balancedAccuracy() - plain.balancedAccuracy();
            double liftMargin = PairedBootstrap.margin(plain.trueLabels(), plain.predictedLabels(),
                    weighted.predictedLabels());
            if (weightsKind.isEmpty() || lift - liftMargin > weightsLift - weightsMargin) {
                weightsLift = lift;
                weightsMargin = liftMargin;
                weightsKind = kind;
            }
        }
        // The test part against other rows of the training part's kind: every reference, not only the best, must
        // score far lower on it (one reference may fit held-out rows by luck; all of them do not).
        double drop = Double.NaN;
        double dropMargin = Double.NaN;
        boolean everyDropsFar = true;
        boolean everyBeyondMargin = true;
        double dropSum = 0;
        String closest = "";
        for (String kind : REFERENCES) {
            Metrics heldOut = heldOutMetrics.get(kind);
            Metrics test = testMetrics.get(kind);
            List<String> counted = classes.stream()
                    .filter(c -> heldOut.trueCounts().getOrDefault(c, 0L) >= MIN_TEST_ROWS
                            && test.trueCounts().getOrDefault(c, 0L) >= MIN_TEST_ROWS).toList();
            if (counted.size() < 2) {
                drop = Double.NaN;
                everyDropsFar = false;
                break;
            }
            double d = meanRecall(heldOut, counted) - meanRecall(test, counted);
            double m = 1.96 * Math.sqrt(meanRecallVariance(heldOut, counted) + meanRecallVariance(test, counted));
            everyDropsFar &= d > FAR_BELOW_OTHER_ROWS;
            everyBeyondMargin &= d > m;
            dropSum += d;
            if (Double.isNaN(drop) || d < drop) {
                drop = d;
                dropMargin = m;
                closest = String.format(Locale.ROOT, "%s: %.3f on held-out training rows, %.3f on the test part, "
                        + "on the %d classes both hold at least %d rows of", kind, meanRecall(heldOut, counted),
                        meanRecall(test, counted), counted.size(), MIN_TEST_ROWS);
            }
        }
        // On a few test rows each drop's margin is wide, and one reference may hold up by luck: there the rows
        // themselves say whether the test part differs, each class's test rows against its training rows, and the
        // references' mean drop says that it costs them.
        double meanDrop = Double.isNaN(drop) ? Double.NaN : dropSum / REFERENCES.size();
        boolean provenByDrops = everyDropsFar && everyBeyondMargin;
        double shiftP = Double.NaN;
        if (!provenByDrops && meanDrop > FAR_BELOW_OTHER_ROWS) {
            shiftP = ClassShift.of(data, seed).map(ClassShift::pValue).orElse(Double.NaN);
        }
        String farWorse = "";
        if (provenByDrops) {
            farWorse = String.format(Locale.ROOT, "every reference model trained on the training part recalls far "
                    + "less on the test part than on held-out training rows, by at least %.3f ± %.3f (the smallest "
                    + "drop, %s)", drop, dropMargin, closest);
        } else if (shiftP <= SHIFT_LEVEL) {
            farWorse = String.format(Locale.ROOT, "each class's test rows are distributed unlike its training rows "
                    + "(energy distance, p = %.3f over %d relabellings within classes), and the reference models "
                    + "trained on the training part recall %.3f less on them than on held-out training rows, on "
                    + "average (the smallest drop %.3f ± %.3f, %s)", shiftP, ClassShift.PERMUTATIONS, meanDrop, drop,
                    dropMargin, closest);
        }
        return new Symptom(!never.isEmpty() || farBelow || !over.isEmpty() || !countedGap.isEmpty()
                || !rarelyPredicted.isEmpty(), model.balancedAccuracy(), best, bestName, never, gap, margin, "",
                weightsLift, weightsMargin, weightsKind, over, countedGap, rarelyPredicted, drop, dropMargin,
                farWorse, shiftP);
    }

    /** Mean recall of {@code metrics} over {@code classes}. */
    private static double meanRecall(Metrics metrics, List<String> classes) {
        return classes.stream().mapToDouble(c -> metrics.recall().getOrDefault(c, 0.0)).average().orElse(0);
    }

    /**
     * Variance of {@link #meanRecall}: each class's binomial variance over its rows, with one hit and one miss added
     * (a recall of 1 on a few rows is not certain), the classes taken as independent.
     */
    private static double meanRecallVariance(Metrics metrics, List<String> classes) {
        double sum = 0;
        for (String c : classes) {
            long n = metrics.trueCounts().get(c);
            double p = (metrics.recall().getOrDefault(c, 0.0) * n + 1) / (n + 2);
            sum += p * (1 - p) / n;
        }
        return sum / ((double) classes.size() * classes.size());
    }

    /**
     * The dominant training class predicted far more often than it occurs in the test part (see
     * {@link #OVER_PREDICTED}), in a sentence; empty where no class dominates the training rows or the model does
     * not lean toward it.
     */
    static String overPredicted(ClassCounts train, Metrics model) {
        if (train.size() < 2 || train.imbalanceRatio() < Checkup.LARGE_IMBALANCE) {
            return "";
        }
        String dominant = train.majority();
        long truth = model.trueCounts().getOrDefault(dominant, 0L);
        long predicted = model.predictedCounts().getOrDefault(dominant, 0L);
        boolean far = truth >= MIN_TEST_ROWS && predictedFarTooOften(truth, predicted);
        return far ? String.format(Locale.ROOT, "it predicts '%s', which holds %d of %d training rows, %d times for "
                + "%d test rows (%.2f×)", dominant, train.get(dominant), train.total(), predicted, truth,
                (double) predicted / truth) : "";
    }

    /**
     * Whether a class is predicted far more often than it occurs: at least {@link #OVER_PREDICTED} times its true
     * test rows, and by more than twice the count's Poisson noise (the square root of its true rows).
     */
    static boolean predictedFarTooOften(long truth, long predicted) {
        return predicted >= OVER_PREDICTED * truth && predicted - truth > 2 * Math.sqrt(truth);
    }

    /**
     * Whether a class is predicted far less often than it occurs: at most {@link #RARELY_PREDICTED} times its true
     * test rows, by more than twice the count's Poisson noise (the square root of its true rows).
     */
    static boolean predictedFarTooRarely(long truth, long predicted) {
        return predicted <= RARELY_PREDICTED * truth && truth - predicted > 2 * Math.sqrt(truth);
    }

    private static <T> Supplier<T> memoised(Supplier<T> compute) {
        List<T> value = new ArrayList<>(1);
        return () -> {
            if (value.isEmpty()) {
                value.add(compute.get());
            }
            return value.get(0);
        };
    }

    private static Dataset<Label> rows(Dataset<Label> from, int[] rows, String what) {
        MutableDataset<Label> out = CheckData.empty(what);
        for (int r : rows) {
            out.add(from.getExample(r).copy());
        }
        return out;
    }

    /**
     * This symptom made present by an experiment the reference models cannot match, described by {@code clause}
     * (see {@link #shownBy()}).
     */
    Symptom shownBy(String clause) {
        return new Symptom(true, balancedAccuracy, reference, referenceModel, neverPredicted, gap, gapMargin,
                clause, weightsLift, weightsLiftMargin, weightsReference, overPredicted, countedClassesGap,
                rarelyPredicted, testPartDrop, testPartDropMargin, testPartFarWorse, testPartShiftPValue);
    }

    /** Whether balanced class weights lift a reference model by more than {@code least} and its noise. */
    public boolean weightsLiftReference(double least) {
        return weightsLift >= least && weightsLift - weightsLiftMargin > 0;
    }

    /** The verdict in a sentence, e.g. for the terminal and the report's first line. */
    public String summary() {
        String numbers = String.format(Locale.ROOT, "balanced accuracy %.3f against %.3f for a reference (%s)",
                balancedAccuracy, reference, referenceModel);
        if (!present) {
            return "Healthy: the model predicts every class the data let a reference model predict; its " + numbers
                    + ".";
        }
        List<String> parts = new ArrayList<>();
        if (!neverPredicted.isEmpty()) {
            parts.add(neverPredicted.size() + " class" + (neverPredicted.size() == 1 ? " is" : "es are")
                    + " never predicted (" + String.join(", ", neverPredicted) + ")");
        }
        String farBelow = String.format(Locale.ROOT, "it is %.3f ± %.3f below what the data allow", gap, gapMargin);
        if (gap > FAR_BELOW_OTHER_ROWS && gap > gapMargin) {
            parts.add(farBelow);
        }
        // The lean toward the dominant class and the counted classes' comparison are the evidence where neither a
        // class never predicted nor the whole gap shows it: one reason, not every reason, keeps the line readable.
        if (parts.isEmpty() && !rarelyPredicted.isEmpty()) {
            parts.add(rarelyPredicted);
        }
        if (parts.isEmpty()) {
            if (!overPredicted.isEmpty()) {
                parts.add(overPredicted);
            }
            if (!countedClassesGap.isEmpty()) {
                parts.add(countedClassesGap);
            }
        }
        if (!shownBy.isEmpty()) {
            parts.add(shownBy);
        }
        if (parts.isEmpty()) {
            parts.add(farBelow);
        }
        return "Symptom: " + String.join(" and ", parts) + "; " + numbers + ".";
    }
}
