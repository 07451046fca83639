package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.dataset.DatasetView;

/** imbalanced-learn's RandomOverSampler / RandomUnderSampler semantics on Shuttle and Glass. */
class RandomSamplersTest {

    @Test
    void oversamplingBringsEveryClassToTheMajorityAndKeepsEveryRow() {
        Dataset<Label> train = Fixtures.shuttle().train();
        Map<String, Integer> before = Fixtures.count(train);
        int majority = Collections.max(before.values());
        DatasetView<Label> view = RandomOverSampler.toMajority(0).resample(train);
        Map<String, Integer> after = Fixtures.count(view);
        assertEquals(before.keySet(), after.keySet());
        after.values().forEach(count -> assertEquals(majority, count));
        for (int i = 0; i < train.size(); i++) {
            assertSame(train.getExample(i), view.getExample(i), "original row " + i + " first, in order, not copied");
        }
        // The view's own domain counts its rows, so trainers reading priors see the balanced data.
        for (var count : view.getOutputInfo().outputCountsIterable()) {
            assertEquals(majority, count.getB(), count.getA());
        }
    }

    @Test
    void oversamplingDrawsEachClassFromItselfAndIsSeeded() {
        String[] labels = Fixtures.trainLabels(Fixtures.glass());
        RandomOverSampler sampler = RandomOverSampler.toMajority(7);
        int[] rows = sampler.sampleRows(labels);
        assertArrayEquals(rows, RandomOverSampler.toMajority(7).sampleRows(labels), "same seed, same rows");
        assertFalse(java.util.Arrays.equals(rows, RandomOverSampler.toMajority(8).sampleRows(labels)));
        Map<String, Integer> counts = new TreeMap<>();
        for (int row : rows) {
            counts.merge(labels[row], 1, Integer::sum);
        }
        int majority = Collections.max(ClassLabels.counts(labels).values());
        counts.values().forEach(count -> assertEquals(majority, count));
        // Drawn rows come after the originals, class by class in name order.
        String previous = "";
        for (int i = labels.length; i < rows.length; i++) {
            assertTrue(labels[rows[i]].compareTo(previous) >= 0);
            previous = labels[rows[i]];
        }
    }

    @Test
    void oversamplingToCountsLeavesOtherClassesAlone() {
        Dataset<Label> train = Fixtures.glassTrain();
        Map<String, Integer> before = Fixtures.count(train);
        String smallest = before.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, Integer> after = Fixtures.count(RandomOverSampler.toCounts(Map.of(smallest, 40), 0).resample(train));
        before.forEach((label, count) -> assertEquals(label.equals(smallest) ? 40 : count, after.get(label), label));
        IllegalArgumentException down = assertThrows(IllegalArgumentException.class,
                () -> RandomOverSampler.toCounts(Map.of(smallest, 1), 0).resample(train));
        assertTrue(down.getMessage().contains(smallest) && down.getMessage().contains("RandomUnderSampler"),
                down.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> RandomOverSampler.toCounts(Map.of("nope", 100), 0).resample(train));
        assertTrue(unknown.getMessage().contains("'nope'"), unknown.getMessage());
    }

    @Test
    void undersamplingKeepsASeededSubsetAtTheMinorityCount() {
        Dataset<Label> train = Fixtures.shuttle().train();
        Map<String, Integer> before = Fixtures.count(train);
        int minority = Collections.min(before.values());
        DatasetView<Label> view = RandomUnderSampler.toMinority(0).resample(train);
        Map<String, Integer> after = Fixtures.count(view);
        assertEquals(before.keySet(), after.keySet());
        after.values().forEach(count -> assertEquals(minority, count));
        int[] rows = view.getExampleIndices();
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i] > rows[i - 1], "a subset, in the input's order, no repeats");
        }
        assertArrayEquals(rows, RandomUnderSampler.toMinority(0).resample(train).getExampleIndices());
        assertFalse(java.util.Arrays.equals(rows, RandomUnderSampler.toMinority(1).resample(train).getExampleIndices()));
        for (int i = 0; i < rows.length; i++) {
            assertSame(train.getExample(rows[i]), view.getExample(i));
        }
    }

    @Test
    void undersamplingToCountsAndItsErrors() {
        Dataset<Label> train = Fixtures.glassTrain();
        Map<String, Integer> before = Fixtures.count(train);
        String largest = before.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, Integer> after = Fixtures.count(RandomUnderSampler.toCounts(Map.of(largest, 20), 3).resample(train));
        before.forEach((label, count) -> assertEquals(label.equals(largest) ? 20 : count, after.get(label), label));
        IllegalArgumentException up = assertThrows(IllegalArgumentException.class,
                () -> RandomUnderSampler.toCounts(Map.of(largest, 1000), 0).resample(train));
        assertTrue(up.getMessage().contains("RandomOverSampler"), up.getMessage());
    }
}
