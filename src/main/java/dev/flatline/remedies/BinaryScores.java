package dev.flatline.remedies;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

/**
 * A probabilistic classifier's scores for one positive class on a labelled set: the raw material of
 * threshold choice and calibration. Curves and areas come from Tribuo's {@link LabelEvaluationUtil};
 * the Brier score, the reliability bins and the cost of a threshold are computed here.
 *
 * <p>Choose a threshold on validation scores ({@link #cheapestThreshold(double, double)}), then
 * report it on test scores ({@link #at(double)}): a threshold chosen on the test set scores itself.
 *
 * @param positiveClass the class whose probability is the score
 * @param positives     whether each row's true class is the positive one
 * @param scores        each row's predicted probability of the positive class
 */
public record BinaryScores(String positiveClass, boolean[] positives, double[] scores) {

    /** Validates and copies. */
    public BinaryScores {
        if (positives == null || scores == null || positives.length != scores.length) {
            throw new IllegalArgumentException("positives and scores must be non-null arrays of one length");
        }
        if (positives.length == 0) {
            throw new IllegalArgumentException("no rows; score a non-empty labelled set");
        }
        for (double s : scores) {
            if (!(s >= 0 && s <= 1)) {
                throw new IllegalArgumentException("a score of " + s + " is not a probability in [0, 1]");
            }
        }
        positives = positives.clone();
        scores = scores.clone();
    }

