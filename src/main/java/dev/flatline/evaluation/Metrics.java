package dev.flatline.evaluation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * How a model does on a test set, in the numbers that expose a flatlined classifier (R22): accuracy
 * next to balanced accuracy and macro-F1, per-class recall, and the classes it never predicts (R23).
 *
 * <p>Balanced accuracy is the mean recall over the classes present in the test set (scikit-learn's
 * definition), so a class absent from the test set does not count as a failure; macro-F1 averages
 * over the classes that are present or predicted. Tribuo's {@code 1 - balancedErrorRate()} averages over
 * the model's whole output domain instead, so it reads lower whenever a class is missing from the test
 * set; flatline quotes only this one, everywhere (checkup, comparisons, charts, notebooks), so that one
 * number means one thing. {@link #of(LabelEvaluation)} scores an evaluation Tribuo already made.
 *
 * @param accuracy         share of test rows predicted right
 * @param balancedAccuracy mean per-class recall
 * @param macroF1          mean per-class F1
 * @param recall           per class present in the test set, its recall
 * @param trueCounts       test rows per class, in the order of the training classes
 * @param predictedCounts  predictions per class, same order
 * @param neverPredicted   classes present in the test set that the model never predicts
 * @param nonFiniteScores  test rows whose scores hold NaN or infinity (R12)
 * @param trueLabels       each test row's class
 * @param predictedLabels  each test row's predicted class
 */
public record Metrics(double accuracy, double balancedAccuracy, double macroF1, Map<String, Double> recall,
                      Map<String, Long> trueCounts, Map<String, Long> predictedCounts, List<String> neverPredicted,
                      int nonFiniteScores, List<String> trueLabels, List<String> predictedLabels) {

    /** Predicts every row of {@code test} and scores it; {@code classes} fixes the order of the maps. */
    public static Metrics of(Model<Label> model, Dataset<Label> test, List<String> classes) {
        List<Prediction<Label>> predictions = model.predict(test);
        List<String> truth = new ArrayList<>(test.size());
        for (Example<Label> e : test) {
            truth.add(e.getOutput().getLabel());
        }
        List<String> predicted = new ArrayList<>(predictions.size());
        int nonFinite = 0;
        for (Prediction<Label> p : predictions) {
            predicted.add(p.getOutput().getLabel());
            boolean finite = p.getOutputScores().values().stream().allMatch(l -> Double.isFinite(l.getScore()));
            if (!finite) {
                nonFinite++;
            }
        }
        return of(truth, predicted, classes, nonFinite);
    }

    /**
     * Scores the predictions of an evaluation Tribuo already made (its rows, its predictions), so that
     * code holding a {@link LabelEvaluation} quotes this class's balanced accuracy rather than Tribuo's
     * {@code 1 - balancedErrorRate()}. The maps follow the order of the evaluation's label domain.
     */
    public static Metrics of(LabelEvaluation evaluation) {
        // Every class of the domain, then any true or predicted class outside it, so that the count maps
        // hold every class the formula below looks up.
        Set<String> classes = new LinkedHashSet<>();
        evaluation.getConfusionMatrix().getDomain().getDomain().forEach(l -> classes.add(l.getLabel()));
        List<Prediction<Label>> predictions = evaluation.getPredictions();
        List<String> truth = new ArrayList<>(predictions.size());
        List<String> predicted = new ArrayList<>(predictions.size());
        int nonFinite = 0;
        for (Prediction<Label> p : predictions) {
            truth.add(p.getExample().getOutput().getLabel());
            predicted.add(p.getOutput().getLabel());
            boolean finite = p.getOutputScores().values().stream().allMatch(l -> Double.isFinite(l.getScore()));
            if (!finite) {
                nonFinite++;
            }
        }
        classes.addAll(truth);
        classes.addAll(predicted);
        return of(truth, predicted, List.copyOf(classes), nonFinite);
    }

    /** Scores given labels (one formula for every metric here). */
    public static Metrics of(List<String> truth, List<String> predicted, List<String> classes, int nonFinite) {
        Map<String, Long> trueCounts = zeros(classes);
        Map<String, Long> predictedCounts = zeros(classes);
        Map<String, Long> hits = zeros(classes);
        long right = 0;
        for (int i = 0; i < truth.size(); i++) {
            String t = truth.get(i);
            String p = predicted.get(i);
            trueCounts.merge(t, 1L, Long::sum);
            predictedCounts.merge(p, 1L, Long::sum);
            if (t.equals(p)) {
                hits.merge(t, 1L, Long::sum);
                right++;
            }
        }
        Map<String, Double> recall = new LinkedHashMap<>();
        List<String> never = new ArrayList<>();
        double f1Sum = 0;
        int f1Classes = 0;
        for (String c : trueCounts.keySet()) {
            long support = trueCounts.get(c);
            long pred = predictedCounts.get(c);
            long tp = hits.get(c);
            if (support > 0) {
                recall.put(c, (double) tp / support);
                if (pred == 0) {
                    never.add(c);
                }
            }
            if (support > 0 || pred > 0) {
                f1Sum += 2.0 * tp / (support + pred);
                f1Classes++;
            }
        }
        double balanced = recall.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Metrics(truth.isEmpty() ? 0 : (double) right / truth.size(), balanced,
                f1Classes == 0 ? 0 : f1Sum / f1Classes, Collections.unmodifiableMap(recall),
                Collections.unmodifiableMap(trueCounts), Collections.unmodifiableMap(predictedCounts),
                List.copyOf(never), nonFinite, List.copyOf(truth), List.copyOf(predicted));
    }

    /** Number of test rows. */
    public int rows() {
        return trueLabels.size();
    }

    /** Share of the predictions that go to the most-predicted class. */
    public double topPredictedShare() {
        long max = predictedCounts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return rows() == 0 ? 0 : (double) max / rows();
    }

    /** The most-predicted class. */
    public String topPredictedClass() {
        return predictedCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse("");
    }

    /** Shannon entropy (nats) of the predicted-class shares. */
    public double predictedEntropy() {
        return entropy(predictedCounts);
    }

    /** Shannon entropy (nats) of the true-class shares. */
    public double trueEntropy() {
        return entropy(trueCounts);
    }

    /** Shannon entropy in nats of counts; the one entropy formula of the checks (public for them). */
    public static double entropy(Map<String, ? extends Number> counts) {
        double total = counts.values().stream().mapToDouble(Number::doubleValue).sum();
        double h = 0;
        for (Number n : counts.values()) {
            double p = n.doubleValue() / total;
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    private static Map<String, Long> zeros(List<String> classes) {
        Map<String, Long> m = new LinkedHashMap<>();
        classes.forEach(c -> m.put(c, 0L));
        return m;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f, %d classes never predicted",
                accuracy, balancedAccuracy, macroF1, neverPredicted.size());
    }
}
