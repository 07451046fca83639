package dev.flatline.checks;

import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
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

    static LearningCurve run(CheckContext context) {
        CheckData data = context.data();
        int largest = Math.min(MAX_ROWS, data.train().size());
        int k = context.classes().size();
        int[] rows = new int[FRACTIONS.length];
        double[] train = new double[rows.length];
        double[] test = new double[rows.length];
        Metrics[] onTest = new Metrics[rows.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = Math.max(Math.min(largest, 2 * k), (int) Math.round(FRACTIONS[i] * largest));
            CheckData part = data.subsampleTrain(rows[i], context.seed() + i);
            Trainer<Label> trainer = context.trainer();
            if (trainer instanceof MlpTrainer mlp) {
                // The same number of steps for every size, so small subsets are not also under-trained.
                trainer = CheckContext.forRows(mlp, part.train().size(), largest,
                        mlp.settings().epochs(), mlp.settings().batchSize());
            }
            Model<Label> model = context.fit(trainer, part.train());
            train[i] = context.evaluate(model, part.train()).balancedAccuracy();
            onTest[i] = context.evaluate(model, part.test());
            test[i] = onTest[i].balancedAccuracy();
            rows[i] = part.train().size();
        }
        int n = rows.length;
        double margin = PairedBootstrap.margin(onTest[n - 1].trueLabels(), onTest[n - 2].predictedLabels(),
                onTest[n - 1].predictedLabels());
        return new LearningCurve(rows, train, test, margin);
    }

    /** Test balanced accuracy gained by doubling the data the last time. */
    public double lastGain() {
        int n = rows.length;
        return testBalancedAccuracy[n - 1] - testBalancedAccuracy[n - 2];
    }

    /** Test balanced accuracy gained per doubling of the rows, from the smallest subset to the largest. */
    public double slopePerDoubling() {
        int n = rows.length;
        double doublings = Math.log((double) rows[n - 1] / rows[0]) / Math.log(2);
        return doublings <= 0 ? 0 : (testBalancedAccuracy[n - 1] - testBalancedAccuracy[0]) / doublings;
    }

    /** Training minus test balanced accuracy at the largest size. */
    public double gap() {
        int n = rows.length;
        return trainBalancedAccuracy[n - 1] - testBalancedAccuracy[n - 1];
    }
}
