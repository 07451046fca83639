package dev.flatline.remedies;

import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.dataset.DatasetView;

/**
 * Random oversampling (recipe R2), as imbalanced-learn's {@code RandomOverSampler}: every original
 * row is kept, and rows of each class that is short of its target are drawn again, uniformly with
 * replacement, until it reaches the target. By default the target of every class is the majority
 * count; {@link #toCounts(Map, long)} takes a count per class instead (classes left out keep their
 * rows; a target below the current count is an error, as in imbalanced-learn).
 *
 * <p>{@link #resample(Dataset)} returns a Tribuo {@link DatasetView} over the input: no example is
 * copied (a repeated row is the same {@code Example} object), its tag (kept in provenance) names the
 * sampler, targets and seed, and its output domain counts the view's own rows. Tribuo 4.3.2's own bootstrap views sample the
 * whole dataset, not per class, so the indices are drawn here. {@link #sampleRows(String[])} gives
 * the same indices for any list of labels (the {@code rebalance} command copies CSV lines with it).
 *
 * @param targetCounts rows wanted per class, or null for "every class to the majority count"
 * @param seed         the seed of the draws: the same seed and input give the same rows
 */
public record RandomOverSampler(Map<String, Integer> targetCounts, long seed) {

    private static final String WHO = "RandomOverSampler";

    /** Checks and copies the target counts. */
    public RandomOverSampler {
        targetCounts = TargetCounts.copyOf(targetCounts, WHO);
    }

    /** Every class to the majority count (imbalanced-learn's default, "not majority"). */
    public static RandomOverSampler toMajority(long seed) {
        return new RandomOverSampler(null, seed);
    }

    /** The given classes to the given counts; the others keep their rows. */
    public static RandomOverSampler toCounts(Map<String, Integer> targetCounts, long seed) {
        if (targetCounts == null) {
            throw new IllegalArgumentException(WHO + ": target counts are null; use toMajority(seed) for the default");
        }
        return new RandomOverSampler(targetCounts, seed);
    }

    /** The rows each class will have after resampling data with these rows per class. */
    public Map<String, Integer> targetsFor(Map<String, Integer> classCounts) {
        return TargetCounts.resolve(classCounts, targetCounts, TargetCounts.Direction.UP, WHO);
    }

    /**
     * Indices into {@code labels} of the resampled rows: {@code 0..n-1} (every original row, in order),
     * then the drawn rows, class by class in name order.
     */
    public int[] sampleRows(String[] labels) {
        Map<String, Integer> counts = ClassLabels.counts(labels);
        Map<String, Integer> targets = targetsFor(counts);
        int extra = 0;
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            extra += target.getValue() - counts.get(target.getKey());
        }
        int[] rows = new int[labels.length + extra];
        for (int i = 0; i < labels.length; i++) {
            rows[i] = i;
        }
        Map<String, int[]> byClass = ClassRows.of(labels, counts);
        SplittableRandom random = new SplittableRandom(seed);
        int next = labels.length;
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            int[] members = byClass.get(target.getKey());
            for (int i = members.length; i < target.getValue(); i++) {
                rows[next++] = members[random.nextInt(members.length)];
            }
        }
        return rows;
    }

    /** A view over {@code dataset} with every original example and the drawn repeats. */
    public DatasetView<Label> resample(Dataset<Label> dataset) {
        String[] labels = ClassLabels.of(dataset, WHO);
        return ClassRows.view(dataset, sampleRows(labels), "random oversampling to "
                + targetsFor(ClassLabels.counts(labels)) + " (seed " + seed + ")");
    }
}
