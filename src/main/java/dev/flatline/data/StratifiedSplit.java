package dev.flatline.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded, stratified train/test split of row indices: every class keeps (to within one row) the
 * same share of its rows in the test part.
 *
 * <p>Rule, per class (classes in name order, one {@link Random} seeded with the seed for all of them):
 * shuffle the class's row indices, put the first {@code round(testFraction * count)} in the test part,
 * but at least 1 and at most {@code count - 1} when the class has 2 or more rows, so each such class
 * appears in both parts. (Rounding is per class, so the whole test part can differ from
 * {@code testFraction * rows} by up to half a row per class.) A class with a single row goes to the training part only: a model can at
 * least see it, while a test part holding it would leave training without it. Row indices come back
 * sorted, so both parts keep the original row order. The same labels, fraction and seed always give
 * the same split.
 *
 * <p>Tribuo's own splitter is not stratified, which is why this exists: with Shuttle's 10-row class a
 * random 80/20 split can leave the test part without it.
 */
public final class StratifiedSplit {

    private final int[] trainRows;
    private final int[] testRows;

    private StratifiedSplit(int[] trainRows, int[] testRows) {
        this.trainRows = trainRows;
        this.testRows = testRows;
    }

    /**
     * Splits rows {@code 0 .. labels.length-1} by class.
     *
     * @param labels       the class of every row
     * @param testFraction share of each class for the test part, strictly between 0 and 1
     * @param seed         seed for the shuffles
     * @throws DataException if the fraction is not strictly between 0 and 1
     */
    public static StratifiedSplit split(String[] labels, double testFraction, long seed) {
        checkTestFraction(testFraction);
        Random random = new Random(seed);
        int[] train = new int[labels.length];
        int[] test = new int[labels.length];
        int trainCount = 0;
        int testCount = 0;
        for (int[] rows : rowsByClass(labels, allRows(labels.length)).values()) {
            shuffle(rows, random);
            int forTest = testCount(rows.length, testFraction);
            for (int i = 0; i < rows.length; i++) {
                if (i < forTest) {
                    test[testCount++] = rows[i];
                } else {
                    train[trainCount++] = rows[i];
                }
            }
        }
        int[] trainRows = Arrays.copyOf(train, trainCount);
        int[] testRows = Arrays.copyOf(test, testCount);
        Arrays.sort(trainRows);
        Arrays.sort(testRows);
        return new StratifiedSplit(trainRows, testRows);
    }

    /**
     * A stratified sample of {@code size} of the given rows, for learning curves: when {@code size} is at
     * least the number of classes present, every class gets one row and the rest is shared out in
     * proportion to the class sizes (largest remainders first); otherwise the {@code size} largest
     * classes get one row each.
     *
     * @param labels the class of every row of the whole data
     * @param rows   the rows to sample from (e.g. the training part)
     * @param size   how many rows to keep, from 1 to {@code rows.length}
     * @param seed   seed for the shuffles
     * @return the sampled row indices, sorted
     * @throws DataException if {@code size} is out of range
     */
    public static int[] subsample(String[] labels, int[] rows, int size, long seed) {
        if (size < 1 || size > rows.length) {
            throw new DataException("Subsample size must be between 1 and " + rows.length
                    + " (the number of rows to sample from), was " + size + ".");
        }
        Map<String, int[]> byClass = rowsByClass(labels, rows);
        int[] quotas = quotas(byClass.values().stream().mapToInt(r -> r.length).toArray(), size);
        Random random = new Random(seed);
        int[] sample = new int[size];
        int count = 0;
        int k = 0;
        for (int[] classRows : byClass.values()) {
            shuffle(classRows, random);
            for (int i = 0; i < quotas[k]; i++) {
                sample[count++] = classRows[i];
            }
            k++;
        }
        Arrays.sort(sample);
        return sample;
    }

    /** Training row indices, sorted (a copy). */
    public int[] trainRows() {
        return trainRows.clone();
    }

    /** Test row indices, sorted (a copy). */
    public int[] testRows() {
        return testRows.clone();
    }

    int[] trainRowsShared() {
        return trainRows;
    }

    int[] testRowsShared() {
        return testRows;
    }

    static void checkTestFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new DataException("Test fraction must be strictly between 0 and 1 (e.g. 0.2 for 20% test "
                    + "rows), was " + testFraction + ".");
        }
    }

    /** Test rows for a class of {@code count} rows; see the class comment for the rule. */
    static int testCount(int count, double testFraction) {
        if (count < 2) {
            return 0;
        }
        long rounded = Math.round(testFraction * count);
        return (int) Math.max(1, Math.min(count - 1, rounded));
    }

    private static int[] quotas(int[] counts, int size) {
        int classes = counts.length;
        int[] quotas = new int[classes];
        if (size < classes) {
            // Too few rows for every class: one row each for the largest classes (ties: name order).
            Integer[] order = new Integer[classes];
            Arrays.setAll(order, c -> c);
            Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
            for (int i = 0; i < size; i++) {
                quotas[order[i]] = 1;
            }
            return quotas;
        }
        int total = Arrays.stream(counts).sum();
        int guaranteed = 1;
        int toShare = size - guaranteed * classes;
        int shareable = total - guaranteed * classes;
        double[] remainders = new double[classes];
        int given = 0;
        for (int c = 0; c < classes; c++) {
            double exact = shareable == 0 ? 0 : (double) toShare * (counts[c] - guaranteed) / shareable;
            quotas[c] = guaranteed + (int) Math.floor(exact);
            remainders[c] = exact - Math.floor(exact);
            given += quotas[c];
        }
        while (given < size) {
            int best = -1;
            for (int c = 0; c < classes; c++) {
                if (quotas[c] < counts[c] && (best < 0 || remainders[c] > remainders[best])) {
                    best = c;
                }
            }
            quotas[best]++;
            remainders[best] = -1;
            given++;
        }
        return quotas;
    }

    private static Map<String, int[]> rowsByClass(String[] labels, int[] rows) {
        Map<String, List<Integer>> lists = new TreeMap<>();
        for (int row : rows) {
            lists.computeIfAbsent(labels[row], l -> new ArrayList<>()).add(row);
        }
        Map<String, int[]> result = new TreeMap<>();
        lists.forEach((label, list) -> result.put(label, list.stream().mapToInt(Integer::intValue).toArray()));
        return result;
    }

    private static int[] allRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /** Fisher-Yates, written out so the result depends only on the seed, not on a library version. */
    private static void shuffle(int[] rows, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
    }
}
