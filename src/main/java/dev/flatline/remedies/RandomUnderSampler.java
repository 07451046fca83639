package dev.flatline.remedies;

import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.dataset.DatasetView;

/**
 * Random undersampling (recipe R3), as imbalanced-learn's {@code RandomUnderSampler}: each class above
 * its target keeps a uniform random subset of its rows (without replacement) of the target's size.
 * By default the target of every class is the minority count; {@link #toCounts(Map, long)} takes a
 * count per class instead (classes left out keep all their rows; a target above the current count is
 * an error). The result is a subset of the input's rows in the input's order (imbalanced-learn groups
 * them by class; the rows chosen are the same kind of sample).
 *
 * <p>{@link #resample(Dataset)} returns a Tribuo {@link DatasetView} (no example copied) whose output
 * domain counts the kept rows; {@link #sampleRows(String[])} gives the indices for any list of labels.
 *
 * @param targetCounts rows wanted per class, or null for "every class to the minority count"
 * @param seed         the seed of the draws: the same seed and input give the same rows
 */
public record RandomUnderSampler(Map<String, Integer> targetCounts, long seed) {

    private static final String WHO = "RandomUnderSampler";

    /** Checks and copies the target counts. */
    public RandomUnderSampler {
        targetCounts = TargetCounts.copyOf(targetCounts, WHO);
    }

    /** Every class down to the minority count (imbalanced-learn's default, "not minority"). */
    public static RandomUnderSampler toMinority(long seed) {
        return new RandomUnderSampler(null, seed);
    }

    /** The given classes down to the given counts; the others keep their rows. */
    public static RandomUnderSampler toCounts(Map<String, Integer> targetCounts, long seed) {
        if (targetCounts == null) {
            throw new IllegalArgumentException(WHO + ": target counts are null; use toMinority(seed) for the default");
        }
        return new RandomUnderSampler(targetCounts, seed);
    }

    /** The rows each class will have after resampling data with these rows per class. */
    public Map<String, Integer> targetsFor(Map<String, Integer> classCounts) {
        return TargetCounts.resolve(classCounts, targetCounts, TargetCounts.Direction.DOWN, WHO);
    }

    /** Indices into {@code labels} of the rows kept, ascending. */
    public int[] sampleRows(String[] labels) {
        Map<String, Integer> counts = ClassLabels.counts(labels);
        Map<String, Integer> targets = targetsFor(counts);
        Map<String, int[]> byClass = ClassRows.of(labels, counts);
        boolean[] keep = new boolean[labels.length];
        SplittableRandom random = new SplittableRandom(seed);
        int kept = 0;
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            int[] members = byClass.get(target.getKey()).clone();
            int wanted = target.getValue();
            // A partial Fisher-Yates shuffle: the first `wanted` places hold a uniform sample without replacement.
            for (int i = 0; i < wanted; i++) {
                int j = i + random.nextInt(members.length - i);
                int swap = members[i];
                members[i] = members[j];
                members[j] = swap;
                keep[members[i]] = true;
            }
            kept += wanted;
        }
        int[] rows = new int[kept];
        int next = 0;
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                rows[next++] = i;
            }
        }
        return rows;
    }

    /** A view over {@code dataset} with the kept examples, in the dataset's order. */
    public DatasetView<Label> resample(Dataset<Label> dataset) {
        String[] labels = ClassLabels.of(dataset, WHO);
        return ClassRows.view(dataset, sampleRows(labels), "random undersampling to "
                + targetsFor(ClassLabels.counts(labels)) + " (seed " + seed + ")");
    }
}
