package dev.flatline.data;

import java.util.List;
import java.util.Random;

/**
 * Small seeded 2-feature classification tasks with scikit-learn's definitions ({@code make_moons},
 * {@code make_circles}, {@code make_blobs}, written once here): the tasks on which deep narrow networks
 * are benchmarked (AutoTrainer, ICSE 2021). Each is returned as {@link LabelledData} with the usual
 * stratified 20% test split, made with the same seed.
 *
 * <p>Noise is Gaussian with standard deviation {@code noise}, drawn from {@code java.util.Random(seed)}
 * (the same seed gives the same rows; the rows are not those numpy draws).
 */
public final class TwoFeatureTasks {

    private static final List<String> FEATURES = List.of("x1", "x2");

    private TwoFeatureTasks() {
    }

    /**
     * Two interleaving half circles ({@code make_moons}): class 0 on the upper moon, class 1 on the lower,
     * shifted one to the right and half down.
     */
    public static LabelledData moons(int rows, double noise, long seed) {
        checkRows(rows, 2);
        Random random = new Random(seed);
        int outer = rows / 2;
        int inner = rows - outer;
        double[][] x = new double[2][rows];
        String[] y = new String[rows];
        for (int i = 0; i < outer; i++) {
            double t = linspace(0, Math.PI, outer, i, true);
            set(x, y, i, Math.cos(t), Math.sin(t), "0", noise, random);
        }
        for (int i = 0; i < inner; i++) {
            double t = linspace(0, Math.PI, inner, i, true);
            set(x, y, outer + i, 1 - Math.cos(t), 1 - Math.sin(t) - 0.5, "1", noise, random);
        }
        return StratifiedSample.labelledData("moons", "make_moons(" + rows + ", noise=" + noise + ")", "class",
                FEATURES, x, y, seed);
    }

    /** A small circle inside a large one ({@code make_circles}): class 0 outside, class 1 at radius {@code factor}. */
    public static LabelledData circles(int rows, double noise, double factor, long seed) {
        checkRows(rows, 2);
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("The inner circle's factor must lie in (0, 1), got " + factor + ".");
        }
        Random random = new Random(seed);
        int outer = rows / 2;
        int inner = rows - outer;
        double[][] x = new double[2][rows];
        String[] y = new String[rows];
        for (int i = 0; i < outer; i++) {
            double t = linspace(0, 2 * Math.PI, outer, i, false);
            set(x, y, i, Math.cos(t), Math.sin(t), "0", noise, random);
        }
        for (int i = 0; i < inner; i++) {
            double t = linspace(0, 2 * Math.PI, inner, i, false);
            set(x, y, outer + i, factor * Math.cos(t), factor * Math.sin(t), "1", noise, random);
        }
        return StratifiedSample.labelledData("circles", "make_circles(" + rows + ", noise=" + noise + ", factor="
                + factor + ")", "class", FEATURES, x, y, seed);
    }

    /**
     * Isotropic Gaussian blobs ({@code make_blobs}): {@code centers} centres drawn uniformly from
     * [-10, 10]², {@code rows / centers} rows around each (the first {@code rows % centers} one more),
     * with standard deviation {@code spread}.
     */
    public static LabelledData blobs(int rows, int centers, double spread, long seed) {
        checkRows(rows, centers);
        Random random = new Random(seed);
        double[][] centre = new double[centers][2];
        for (double[] c : centre) {
            c[0] = -10 + 20 * random.nextDouble();
            c[1] = -10 + 20 * random.nextDouble();
        }
        double[][] x = new double[2][rows];
        String[] y = new String[rows];
        int row = 0;
        for (int c = 0; c < centers; c++) {
            int n = rows / centers + (c < rows % centers ? 1 : 0);
            for (int i = 0; i < n; i++) {
                set(x, y, row++, centre[c][0], centre[c][1], Integer.toString(c), spread, random);
            }
        }
        return StratifiedSample.labelledData("blobs", "make_blobs(" + rows + ", centers=" + centers
                + ", cluster_std=" + spread + ")", "class", FEATURES, x, y, seed);
    }

    /** numpy's {@code linspace(from, to, n)[i]}, with or without the end point. */
    private static double linspace(double from, double to, int n, int i, boolean endpoint) {
        int steps = endpoint ? n - 1 : n;
        return steps <= 0 ? from : from + (to - from) * i / steps;
    }

    private static void set(double[][] x, String[] y, int row, double x1, double x2, String label, double noise,
            Random random) {
        x[0][row] = x1 + noise * random.nextGaussian();
        x[1][row] = x2 + noise * random.nextGaussian();
        y[row] = label;
    }

    private static void checkRows(int rows, int classes) {
        if (rows < 5 * classes) {
            throw new IllegalArgumentException("A task needs at least " + 5 * classes + " rows (5 per class), got "
                    + rows + ".");
        }
    }
}
