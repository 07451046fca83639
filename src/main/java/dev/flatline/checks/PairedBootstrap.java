package dev.flatline.checks;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The uncertainty of a difference in balanced accuracy between two sets of predictions for the same
 * test rows: a paired bootstrap over the test rows (rows drawn with replacement, both models scored on
 * the same draw), so that a lift counts only when it is larger than what resampling the test part
 * alone would move it. Balanced accuracy here is {@link Metrics}'s: mean recall over the classes present
 * in the (resampled) test rows.
 */
public final class PairedBootstrap {

    /** Resamples drawn. */
    public static final int RESAMPLES = 400;
    /** Two-sided coverage of the interval. */
    public static final double COVERAGE = 0.95;
    private static final long SEED = 20_211_2L;

    private PairedBootstrap() {
    }

    /**
     * Half the width of the central {@value #COVERAGE} interval of balanced accuracy of {@code after}
     * minus that of {@code before}, over {@value #RESAMPLES} paired resamples of the test rows (fixed
     * seed: the same predictions give the same margin).
     */
    public static double margin(List<String> truth, List<String> before, List<String> after) {
        int n = truth.size();
        if (n == 0 || before.size() != n || after.size() != n) {
            throw new IllegalArgumentException("a paired bootstrap needs both predictions for the same "
                    + n + " test rows, got " + before.size() + " and " + after.size());
        }
        Map<String, Integer> index = new HashMap<>();
        int[] t = codes(truth, index);
        int[] b = codes(before, index);
        int[] a = codes(after, index);
        int k = index.size();
        double[] diffs = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        long[] support = new long[k];
        long[] hitsBefore = new long[k];
        long[] hitsAfter = new long[k];
        for (int r = 0; r < RESAMPLES; r++) {
            Arrays.fill(support, 0);
            Arrays.fill(hitsBefore, 0);
            Arrays.fill(hitsAfter, 0);
            for (int i = 0; i < n; i++) {
                int row = random.nextInt(n);
                int c = t[row];
                support[c]++;
                if (b[row] == c) {
                    hitsBefore[c]++;
                }
                if (a[row] == c) {
                    hitsAfter[c]++;
                }
            }
            double sum = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                if (support[c] > 0) {
                    sum += (double) (hitsAfter[c] - hitsBefore[c]) / support[c];
                    present++;
                }
            }
            diffs[r] = present == 0 ? 0 : sum / present;
        }
        Arrays.sort(diffs);
        double tail = (1 - COVERAGE) / 2;
        double low = diffs[(int) Math.floor(tail * (RESAMPLES - 1))];
        double high = diffs[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))];
        return (high - low) / 2;
    }

    private static int[] codes(List<String> labels, Map<String, Integer> index) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = index.computeIfAbsent(labels.get(i), x -> index.size());
        }
        return out;
    }
}
