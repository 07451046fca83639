package dev.flatline.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A seeded, stratified split of row indices into a training part and a held-out part: every class
 * keeps (to within one row) the same share of its rows in the held-out part.
 *
 * <p>"Held out" is the one word for the rows kept away from training, whatever they are then used
 * for: {@link LabelledData} holds them out as its test part ({@code testFraction}), the network trainer
 * holds out part of its training data to validate each epoch ({@code validationFraction}). Both
 * fractions mean the same thing: the share of each class that goes to the held-out part.
 *
 * <p>Rule, per class (classes in name order, one {@link Random} seeded with the seed for all of them):
 * shuffle the class's row indices, put the first {@code round(heldOutFraction * count)} in the held-out part,
 * but at least 1 and at most {@code count - 1} when the class has 2 or more rows, so each such class
 * appears in both parts. (Rounding is per class, so the whole test part can differ from
 * {@code heldOutFraction * rows} by up to half a row per class.) A class with a single row goes to the
 * training part only: a model can at least see it, while a held-out part holding it would leave
 * training without it. Row indices come back
 * sorted, so both parts keep the original row order. The same labels, fraction and seed always give
 * the same split.
 *
 * <p>Tribuo's own splitter is not stratified, which is why this exists: with Shuttle's 10-row class a
 * random 80/20 split can leave the held-out part without it.
 */
public final class StratifiedSplit {

    private final int[] trainRows;
    private final int[] heldOutRows;

    private StratifiedSplit(int[] trainRows, int[] heldOutRows) {
        this.trainRows = trainRows;
        this.heldOutRows = heldOutRows;
    }

    /**
     * Splits rows {@code 0 .. labels.length-1} by class.
     *
     * @param labels          the class of every row
     * @param heldOutFraction share of each class for the held-out part, strictly between 0 and 1
     * @param seed            seed for the shuffles
     * @throws DataException if the fraction is not strictly between 0 and 1
     */
    public static StratifiedSplit split(String[] labels, double heldOutFraction, long seed) {
        checkFraction("Held-out fraction", heldOutFraction);
        Random random = new Random(seed);
        int[] train = new int[labels.length];
        int[] heldOut = new int[labels.length];
        int trainCount = 0;
        int heldOutCount = 0;
        for (int[] rows : rowsByClass(labels, allRows(labels.length)).values()) {
            shuffle(rows, random);
            int toHoldOut = heldOutCount(rows.length, heldOutFraction);
            for (int i = 0; i < rows.length; i++) {
                if (i < toHoldOut) {
                    heldOut[heldOutCount++] = rows[i];
                } else {
                    train[trainCount++] = rows[i];
                }
            }
        }
        int[] trainRows = Arrays.copyOf(train, trainCount);
        int[] heldOutRows = Arrays.copyOf(heldOut, heldOutCount);
        Arrays.sort(trainRows);
        Arrays.sort(heldOutRows);
        return new StratifiedSplit(trainRows, heldOutRows);
    }

    /**
     * Rows {@code 0 .. labels.length-1} dealt into {@code k} stratified folds: per class (classes in name order, one
     * {@link Random} seeded with the seed for all of them) the class's rows are shuffled and dealt one per fold in
     * turn, each class starting where the last one stopped, so every fold holds each class's rows to within one and
     * the folds' sizes differ by at most one. For cross-fitting: each fold is predicted by a model that saw the
     * others.
     *
     * @param labels the class of every row
     * @param k      how many folds, at least 2
     * @param seed   seed for the shuffles
     * @return the folds' row indices, each sorted
     * @throws DataException if {@code k} is below 2
     */
    public static int[][] folds(String[] labels, int k, long seed) {
        if (k < 2) {
            throw new DataException("Folds must be at least 2, was " + k + ".");
        }
        Random random = new Random(seed);
        List<List<Integer>> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            folds.add(new ArrayList<>());
        }
        int next = 0;
        for (int[] rows : rowsByClass(labels, allRows(labels.length)).values()) {
            shuffle(rows, random);
            for (int row : rows) {
                folds.get(next).add(row);
                next = (next + 1) % k;
            }
        }
        int[][] out = new int[k][];
        for (int f = 0; f < k; f++) {
            out[f] = folds.get(f).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        return out;
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

    /** Held-out row indices (the test or validation part, as the caller uses them), sorted (a copy). */
    public int[] heldOutRows() {
        return heldOutRows.clone();
    }

    int[] trainRowsShared() {
        return trainRows;
    }

    int[] heldOutRowsShared() {
        return heldOutRows;
    }

    /** Checks a held-out fraction; {@code role} names it in the message ("Test fraction", ...). */
    static void checkFraction(String role, double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new DataException(role + " must be strictly between 0 and 1 (e.g. 0.2 to hold out 20% of "
                    + "each class), was " + fraction + ".");
        }
    }

    /** Held-out rows for a class of {@code count} rows; see the class comment for the rule. */
    static int heldOutCount(int count, double heldOutFraction) {
        if (count < 2) {
            return 0;
        }
        long rounded = Math.round(heldOutFraction * count);
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

    static int[] allRows(int n) {
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        return rows;
    }

    /** Fisher-Yates, written out so the result depends only on the seed, not on a library version. */
    static void shuffle(int[] rows, Random random) {
        for (int i = rows.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = rows[i];
            rows[i] = rows[j];
            rows[j] = swap;
        }
    }
}
