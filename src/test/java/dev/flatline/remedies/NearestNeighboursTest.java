package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The k-d tree finds the same neighbour distances as brute force, ties and duplicates included. */
class NearestNeighboursTest {

    @Test
    void matchesBruteForceOnShuttleClassAndOnTiedPoints() {
        // Shuttle's second class (thousands of rows, many duplicates after standardisation).
        String[] y = Fixtures.trainLabels(Fixtures.shuttle());
        double[] x = Fixtures.trainFeatures(Fixtures.shuttle());
        int d = 9;
        double[] high = gather(x, y, d, "High");
        check(high, d, 5);
        // Integer grid points in 3 dimensions: distances tie everywhere.
        SplittableRandom random = new SplittableRandom(1);
        double[] grid = new double[600 * 3];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextInt(4);
        }
        check(grid, 3, 7);
    }

    @Test
    void tribuosKdTreeFindsTheSameNeighbourDistances() {
        // The benchmark that keeps this search beside Tribuo's: on the same rows both find the same distances.
        var results = NeighboursBenchmark.run(Fixtures.shuttle().train(), java.util.List.of("Bypass"), 5, 2);
        var bypass = results.get(0);
        org.junit.jupiter.api.Assertions.assertEquals((long) bypass.rows() * 5, bypass.agree(), bypass::row);
        org.junit.jupiter.api.Assertions.assertTrue(bypass.rows() > 1000, bypass::row);
    }

    @Test
    void tooFewPointsIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbours.of(new double[] {0, 1, 2}, 1, 3));
    }

    private static void check(double[] points, int d, int k) {
        int n = points.length / d;
        int[] nn = NearestNeighbours.of(points, d, k);
        for (int i = 0; i < n; i += Math.max(1, n / 500)) {
            double[] all = new double[n - 1];
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    all[m++] = distance(points, d, i, j);
                }
            }
            Arrays.sort(all);
            double[] found = new double[k];
            for (int j = 0; j < k; j++) {
                found[j] = distance(points, d, i, nn[i * k + j]);
                if (nn[i * k + j] == i) {
                    throw new AssertionError("point " + i + " is its own neighbour");
                }
            }
            assertArrayEquals(Arrays.copyOf(all, k), found, 1e-12, "point " + i);
        }
    }

    private static double[] gather(double[] x, String[] y, int d, String label) {
        return java.util.stream.IntStream.range(0, y.length).filter(i -> y[i].equals(label))
                .flatMap(i -> java.util.stream.IntStream.range(0, d).map(c -> i * d + c))
                .mapToDouble(j -> x[j]).toArray();
    }

    private static double distance(double[] p, int d, int a, int b) {
        double s = 0;
        for (int c = 0; c < d; c++) {
            double diff = p[a * d + c] - p[b * d + c];
            s += diff * diff;
        }
        return s;
    }
}
