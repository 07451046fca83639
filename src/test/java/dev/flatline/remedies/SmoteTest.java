package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.LabelledData;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/** SMOTE's counts, geometry and seeding on Shuttle and Glass, checked against brute force. */
class SmoteTest {

    @Test
    void shuttleEveryClassToTheMajorityWithPointsOnNeighbourSegments() {
        LabelledData shuttle = Fixtures.shuttle();
        double[] x = Fixtures.trainFeatures(shuttle);
        String[] y = Fixtures.trainLabels(shuttle);
        int d = shuttle.featureCount();
        Resampled out = Smote.toMajority(0).resample(x, d, y);
        int majority = Collections.max(ClassLabels.counts(y).values());
        ClassLabels.counts(out.labels()).values().forEach(count -> assertEquals(majority, count));
        assertEquals(7 * majority, out.rows());
        assertArrayEquals(x, Arrays.copyOf(out.features(), x.length), "the originals come first, unchanged");
        checkSegmentsAndNeighbours(x, y, d, out, 5, 4000);
    }

    @Test
    void glassWithAnotherKAndTargetCounts() {
        LabelledData glass = Fixtures.glass();
        double[] x = Fixtures.trainFeatures(glass);
        String[] y = Fixtures.trainLabels(glass);
        Map<String, Integer> before = ClassLabels.counts(y);
        String smallest = before.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Resampled out = Smote.toCounts(Map.of(smallest, 50), 3).withK(3).resample(x, 9, y);
        Map<String, Integer> after = ClassLabels.counts(out.labels());
        before.forEach((label, count) -> assertEquals(label.equals(smallest) ? 50 : count, after.get(label)));
        checkSegmentsAndNeighbours(x, y, 9, out, 3, Integer.MAX_VALUE);
    }

    @Test
    void sameSeedSameRowsOtherSeedOtherRows() {
        LabelledData glass = Fixtures.glass();
        double[] x = Fixtures.trainFeatures(glass);
        String[] y = Fixtures.trainLabels(glass);
        Resampled a = Smote.toMajority(11).resample(x, 9, y);
        Resampled b = Smote.toMajority(11).resample(x, 9, y);
        Resampled c = Smote.toMajority(12).resample(x, 9, y);
        assertArrayEquals(a.features(), b.features());
        assertArrayEquals(a.labels(), b.labels());
        assertFalse(Arrays.equals(a.features(), c.features()));
    }

    @Test
    void aClassWithTooFewRowsForKIsAnErrorThatSaysWhichKWorks() {
        LabelledData glass = Fixtures.glass();
        String[] y = Fixtures.trainLabels(glass);
        Map<String, Integer> counts = ClassLabels.counts(y);
        Map.Entry<String, Integer> smallest = counts.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow();
        int k = smallest.getValue();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Smote.toMajority(0).withK(k).resample(Fixtures.trainFeatures(glass), 9, y));
        assertTrue(e.getMessage().contains("'" + smallest.getKey() + "' has " + k)
                && e.getMessage().contains("k=" + (k - 1) + " or less"), e.getMessage());
        // One fewer neighbour works.
        Smote.toMajority(0).withK(k - 1).resample(Fixtures.trainFeatures(glass), 9, y);
        assertThrows(IllegalArgumentException.class, () -> Smote.toMajority(0).withK(0));
    }

    @Test
    void onATribuoDatasetKeepsTheOriginalsAndAddsFullRows() {
        Dataset<Label> train = Fixtures.glassTrain();
        Dataset<Label> out = Smote.toMajority(0).resample(train);
        Map<String, Integer> counts = Fixtures.count(out);
        int majority = Collections.max(Fixtures.count(train).values());
        counts.values().forEach(count -> assertEquals(majority, count));
        for (int i = 0; i < train.size(); i++) {
            assertTrue(train.getExample(i) == out.getExample(i));
        }
        Example<Label> synthetic = out.getExample(out.size() - 1);
        int features = 0;
        for (Feature ignored : synthetic) {
            features++;
        }
        assertEquals(train.getFeatureMap().size(), features);
    }

    /**
     * Each synthetic row equals base + step * (neighbour - base), both of its class, and the neighbour is
     * one of the base row's k nearest others by brute force (at most the k-th smallest distance).
     */
    private static void checkSegmentsAndNeighbours(double[] x, String[] y, int d, Resampled out, int k, int limit) {
        int checked = 0;
        for (int s = 0; s < out.syntheticRows() && checked < limit; s++, checked++) {
            int row = out.originalRows() + s;
            int base = out.base()[s];
            int neighbour = out.neighbour()[s];
            double u = out.step()[s];
            assertTrue(u >= 0 && u < 1);
            assertEquals(y[base], out.labels()[row]);
            assertEquals(y[neighbour], out.labels()[row]);
            assertTrue(base != neighbour);
            for (int c = 0; c < d; c++) {
                double expected = x[base * d + c] + u * (x[neighbour * d + c] - x[base * d + c]);
                assertEquals(expected, out.features()[row * d + c], 1e-12);
            }
            double[] distances = new double[y.length];
            int m = 0;
            for (int other = 0; other < y.length; other++) {
                if (other != base && y[other].equals(y[base])) {
                    distances[m++] = squared(x, d, base, other);
                }
            }
            Arrays.sort(distances, 0, m);
            assertTrue(squared(x, d, base, neighbour) <= distances[k - 1] + 1e-12,
                    "synthetic row " + s + ": neighbour is not among the " + k + " nearest");
        }
    }

    private static double squared(double[] x, int d, int a, int b) {
        double sum = 0;
        for (int c = 0; c < d; c++) {
            double diff = x[a * d + c] - x[b * d + c];
            sum += diff * diff;
        }
        return sum;
    }
}