    /**
     * Scores {@code data} with {@code model}: the probability it gives {@code positiveClass} on each row.
     *
     * @throws IllegalArgumentException if the model gives no probabilities or does not know the class
     */
    public static BinaryScores of(Model<Label> model, Dataset<Label> data, String positiveClass) {
        if (model == null || data == null) {
            throw new IllegalArgumentException("model and data must not be null");
        }
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("model '" + model.getName() + "' gives no class probabilities; "
                    + "calibration needs a probabilistic model (logistic regression, the network); to rank rows "
                    + "by a tree's leaf shares or a dummy's votes (ROC, precision-recall), use BinaryScores.ofScores");
        }
        return ofScores(model, data, positiveClass);
    }

    /**
     * Scores {@code data} with the score {@code model} gives {@code positiveClass}, whether or not the model
     * calls its scores probabilities (a CART tree's leaf shares, a dummy's 0 or 1; a class without a score
     * gets 0). Good for ranking (ROC, precision-recall, thresholds); read calibration only for models
     * whose scores are probabilities ({@link #of}).
     *
     * @throws IllegalArgumentException if the model does not know the class or a score is outside [0, 1]
     */
    public static BinaryScores ofScores(Model<Label> model, Dataset<Label> data, String positiveClass) {
        if (model == null || data == null) {
            throw new IllegalArgumentException("model and data must not be null");
        }
        if (model.getOutputIDInfo().getID(new Label(positiveClass)) < 0) {
            throw new IllegalArgumentException("the model does not predict class '" + positiveClass + "'; its classes: "
                    + model.getOutputIDInfo().getDomain());
        }
        boolean[] positives = new boolean[data.size()];
        double[] scores = new double[data.size()];
        List<Prediction<Label>> predictions = model.predict(data);
        int i = 0;
        for (Example<Label> example : data) {
            positives[i] = example.getOutput().getLabel().equals(positiveClass);
            Label score = predictions.get(i).getOutputScores().get(positiveClass);
            scores[i] = score == null ? 0.0 : score.getScore();
            i++;
        }
        return new BinaryScores(positiveClass, positives, scores);
    }

    /** Rows scored. */
    public int size() {
        return scores.length;
    }

    /** Rows of the positive class. */
    public int positiveCount() {
        int n = 0;
        for (boolean p : positives) {
            n += p ? 1 : 0;
        }
        return n;
    }

    /** The share of positive rows: the precision of a model that flags everything, the floor of a PR curve. */
    public double prevalence() {
        return (double) positiveCount() / size();
    }

    /** Precision against recall at every threshold (Tribuo's {@code generatePRCurve}). */
    public LabelEvaluationUtil.PRCurve precisionRecallCurve() {
        requireBothClasses();
        return LabelEvaluationUtil.generatePRCurve(positives, scores);
    }

    /** True-positive rate against false-positive rate at every threshold (Tribuo's {@code generateROCCurve}). */
    public LabelEvaluationUtil.ROC rocCurve() {
        requireBothClasses();
        return LabelEvaluationUtil.generateROCCurve(positives, scores);
    }

    /** Area under the ROC curve: the chance a random positive scores above a random negative. */
    public double rocAuc() {
        requireBothClasses();
        return LabelEvaluationUtil.binaryAUCROC(positives, scores);
    }

    /** Average precision (area under the PR curve, Tribuo's {@code averagedPrecision}). */
    public double averagePrecision() {
        requireBothClasses();
        return LabelEvaluationUtil.averagedPrecision(positives, scores);
    }

    /** Brier score: the mean squared gap between the score and the outcome (0 or 1); lower is better. */
    public double brierScore() {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double gap = scores[i] - (positives[i] ? 1 : 0);
            sum += gap * gap;
        }
        return sum / scores.length;
    }

    /**
     * The rows in {@code bins} equal-width score bins, each with its mean score and its observed share of
     * positives; empty bins are left out. A calibrated model's bins lie on the diagonal.
     */
    public List<ReliabilityBin> reliability(int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, was " + bins);
        }
        int[] count = new int[bins];
        int[] hits = new int[bins];
        double[] scoreSum = new double[bins];
        for (int i = 0; i < scores.length; i++) {
            int bin = Math.min(bins - 1, (int) (scores[i] * bins));
            count[bin]++;
            hits[bin] += positives[i] ? 1 : 0;
            scoreSum[bin] += scores[i];
        }
        List<ReliabilityBin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new ReliabilityBin((double) b / bins, (double) (b + 1) / bins, count[b],
                        scoreSum[b] / count[b], (double) hits[b] / count[b]));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Expected calibration error over {@code bins} equal-width bins: the row-weighted mean gap between a
     * bin's mean score and its share of positives.
     */
    public double expectedCalibrationError(int bins) {
        double sum = 0;
        for (ReliabilityBin bin : reliability(bins)) {
            sum += bin.rows() * Math.abs(bin.meanScore() - bin.positiveShare());
        }
        return sum / scores.length;
    }

    /** Flag the rows whose score is at least {@code threshold} as positive, and count. */
    public Operating at(double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int tn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (flagged && positives[i]) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (positives[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Operating(threshold, tp, fp, fn, tn);
    }

    /**
     * The threshold with the lowest total cost on these rows, trying every distinct score (and "flag
     * nothing"); ties go to the higher threshold. Call it on validation scores.
     *
     * @param falsePositiveCost cost of flagging a negative row
     * @param falseNegativeCost cost of missing a positive row
     */
    public Operating cheapestThreshold(double falsePositiveCost, double falseNegativeCost) {
        if (!(falsePositiveCost >= 0 && falseNegativeCost >= 0) || Double.isInfinite(falsePositiveCost)
                || Double.isInfinite(falseNegativeCost)) {
            throw new IllegalArgumentException("costs must be finite and at least 0, were " + falsePositiveCost
                    + " and " + falseNegativeCost);
        }
        double[] candidates = Arrays.stream(scores).distinct().sorted().toArray();
        Operating best = at(Math.nextUp(candidates[candidates.length - 1]));
        for (int i = candidates.length - 1; i >= 0; i--) {
            Operating here = at(candidates[i]);
            if (here.cost(falsePositiveCost, falseNegativeCost) < best.cost(falsePositiveCost, falseNegativeCost)) {
                best = here;
            }
        }
        return best;
    }

    private void requireBothClasses() {
        int positivesSeen = positiveCount();
        if (positivesSeen == 0 || positivesSeen == size()) {
            throw new IllegalArgumentException("the " + size() + " rows are all " + (positivesSeen == 0 ? "negative"
                    : "positive") + " for '" + positiveClass + "'; curves need rows of both kinds");
        }
    }

    /** One bin of a reliability diagram. */
    public record ReliabilityBin(double from, double to, int rows, double meanScore, double positiveShare) {
    }

    /** The counts at one threshold (positive when score &ge; threshold). */
    public record Operating(double threshold, int truePositives, int falsePositives, int falseNegatives,
            int trueNegatives) {

        /** Total cost with the given cost per false positive and per false negative. */
        public double cost(double falsePositiveCost, double falseNegativeCost) {
            return falsePositives * falsePositiveCost + falseNegatives * falseNegativeCost;
        }

        /** Share of positive rows flagged (0 when there are none). */
        public double recall() {
            int p = truePositives + falseNegatives;
            return p == 0 ? 0 : (double) truePositives / p;
        }

        /** Share of flagged rows that are positive (0 when nothing is flagged). */
        public double precision() {
            int flagged = truePositives + falsePositives;
            return flagged == 0 ? 0 : (double) truePositives / flagged;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "threshold %.3f: TP %d, FP %d, FN %d, TN %d (precision %.3f, recall %.3f)",
                    threshold, truePositives, falsePositives, falseNegatives, trueNegatives, precision(), recall());
        }
    }
}
