package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.StratifiedSplit;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Too little data tried directly (R15, R20): the learning curve carried past the training part with rows the user
 * has already labelled. Where the test part holds at least {@value #TEST_TO_TRAIN} times the training rows, the
 * checked trainer is refitted on the training part plus one half of the test part and predicts the other half, and
 * then the other way round, so that every test row is predicted by a model that had more rows of the same data and
 * never saw that row. This is repeated {@value #REPEATS} times (other halves, and for a network another seed), and set
 * beside the checked model's predictions on the same test rows, the repeats' mean lift is what more rows are worth,
 * with its 95% margin from a paired bootstrap over the test rows (the repeats averaged on each row). One refit on a
 * few dozen test rows is as noisy as the lift it measures (a fiftieth of Breast Cancer at seed 0, 8 training rows and
 * 113 test rows: one refit +0.052 ± 0.052, five refits' mean +0.058 ± 0.053).
 *
 * <p>A curve inside a few training rows cannot show this: with a dozen rows per class, its smaller fits are as
 * noisy as its rise, and on some data it is nearly flat for a few doublings and rises again later (a fiftieth of the
 * Landsat training rows, the default network averaged over five fits: 0.73 at 25 rows, 0.75 at 51, 0.76 at 101;
 * on all 5,148 rows 0.87). Where the test part is not much larger than the training part, the extension would be a
 * fraction of a doubling, and the curve inside the training part is all the
 * evidence there is.
 *
 * <p>A network is refitted with the checked trainer's settings and the same number of optimiser steps (its epochs
 * cut in proportion), so more rows are not also more training; any other trainer is used as given.
 *
 * @param rows      the training part's rows (the checked model's)
 * @param moreRows  the rows each refit added from the test part (the smaller of the two halves' additions)
 * @param before    the checked model on the test part
 * @param after     the out-of-fold predictions on the test part of the models trained with the added rows, the
 *                  repeats pooled (each test row once per repeat: each class's recall is the repeats' mean)
 * @param margin    the lift's 95% margin: a paired bootstrap over the test rows (computed once, in {@link #run})
 */
record MoreRows(int rows, int moreRows, Metrics before, Metrics after, double margin) {

    /** The test part must hold at least this many times the training rows: each half then adds a doubling. */
    static final int TEST_TO_TRAIN = 2;
    /** The line of code of the "more rows" remedy: the finding's and its trial's. */
    static final String CODE = "// train on more rows: collect or label them";
    /** Times the experiment is repeated (other halves, another network seed); the lift is their mean. */
    static final int REPEATS = 5;
    /** The finding id this experiment proves. */
    static final String FINDING = "learning-curve";

    /**
     * The experiment, where the test part holds at least {@value #TEST_TO_TRAIN} times the training rows and the
     * training part is small enough to double within {@link LearningCurve#MAX_ROWS}; empty otherwise.
     */
    static Optional<MoreRows> run(CheckContext context) {
        CheckData data = context.data();
        int n = data.train().size();
        Dataset<Label> test = data.test();
        if (test.size() < TEST_TO_TRAIN * n || 2 * n > LearningCurve.MAX_ROWS) {
            return Optional.empty();
        }
        String[] labels = new String[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.getExample(i).getOutput().getLabel();
        }
        List<List<String>> afters = new ArrayList<>();
        int added = Integer.MAX_VALUE;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            // Each repeat halves the test part anew and, for a network, trains from another seed: one refit's luck
            // is not taken for what more rows are worth.
            StratifiedSplit halves = StratifiedSplit.split(labels, 0.5, context.seed() + repeat);
            Trainer<Label> trainer = context.trainer() instanceof MlpTrainer mlp && repeat > 0
                    ? mlp.toBuilder().seed(mlp.settings().seed() + repeat).build() : context.trainer();
            String[] predicted = new String[labels.length];
            for (int[][] fold : new int[][][] {{halves.trainRows(), halves.heldOutRows()},
                    {halves.heldOutRows(), halves.trainRows()}}) {
                // The added rows are capped so the refit stays a quick fit, like the curve's largest one.
                int[] adding = fold[0].length + n > LearningCurve.MAX_ROWS
                        ? StratifiedSplit.subsample(labels, fold[0], LearningCurve.MAX_ROWS - n, context.seed())
                        : fold[0];
                MutableDataset<Label> more = CheckData.empty("training part plus " + adding.length + " test rows");
                data.train().forEach(e -> more.add(e.copy()));
                for (int row : adding) {
                    more.add(test.getExample(row).copy());
                }
                Model<Label> model = context.fit(sameSteps(trainer, n, more.size()), more);
                MutableDataset<Label> scored = CheckData.empty("the other half of the test part");
                for (int row : fold[1]) {
                    scored.add(test.getExample(row).copy());
                }
                List<String> out = context.evaluate(model, scored).predictedLabels();
                for (int i = 0; i < fold[1].length; i++) {
                    predicted[fold[1][i]] = out.get(i);
                }
                added = Math.min(added, adding.length);
            }
            afters.add(List.of(predicted));
        }
        // The repeats' predictions pooled: each test row once per repeat, so every class's recall, and the balanced
        // accuracy, is the repeats' mean.
        List<String> truth = new ArrayList<>();
        List<String> pooled = new ArrayList<>();
        for (List<String> after : afters) {
            truth.addAll(List.of(labels));
            pooled.addAll(after);
        }
        Metrics after = Metrics.of(truth, pooled, context.classes(), 0);
        Metrics before = context.metrics();
        return Optional.of(new MoreRows(n, added, before, after,
                PairedBootstrap.averagedMargin(before.trueLabels(), before.predictedLabels(), afters)));
    }

    /** The experiment of this checkup, run at most once (the learning-curve check and the checkup both read it). */
    static Optional<MoreRows> of(CheckContext context) {
        return context.memo("more-rows", () -> run(context));
    }

    /**
     * A network trainer with the same number of optimiser steps on {@code to} rows as on {@code from} (its batch
     * kept, its epochs cut in proportion, at least one); any other trainer as given.
     */
    static Trainer<Label> sameSteps(Trainer<Label> trainer, int from, int to) {
        if (!(trainer instanceof MlpTrainer mlp)) {
            return trainer;
        }
        int batch = mlp.settings().batchSize();
        double kept = 1 - mlp.settings().validationFraction();
        double stepsPerEpochFrom = Math.max(1, Math.ceil(from * kept / batch));
        double stepsPerEpochTo = Math.max(1, Math.ceil(to * kept / batch));
        int epochs = (int) Math.max(1, Math.ceil(mlp.settings().epochs() * stepsPerEpochFrom / stepsPerEpochTo));
        return mlp.toBuilder().epochs(epochs).progress(false).build();
    }

    /** Balanced accuracy the added rows gained (out-of-fold predictions against the checked model's). */
    double lift() {
        return after.balancedAccuracy() - before.balancedAccuracy();
    }

    /** Doublings of the training rows the added rows make. */
    double doublings() {
        return Math.log((double) (rows + moreRows) / rows) / Math.log(2);
    }

    /**
     * Whether more rows lift the model far: by at least {@link Symptom#FAR_BELOW} and by more than the margin. The
     * model is then far below what these data allow with more rows, and the rows are the cause.
     */
    boolean proves() {
        return lift() >= Symptom.FAR_BELOW && lift() > margin();
    }

    /** The proof in a sentence. */
    String proof() {
        return String.format(Locale.ROOT, "trained on its %d training rows plus %d more labelled rows of these data "
                + "(half the test part, each half predicted by the model that did not see it; mean of %d repeats), the "
                + "same trainer scores %.3f against the model's %.3f: %+.3f ± %.3f balanced accuracy", rows, moreRows,
                REPEATS, after.balancedAccuracy(), before.balancedAccuracy(), lift(), margin());
    }

    /** The experiment as the checkup's trial of the "more rows" remedy, beside the remedies it retrains. */
    Trial trial() {
        return new Trial(FINDING, String.format(Locale.ROOT, "%d more training rows (half the test part, out of fold, mean of %d "
                + "repeats)", moreRows, REPEATS), CODE, rows, before, after, margin, "");
    }

    /** The evidence's keys and values, in the finding's order. */
    List<Object> evidence() {
        List<Object> e = new ArrayList<>();
        e.add("more_rows");
        e.add(moreRows);
        e.add("more_rows_balanced_accuracy");
        e.add(after.balancedAccuracy());
        e.add("more_rows_lift");
        e.add(lift());
        e.add("more_rows_lift_margin");
        e.add(margin());
        e.add("more_rows_gain_per_doubling");
        e.add(lift() / doublings());
        return e;
    }
}
