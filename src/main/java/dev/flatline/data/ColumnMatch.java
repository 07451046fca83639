package dev.flatline.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test columns that hold another training column's values (R18): a test file whose columns were re-encoded or put
 * in another order. Means and deviations cannot see it where the columns share a scale (features standardised
 * before they were swapped), but each column's whole distribution can: a moved test column is distributed unlike
 * its own training column and like another one.
 *
 * <p>The distance between two columns is the two-sample Kolmogorov–Smirnov statistic (the largest gap between their
 * empirical distribution functions), on at most {@value #MAX_VALUES} values of each, drawn with a seed. Two columns
 * differ when it exceeds the test's critical value at the 0.1% level, {@value #C_ALPHA}·√((n+m)/(nm)), and match when
 * it does not. Test columns are paired with training columns closest pair first, each column once, which pairs them
 * by a permutation. The moves are that permutation's cycles in which every column matches its partner and some column
 * differs from its own, each cycle whole (so that renaming the test columns gives every feature exactly one column),
 * and they are reported only where at least {@value #MIN_SIGNIFICANT} moved columns differ from their own. The file
 * then shown reordered, a cycle whose every column lies closer to its partner than to its own column is moved too.
 *
 * <p>Written by hand: the statistic is a few lines on sorted values, and the pairing, a greedy matching over at most
 * {@value #MAX_COLUMNS} columns, is what the renaming needs; no library on the class path offers both.
 *
 * @param moved each moved test column's name and the training column it is distributed like, in column order
 * @param own   each moved test column's distance to its own training column
 * @param other each moved test column's distance to the training column it matches
 * @param critical the critical distance (0.1% level) for these sample sizes
 */
public record ColumnMatch(Map<String, String> moved, Map<String, Double> own, Map<String, Double> other,
                          double critical) {

    /** Values per column the distances are computed on (a seeded sample above it). */
    public static final int MAX_VALUES = 2000;
    /** Columns above which no matching is tried (it compares every pair). */
    public static final int MAX_COLUMNS = 200;
    /** Moved columns unlike their own training column needed before any move is reported. */
    public static final int MIN_SIGNIFICANT = 2;
    /** The Kolmogorov–Smirnov coefficient c(α) at α = 0.001. */
    public static final double C_ALPHA = 1.949;

    /** Copies the maps. */
    public ColumnMatch {
        moved = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(moved));
        own = Map.copyOf(own);
        other = Map.copyOf(other);
    }

    /** Whether some test columns look moved. */
    public boolean found() {
        return !moved.isEmpty();
    }

    /** The moves in words, e.g. {@code test 'a' is distributed like training 'b' (KS 0.04, own 0.61)}. */
    public List<String> described() {
        List<String> out = new ArrayList<>();
        moved.forEach((test, train) -> out.add(String.format(Locale.ROOT,
                "test '%s' is distributed like training '%s' (KS %.2f; against its own %.2f)", test, train,
                other.get(test), own.get(test))));
        return out;
    }

    /**
     * Matches the test columns to the training columns.
     *
     * @param train column-major training values, {@code [feature][row]}
     * @param test  column-major test values, the same features in the same order
     * @param names the features' names
     * @param seed  the seed of the value samples
     */
    public static ColumnMatch of(double[][] train, double[][] test, List<String> names, long seed) {
        int k = names.size();
        if (k < 2 || k > MAX_COLUMNS || train.length != k || test.length != k || train[0].length == 0
                || test[0].length == 0) {
            return new ColumnMatch(Map.of(), Map.of(), Map.of(), Double.NaN);
        }
        double[][] a = new double[k][];
        double[][] b = new double[k][];
        for (int j = 0; j < k; j++) {
            a[j] = sortedSample(train[j], seed);
            b[j] = sortedSample(test[j], seed + 1);
        }
        int n = a[0].length;
        int m = b[0].length;
        double critical = C_ALPHA * Math.sqrt((double) (n + m) / ((double) n * m));
        double[][] distance = new double[k][k]; // [test column][training column]
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                distance[i][j] = ks(b[i], a[j]);
            }
        }
        // Closest pairs first, each test and each training column once.
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        pairs.sort(Comparator.<int[]>comparingDouble(p -> distance[p[0]][p[1]])
                .thenComparingInt(p -> p[0] == p[1] ? 0 : 1)); // a tie keeps a column in its place
        int[] pairedWith = new int[k];
        Arrays.fill(pairedWith, -1);
        boolean[] trainTaken = new boolean[k];
        for (int[] p : pairs) {
            if (pairedWith[p[0]] < 0 && !trainTaken[p[1]]) {
                pairedWith[p[0]] = p[1];
                trainTaken[p[1]] = true;
            }
        }
        // The pairing is a permutation of the columns. Its cycles that move a column significantly (unlike its own
        // training column at the 0.1% level) are the moves, each whole, so that renaming gives every feature one
        // column; a cycle with a member unlike its partner is no move. Chance pairings of look-alike columns that
        // no significant difference calls for stay in place.
        boolean[] isMoved = new boolean[k];
        int significant = 0;
        List<List<Integer>> lookAlikes = new ArrayList<>();
        boolean[] seen = new boolean[k];
        for (int start = 0; start < k; start++) {
            if (seen[start] || pairedWith[start] == start) {
                continue;
            }
            List<Integer> cycle = new ArrayList<>();
            for (int i = start; !seen[i]; i = pairedWith[i]) {
                seen[i] = true;
                cycle.add(i);
            }
            long unlikeOwn = cycle.stream().filter(i -> distance[i][i] > critical).count();
            boolean likePartner = cycle.stream().allMatch(i -> distance[i][pairedWith[i]] <= critical);
            if (unlikeOwn > 0 && likePartner) {
                cycle.forEach(i -> isMoved[i] = true);
                significant += (int) unlikeOwn;
            } else if (likePartner && cycle.stream().allMatch(i -> distance[i][pairedWith[i]] < distance[i][i])) {
                lookAlikes.add(cycle);
            }
        }
        if (significant >= MIN_SIGNIFICANT) {
            // Once the file is shown reordered, a cycle whose every column is closer to its partner than to its own
            // column is a move too, even where no single column differs significantly (look-alike columns).
            lookAlikes.forEach(cycle -> cycle.forEach(i -> isMoved[i] = true));
        }
        Map<String, String> moved = new LinkedHashMap<>();
        Map<String, Double> own = new LinkedHashMap<>();
        Map<String, Double> other = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            if (isMoved[i]) {
                moved.put(names.get(i), names.get(pairedWith[i]));
                own.put(names.get(i), distance[i][i]);
                other.put(names.get(i), distance[i][pairedWith[i]]);
            }
        }
        // At least two columns must be unlike their own: one alone is as likely a shift of that feature.
        return significant < MIN_SIGNIFICANT ? new ColumnMatch(Map.of(), Map.of(), Map.of(), critical)
                : new ColumnMatch(moved, own, other, critical);
    }

    /** At most {@link #MAX_VALUES} of the values (a seeded sample of rows, the same rows for every column), sorted. */
    private static double[] sortedSample(double[] values, long seed) {
        double[] out;
        if (values.length <= MAX_VALUES) {
            out = values.clone();
        } else {
            int[] rows = new SplittableRandom(seed).ints(0, values.length).distinct().limit(MAX_VALUES).toArray();
            out = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                out[r] = values[rows[r]];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** The two-sample Kolmogorov–Smirnov statistic of two sorted samples. */
    static double ks(double[] x, double[] y) {
        int i = 0;
        int j = 0;
        double largest = 0;
        while (i < x.length && j < y.length) {
            double v = Math.min(x[i], y[j]);
            while (i < x.length && x[i] <= v) {
                i++;
            }
            while (j < y.length && y[j] <= v) {
                j++;
            }
            largest = Math.max(largest, Math.abs((double) i / x.length - (double) j / y.length));
        }
        return largest;
    }
}
