package dev.flatline.remedies;

import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * SMOTE (recipe B6; Chawla et al. 2002), with imbalanced-learn's semantics: each class short of its
 * target gets new rows, each on the segment between a row of that class and one of its {@code k}
 * nearest neighbours within the class (Euclidean distance on the features as given, so standardise
 * first if their scales differ): {@code x_new = x + u * (x_nn - x)}, {@code u} uniform in [0, 1). The
 * row and the neighbour are drawn uniformly, as imbalanced-learn does. Targets: every class to the
 * majority count by default, or a count per class ({@link #toCounts(Map, long)}).
 *
 * <p>Written by hand: neither Tribuo nor ND4J has SMOTE. Only classes that get new rows need
 * neighbours, and only among themselves, so the 36,000-row Shuttle majority costs nothing.
 *
 * <p>Too few rows: a class that needs new rows must have more than {@code k} rows, otherwise this is
 * an error that names the class and the largest {@code k} that would work; flatline does not shrink
 * {@code k} silently (imbalanced-learn also refuses).
 *
 * @param k            neighbours per row, at least 1 (imbalanced-learn's {@code k_neighbors}, default 5)
 * @param targetCounts rows wanted per class, or null for "every class to the majority count"
 * @param seed         the seed of the draws: the same seed and input give the same rows
 */
public record Smote(int k, Map<String, Integer> targetCounts, long seed) {

    /** imbalanced-learn's default number of neighbours. */
    public static final int DEFAULT_K = 5;

    private static final String WHO = "SMOTE";

    /** Checks {@code k} and copies the target counts. */
    public Smote {
        if (k < 1) {
            throw new IllegalArgumentException(WHO + " needs k of at least 1 neighbour, was " + k);
        }
        targetCounts = TargetCounts.copyOf(targetCounts, WHO);
    }

    /** Every class to the majority count, k = 5. */
    public static Smote toMajority(long seed) {
        return new Smote(DEFAULT_K, null, seed);
    }

    /** The given classes to the given counts (the others keep their rows), k = 5. */
    public static Smote toCounts(Map<String, Integer> targetCounts, long seed) {
        if (targetCounts == null) {
            throw new IllegalArgumentException(WHO + ": target counts are null; use toMajority(seed) for the default");
        }
        return new Smote(DEFAULT_K, targetCounts, seed);
    }

    /** The same settings with another number of neighbours. */
    public Smote withK(int neighbours) {
        return new Smote(neighbours, targetCounts, seed);
    }

    /** The rows each class will have after resampling data with these rows per class. */
    public Map<String, Integer> targetsFor(Map<String, Integer> classCounts) {
        return TargetCounts.resolve(classCounts, targetCounts, TargetCounts.Direction.UP, WHO);
    }

    /**
     * SMOTE on primitive arrays: {@code features} row-major with {@code columns} values per row, one
     * label per row. Classes are visited in name order; each draws from one stream of {@code seed}.
     *
     * @throws IllegalArgumentException if a class that needs rows has {@code k} rows or fewer, or a value
     *                                  is not finite
     */
    public Resampled resample(double[] features, int columns, String[] labels) {
        if (features == null || labels == null || columns < 1 || features.length != (long) columns * labels.length) {
            throw new IllegalArgumentException(WHO + " needs " + columns + " values for each of "
                    + (labels == null ? "null" : labels.length) + " rows; got "
                    + (features == null ? "null" : features.length + " values"));
        }
        for (int i = 0; i < features.length; i++) {
            if (!Double.isFinite(features[i])) {
                throw new IllegalArgumentException(WHO + ": value " + (i % columns) + " of row " + (i / columns) + " is "
                        + features[i] + "; SMOTE needs finite numbers. Impute or drop missing values first.");
            }
        }
        Map<String, Integer> counts = ClassLabels.counts(labels);
        Map<String, Integer> targets = targetsFor(counts);
        int total = 0;
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            int count = counts.get(target.getKey());
            total += target.getValue();
            if (target.getValue() > count && count <= k) {
                throw new IllegalArgumentException(WHO + " with k=" + k + " needs more than " + k
                        + " rows in every class it adds rows to, but class '" + target.getKey() + "' has " + count
                        + (count > 1 ? ". Use k=" + (count - 1) + " or less (withK, or --k on the command line), or" : ". Use")
                        + " random oversampling for it.");
            }
        }
        int n = labels.length;
        double[] out = new double[total * columns];
        System.arraycopy(features, 0, out, 0, features.length);
        String[] outLabels = new String[total];
        System.arraycopy(labels, 0, outLabels, 0, n);
        int made = total - n;
        int[] base = new int[made];
        int[] neighbour = new int[made];
        double[] step = new double[made];
        Map<String, int[]> byClass = ClassRows.of(labels, counts);
        SplittableRandom random = new SplittableRandom(seed);
        int next = 0;
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            int[] members = byClass.get(target.getKey());
            int wanted = target.getValue() - members.length;
            if (wanted == 0) {
                continue;
            }
            double[] points = gather(features, columns, members);
            int[] nn = NearestNeighbours.of(points, columns, k);
            for (int s = 0; s < wanted; s++, next++) {
                int pick = random.nextInt(members.length * k);
                int row = pick / k;
                int other = nn[pick];
                double u = random.nextDouble();
                int from = row * columns;
                int to = other * columns;
                int at = (n + next) * columns;
                for (int c = 0; c < columns; c++) {
                    out[at + c] = points[from + c] + u * (points[to + c] - points[from + c]);
                }
                outLabels[n + next] = target.getKey();
                base[next] = members[row];
                neighbour[next] = members[other];
                step[next] = u;
            }
        }
        return new Resampled(out, columns, outLabels, n, base, neighbour, step);
    }

    /**
     * SMOTE on a Tribuo dataset: a new dataset with every original example (the same objects) followed
     * by the synthetic ones. Features an example lacks count as 0 (Tribuo's sparse convention); every
     * synthetic example has all the dataset's features.
     */
    public Dataset<Label> resample(Dataset<Label> dataset) {
        DenseRows rows = DenseRows.of(dataset, WHO);
        Resampled resampled = resample(rows.values(), rows.columns(), rows.labels());
        return rows.appendTo(dataset, resampled.features(), resampled.labels(), resampled.originalRows(),
                "SMOTE (k=" + k + ", seed " + seed + ", targets "
                        + targetsFor(ClassLabels.counts(rows.labels())) + ")");
    }

    static double[] gather(double[] features, int columns, int[] rows) {
        double[] points = new double[rows.length * columns];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(features, rows[i] * columns, points, i * columns, columns);
        }
        return points;
    }
}
