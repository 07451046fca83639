package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.ClassCounts;
import dev.flatline.data.StratifiedSplit;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Too little data tried directly (R15, R20): the learning curve carried past the training part with rows the user
 * has already labelled. Where the test part holds at least {@value #TEST_TO_TRAIN} times the training rows, it is
 * dealt into {@value #FOLDS} stratified folds, and each fold is predicted by the checked trainer refitted on the
 * training part plus the other folds' rows, so that every test row is predicted by a model that had more rows of the
 * same data and never saw that row. This is repeated {@value #REPEATS} times (other folds, and for a network another
 * seed), and set beside the checked model's predictions on the same test rows, the repeats' mean lift is what more
 * rows are worth, with its 95% margin from a paired bootstrap over the test rows (the repeats averaged on each row).
 *
 * <p>Why {@value #FOLDS} folds and {@value #REPEATS} repeats: each refit adds four fifths of the test part rather than
 * a half, so the experiment measures more rows, at the cost of five repeated halves (ten fits either way, each of the
 * same optimiser steps). On the fault benchmark's too-little-data and class-imbalance cases on six datasets (all but
 * Shuttle), seeds 0 to 3, it proved 25 of 48 against 20 for five repeated halves; the one
 * case only the halves proved, Credit-G at a fiftieth and seed 0, measured +0.095 ± 0.070 there and +0.048 ± 0.084
 * here. One refit on a few dozen test rows is as noisy as the lift it measures, hence the repeats.
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
 * @param moreRows  the rows each refit added from the test part (the fewest over the folds' refits)
 * @param classes   the classes whose test rows were added ({@link #runRareClasses}); empty: every class
 * @param before    the checked model on the test part
 * @param after     the out-of-fold predictions on the test part of the models trained with the added rows, the
 *                  repeats pooled (each test row once per repeat: each class's recall is the repeats' mean)
 * @param margin    the lift's 95% margin: a paired bootstrap over the test rows (computed once, in {@link #run})
 */
record MoreRows(int rows, int moreRows, List<String> classes, Metrics before, Metrics after, double margin) {

    /** Copies the list. */
    MoreRows {
        classes = List.copyOf(classes);
    }

    /** The test part must hold at least this many times the training rows: each refit then adds over a doubling. */
    static final int TEST_TO_TRAIN = 2;
    /** The line of code of the "more rows" remedy: the finding's and its trial's. */
    static final String CODE = "// train on more rows: collect or label them";
    /** Times the experiment is repeated (other folds, another network seed); the lift is their mean. */
    static final int REPEATS = 2;
    /** Folds of the test part: each is predicted by a refit that added the other folds' rows. */
    static final int FOLDS = 5;
    /** The finding id this experiment proves. */
    static final String FINDING = "learning-curve";

    /**
     * The experiment, where the test part holds at least {@value #TEST_TO_TRAIN} times the training rows and the
     * training part is small enough to double within {@link LearningCurve#MAX_ROWS}; empty otherwise.
     */
    static Optional<MoreRows> run(CheckContext context) {
        CheckData data = context.data();
        int n = data.train().size();
        if (data.test().size() < TEST_TO_TRAIN * n || 2 * n > LearningCurve.MAX_ROWS) {
            return Optional.empty();
        }
        return Optional.of(tried(context, List.of()));
    }

    /**
     * The same experiment with the test rows of the training part's under-represented classes only: the classes
     * other than the largest training class whose test rows number at least {@value #TEST_TO_TRAIN} times their
     * training rows (and at least twice {@link Symptom#MIN_TEST_ROWS}). Those rows both add
     * to the training part and even out its classes, while the largest class gains none: where that lifts the model
     * beyond its noise, its rare classes have too few rows (class imbalance), whatever a reweighting does. A split
     * that keeps the classes' shares (stratified, as flatline's) never has such a class; a training part thinned or
     * collected apart from the test part does. Empty where no class qualifies, where every class would (that is
     * {@link #run}'s experiment), or where the training part is too large to refit quickly (as in {@link #run}).
     */
    static Optional<MoreRows> runRareClasses(CheckContext context) {
        CheckData data = context.data();
        int n = data.train().size();
        if (2 * n > LearningCurve.MAX_ROWS) {
            return Optional.empty();
        }
        ClassCounts train = data.classCounts();
        ClassCounts test = ClassCounts.of(data.test());
        String largest = train.majority();
        List<String> rare = context.classes().stream().filter(c -> !c.equals(largest))
                .filter(c -> test.get(c) >= Math.max(2L * Symptom.MIN_TEST_ROWS, TEST_TO_TRAIN * train.get(c)))
                .toList();
        // Where the largest class is as short of rows as the others, every class is: that is run's experiment.
        boolean everyClassShort = test.get(largest) >= TEST_TO_TRAIN * train.get(largest);
        return rare.isEmpty() || everyClassShort ? Optional.empty() : Optional.of(tried(context, rare));
    }

    /**
     * Refits with the other folds' test rows of {@code adding} (every class where empty) added to the training part,
     * each fold predicted by the refit that did not see it, {@value #REPEATS} times.
     */
    private static MoreRows tried(CheckContext context, List<String> adding) {
        CheckData data = context.data();
        int n = data.train().size();
        Dataset<Label> test = data.test();
        String[] labels = new String[test.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.getExample(i).getOutput().getLabel();
        }
        List<List<String>> afters = new ArrayList<>();
        int added = Integer.MAX_VALUE;
        for (int repeat = 0; repeat < REPEATS; repeat++) {
            // Each repeat deals the test part into folds anew and, for a network, trains from another seed: one
            // refit's luck is not taken for what more rows are worth.
            int[][] folds = StratifiedSplit.folds(labels, FOLDS, context.seed() + repeat);
            Trainer<Label> trainer = context.trainer() instanceof MlpTrainer mlp && repeat > 0
                    ? mlp.toBuilder().seed(mlp.settings().seed() + repeat).build() : context.trainer();
            String[] predicted = new String[labels.length];
            for (int[] fold : folds) {
                Set<Integer> predicting = Arrays.stream(fold).boxed().collect(Collectors.toSet());
                int[] eligible = IntStream.range(0, labels.length)
                        .filter(row -> !predicting.contains(row) && (adding.isEmpty() || adding.contains(labels[row])))
                        .toArray();
                // The added rows are capped so the refit stays a quick fit, like the curve's largest one.
                int[] rows = eligible.length + n > LearningCurve.MAX_ROWS
                        ? StratifiedSplit.subsample(labels, eligible, LearningCurve.MAX_ROWS - n, context.seed())
                        : eligible;
                MutableDataset<Label> more = CheckData.empty("training part plus " + rows.length + " test rows");
                data.train().forEach(e -> more.add(e.copy()));
                for (int row : rows) {
                    more.add(test.getExample(row).copy());
                }
                Model<Label> model = context.fit(sameSteps(trainer, n, more.size()), more);
                MutableDataset<Label> scored = CheckData.empty("one fold of the test part");
                for (int row : fold) {
                    scored.add(test.getExample(row).copy());
                }
                List<String> out = context.evaluate(model, scored).predictedLabels();
                for (int i = 0; i < fold.length; i++) {
                    predicted[fold[i]] = out.get(i);
                }
                added = Math.min(added, rows.length);
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
        return new MoreRows(n, added, adding, before, after,
                PairedBootstrap.averagedMargin(before.trueLabels(), before.predictedLabels(), afters));
    }

    /** The experiment of this checkup, run at most once (the learning-curve check and the checkup both read it). */
    static Optional<MoreRows> of(CheckContext context) {
        return context.memo("more-rows", () -> run(context));
    }

    /** The rare classes' experiment of this checkup ({@link #runRareClasses}), run at most once. */
    static Optional<MoreRows> ofRareClasses(CheckContext context) {
        return context.memo("more-rare-rows", () -> runRareClasses(context));
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
        // Class names are the user's text: they go in as arguments, never into the format itself (a '%' in one).
        String which = classes.isEmpty() ? "of these data (%d fifths of the test part"
                : "of its under-represented classes '%s' (%d fifths of the test part's rows of them, the largest class "
                        + "given none";
        List<Object> args = new ArrayList<>(List.of(rows, moreRows));
        if (!classes.isEmpty()) {
            args.add(String.join("', '", classes));
        }
        args.addAll(List.of(FOLDS - 1, REPEATS, after.balancedAccuracy(), before.balancedAccuracy(), lift(),
                margin()));
        return String.format(Locale.ROOT, "trained on its %d training rows plus %d more labelled rows " + which
                + ", each fifth predicted by the model that did not see it; mean of %d repeats), the same trainer "
                + "scores %.3f against the model's %.3f: %+.3f ± %.3f balanced accuracy", args.toArray());
    }

    /** The experiment as the checkup's trial of the "more rows" remedy, beside the remedies it retrains. */
    Trial trial() {
        return new Trial(FINDING, String.format(Locale.ROOT, "%d more training rows (%d fifths of the test part, "
                + "out of fold, mean of %d repeats)", moreRows, FOLDS - 1, REPEATS), CODE, rows, before, after, margin, "");
    }

    /** The evidence's keys and values, in the finding's order ({@code more_rare_rows…} for the rare classes'). */
    List<Object> evidence() {
        String key = classes.isEmpty() ? "more_rows" : "more_rare_rows";
        List<Object> e = new ArrayList<>(List.of(key, moreRows));
        if (!classes.isEmpty()) {
            e.addAll(List.of(key + "_classes", classes));
        }
        e.addAll(List.of(key + "_balanced_accuracy", after.balancedAccuracy(), key + "_lift", lift(),
                key + "_lift_margin", margin()));
        if (classes.isEmpty()) {
            e.addAll(List.of("more_rows_gain_per_doubling", lift() / doublings()));
        }
        return e;
    }
}
