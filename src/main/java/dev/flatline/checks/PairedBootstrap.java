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
        return averagedMargin(truth, before, List.of(after));
    }

    /**
     * The same margin where several models' predictions are averaged on the "after" side (e.g. refits with other
     * seeds): each row counts the share of them that are right, so the difference is the mean balanced accuracy of
     * {@code afters} minus that of {@code before}, and the rows, not the refits, are resampled.
     */
    public static double averagedMargin(List<String> truth, List<String> before, List<List<String>> afters) {
        int n = truth.size();
        if (n == 0 || before.size() != n || afters.isEmpty() || afters.stream().anyMatch(a -> a.size() != n)) {
            throw new IllegalArgumentException("a paired bootstrap needs both predictions for the same "
                    + n + " test rows, got " + before.size() + " and " + afters.stream().map(List::size).toList());
        }
        Map<String, Integer> index = new HashMap<>();
        int[] t = codes(truth, index);
        int k = index.size();
        // Each row reduces to its class and its difference: the share of the "after" models right on it, less
        // whether "before" is; a resample sums those per class, with no model re-evaluated.
        double[] difference = new double[n];
        for (int i = 0; i < n; i++) {
            int right = 0;
            for (List<String> after : afters) {
                right += after.get(i).equals(truth.get(i)) ? 1 : 0;
            }
            difference[i] = (double) right / afters.size() - (before.get(i).equals(truth.get(i)) ? 1 : 0);
        }
        double[] diffs = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        double[] sum = new double[k];
        int[] support = new int[k];
        for (int r = 0; r < RESAMPLES; r++) {
            Arrays.fill(sum, 0);
            Arrays.fill(support, 0);
            for (int draw = 0; draw < n; draw++) {
                int i = random.nextInt(n);
                sum[t[i]] += difference[i];
                support[t[i]]++;
            }
            double total = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                if (support[c] > 0) {
                    total += sum[c] / support[c];
                    present++;
                }
            }
            diffs[r] = present == 0 ? 0 : total / present;
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
