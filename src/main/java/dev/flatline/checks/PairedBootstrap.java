package dev.flatline.checks;

import dev.flatline.evaluation.Metrics;
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
        // Each row reduces to one of 4k kinds (its class, and whether each model got it right), so a resample
        // is a count of kinds: one draw and one increment per row, no models re-evaluated.
        int[] kind = new int[n];
        for (int i = 0; i < n; i++) {
            kind[i] = 4 * t[i] + (b[i] == t[i] ? 2 : 0) + (a[i] == t[i] ? 1 : 0);
        }
        double[] diffs = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        int[] drawn = new int[4 * k];
        for (int r = 0; r < RESAMPLES; r++) {
            Arrays.fill(drawn, 0);
            for (int i = 0; i < n; i++) {
                drawn[kind[random.nextInt(n)]]++;
            }
            double sum = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                int both = drawn[4 * c + 3];
                int onlyBefore = drawn[4 * c + 2];
                int onlyAfter = drawn[4 * c + 1];
                int support = both + onlyBefore + onlyAfter + drawn[4 * c];
                if (support > 0) {
                    sum += (double) (onlyAfter - onlyBefore) / support;
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
