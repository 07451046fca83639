package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A learning curve (R15): the trainer fitted on growing stratified subsets of the training part,
 * each scored on its own training rows and on the test part.
 *
 * @param rows                  training rows of each fit, ascending
 * @param trainBalancedAccuracy balanced accuracy on the rows it was trained on
 * @param testBalancedAccuracy  balanced accuracy on the test part
 * @param lastGainMargin        the 95% margin of {@link #lastGain()} (paired bootstrap over the test rows of
 *                              the two largest fits' predictions)
 */
public record LearningCurve(int[] rows, double[] trainBalancedAccuracy, double[] testBalancedAccuracy,
                            double lastGainMargin) {

    /** Fractions of the largest subset that are fitted. */
    private static final double[] FRACTIONS = {0.125, 0.25, 0.5, 1.0};
    /** The largest subset: the quick sample's size, enough to see the trend on large data. */
    static final int MAX_ROWS = CheckContext.QUICK_ROWS;
    /**
     * Below this many training rows per class the data are tiny: the curve's sizes are whole rows per class (1,
     * 2, 4, ... and all of them), since an eighth of the rows would leave classes out.
     */
    static final int TINY_ROWS_PER_CLASS = 8;
    /**
     * Fits averaged at each smaller size of a tiny curve: with one or two rows per class, which rows are drawn
     * moves a single fit's balanced accuracy by more than the curve's rise.
     */
    static final int TINY_RESAMPLES = 7;

    static LearningCurve run(CheckContext context) {
        CheckData data = context.data();
        int largest = Math.min(MAX_ROWS, data.train().size());
        int k = context.classes().size();
        boolean tiny = largest < TINY_ROWS_PER_CLASS * k;
        int[] sizes = tiny ? tinySizes(k, largest) : Arrays.stream(FRACTIONS)
                .mapToInt(f -> Math.max(Math.min(largest, 2 * k), (int) Math.round(f * largest))).toArray();
        int n = sizes.length;
        int[] rows = new int[n];
        double[] train = new double[n];
        double[] test = new double[n];
        Metrics[] onTest = new Metrics[n];
        double secondLastVariance = 0;
        for (int i = 0; i < n; i++) {
            int resamples = tiny && i < n - 1 ? TINY_RESAMPLES : 1;
            double[] scores = new double[resamples];
            for (int r = 0; r < resamples; r++) {
                CheckData part = data.subsampleTrain(sizes[i], context.seed() + i + 1000L * r);
                Trainer<Label> trainer = context.trainer();
                if (trainer instanceof MlpTrainer mlp) {
                    // The same number of steps for every size, so small subsets are not also under-trained.
                    trainer = CheckContext.forRows(mlp, part.train().size(), largest,
                            mlp.settings().epochs(), mlp.settings().batchSize());
                }
                Model<Label> model = context.fit(trainer, part.train());
                Metrics onPart = context.evaluate(model, part.test());
                train[i] += context.evaluate(model, part.train()).balancedAccuracy() / resamples;
                scores[r] = onPart.balancedAccuracy();
                test[i] += scores[r] / resamples;
                if (r == 0) {
                    onTest[i] = onPart;
                }
                rows[i] = part.train().size();
            }
            if (i == n - 2 && resamples > 1) {
                double mean = test[i];
                double sumSquares = Arrays.stream(scores).map(v -> (v - mean) * (v - mean)).sum();
                secondLastVariance = sumSquares / (resamples - 1) / resamples;
            }
        }
        // The last gain's margin: the paired bootstrap over the test rows of the two largest fits, widened by the
        // spread of the resampled fits where the second largest size is an average.
        double bootstrap = PairedBootstrap.margin(onTest[n - 1].trueLabels(), onTest[n - 2].predictedLabels(),
                onTest[n - 1].predictedLabels());
        double margin = Math.sqrt(bootstrap * bootstrap + 1.96 * 1.96 * secondLastVariance);
        return new LearningCurve(rows, train, test, margin);
    }

    /** A tiny curve's sizes: 1, 2, 4, ... rows per class below {@code largest}, then {@code largest}. */
    static int[] tinySizes(int classes, int largest) {
        List<Integer> sizes = new ArrayList<>();
        for (int perClass = 1; perClass * classes < largest; perClass *= 2) {
            sizes.add(perClass * classes);
        }
        sizes.add(largest);
        if (sizes.size() == 1) {
            sizes.add(0, Math.max(1, largest / 2));
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Test balanced accuracy gained by doubling the data the last time. */
    public double lastGain() {
        int n = rows.length;
        return testBalancedAccuracy[n - 1] - testBalancedAccuracy[n - 2];
    }

    /**
     * {@link #lastGain()} per doubling of the rows: the same as the last gain where the last step doubles the rows
     * (the fractions' curve), larger where it is a smaller step (a tiny curve's last step, e.g. 2 to 3 rows per
     * class, is 0.58 of a doubling).
     */
    public double lastGainPerDoubling() {
        int n = rows.length;
        double doublings = doublings(n - 2, n - 1);
        return doublings <= 0 ? 0 : lastGain() / doublings;
    }

    /** Test balanced accuracy gained per doubling of the rows, from the smallest subset to the largest. */
    public double slopePerDoubling() {
        int n = rows.length;
        double doublings = doublings(0, n - 1);
        return doublings <= 0 ? 0 : (testBalancedAccuracy[n - 1] - testBalancedAccuracy[0]) / doublings;
    }

    /** How many doublings of the rows lie between fit {@code from} and fit {@code to}: log2 of their ratio. */
    private double doublings(int from, int to) {
        return Math.log((double) rows[to] / rows[from]) / Math.log(2);
    }

    /** Training minus test balanced accuracy at the largest size. */
    public double gap() {
        int n = rows.length;
        return trainBalancedAccuracy[n - 1] - testBalancedAccuracy[n - 1];
    }
}
