package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static String[] labels(Object... classAndCount) {
        String[] result = new String[0];
        for (int i = 0; i < classAndCount.length; i += 2) {
            String name = (String) classAndCount[i];
            int count = (Integer) classAndCount[i + 1];
            int start = result.length;
            result = Arrays.copyOf(result, start + count);
            Arrays.fill(result, start, start + count, name);
        }
        // Interleave so classes are not in contiguous blocks (as in real files).
        String[] shuffled = result.clone();
        java.util.Collections.shuffle(Arrays.asList(shuffled), new java.util.Random(42));
        return shuffled;
    }

    private static Map<String, Integer> count(String[] labels, int[] rows) {
        Map<String, Integer> counts = new HashMap<>();
        for (int row : rows) {
            counts.merge(labels[row], 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void everyClassKeepsItsShareWithinOneRow() {
        String[] labels = labels("big", 4_559, "mid", 890, "small", 171, "tiny", 13, "two", 2);
        for (double fraction : new double[] {0.1, 0.2, 0.33, 0.5, 0.9}) {
            StratifiedSplit split = StratifiedSplit.split(labels, fraction, 7);
            Map<String, Integer> total = count(labels, IntStream.range(0, labels.length).toArray());
            Map<String, Integer> test = count(labels, split.heldOutRows());
            Map<String, Integer> train = count(labels, split.trainRows());
            for (String c : total.keySet()) {
                double exact = fraction * total.get(c);
                assertTrue(Math.abs(test.get(c) - exact) <= 1.0, c + " at " + fraction + ": " + test.get(c));
                assertTrue(train.get(c) >= 1, c + " missing from training");
                assertEquals(total.get(c), test.get(c) + train.get(c));
            }
        }
    }

    @Test
    void partsAreDisjointSortedAndCoverAllRows() {
        String[] labels = labels("a", 50, "b", 30);
        StratifiedSplit split = StratifiedSplit.split(labels, 0.25, 1);
        int[] all = IntStream.concat(Arrays.stream(split.trainRows()), Arrays.stream(split.heldOutRows()))
                .sorted().toArray();
        assertArrayEquals(IntStream.range(0, 80).toArray(), all);
        assertArrayEquals(Arrays.stream(split.heldOutRows()).sorted().toArray(), split.heldOutRows());
        // 0.25 * 50 = 12.5 and 0.25 * 30 = 7.5 both round up: 13 + 8.
        assertEquals(21, split.heldOutRows().length);
    }

    @Test
    void sameSeedSameSplitDifferentSeedDifferentSplit() {
        String[] labels = labels("a", 500, "b", 100, "c", 10);
        assertArrayEquals(StratifiedSplit.split(labels, 0.2, 3).heldOutRows(),
                StratifiedSplit.split(labels, 0.2, 3).heldOutRows());
        assertFalse(Arrays.equals(StratifiedSplit.split(labels, 0.2, 3).heldOutRows(),
                StratifiedSplit.split(labels, 0.2, 4).heldOutRows()));
    }

    @Test
    void aSingleRowClassGoesToTrainingAndTwoRowClassesAreInBothParts() {
        String[] labels = labels("many", 100, "one", 1, "pair", 2);
        StratifiedSplit split = StratifiedSplit.split(labels, 0.2, 0);
        assertEquals(1, count(labels, split.trainRows()).get("one"));
        assertFalse(count(labels, split.heldOutRows()).containsKey("one"));
        assertEquals(1, count(labels, split.heldOutRows()).get("pair"));
        assertEquals(1, count(labels, split.trainRows()).get("pair"));
    }

    @Test
    void heldOutCountRule() {
        assertEquals(0, StratifiedSplit.heldOutCount(1, 0.5));
        assertEquals(1, StratifiedSplit.heldOutCount(2, 0.01));
        assertEquals(1, StratifiedSplit.heldOutCount(2, 0.99));
        assertEquals(2, StratifiedSplit.heldOutCount(10, 0.2));
        assertEquals(3, StratifiedSplit.heldOutCount(13, 0.2));
    }

    @Test
    void subsampleIsStratifiedExactSizedAndKeepsEveryClass() {
        String[] labels = labels("big", 900, "mid", 90, "rare", 10);
        int[] rows = IntStream.range(0, labels.length).toArray();
        for (int size : new int[] {3, 10, 57, 100, 999, 1000}) {
            int[] sample = StratifiedSplit.subsample(labels, rows, size, 5);
            assertEquals(size, sample.length);
            assertEquals(size, Arrays.stream(sample).distinct().count());
            Map<String, Integer> counts = count(labels, sample);
            assertEquals(3, counts.size(), "size " + size + ": " + counts);
            assertTrue(Math.abs(counts.get("big") - 0.9 * size) <= 2, "size " + size + ": " + counts);
        }
        // Fewer rows than classes: one row each for the largest classes.
        assertEquals(Map.of("big", 1, "mid", 1), count(labels, StratifiedSplit.subsample(labels, rows, 2, 0)));
        assertArrayEquals(StratifiedSplit.subsample(labels, rows, 50, 1), StratifiedSplit.subsample(labels, rows, 50, 1));
    }

    @Test
    void foldsCoverEveryRowOnceAndKeepEachClassEvenToWithinOne() {
        String[] labels = labels("big", 103, "mid", 21, "rare", 4);
        int[][] folds = StratifiedSplit.folds(labels, 5, 7);
        assertEquals(5, folds.length);
        int[] all = Arrays.stream(folds).flatMapToInt(Arrays::stream).sorted().toArray();
        assertArrayEquals(IntStream.range(0, labels.length).toArray(), all);
        for (String c : new String[] {"big", "mid", "rare"}) {
            int[] perFold = Arrays.stream(folds).mapToInt(f -> count(labels, f).getOrDefault(c, 0)).toArray();
            assertTrue(Arrays.stream(perFold).max().getAsInt() - Arrays.stream(perFold).min().getAsInt() <= 1,
                    c + " " + Arrays.toString(perFold));
        }
        int[] sizes = Arrays.stream(folds).mapToInt(f -> f.length).toArray();
        assertTrue(Arrays.stream(sizes).max().getAsInt() - Arrays.stream(sizes).min().getAsInt() <= 1,
                Arrays.toString(sizes));
        for (int[] f : folds) {
            assertArrayEquals(Arrays.stream(f).sorted().toArray(), f);
        }
        assertArrayEquals(folds[2], StratifiedSplit.folds(labels, 5, 7)[2]);
        assertFalse(Arrays.equals(folds[0], StratifiedSplit.folds(labels, 5, 8)[0]));
        assertThrows(DataException.class, () -> StratifiedSplit.folds(labels, 1, 0));
    }

    @Test
    void badArgumentsAreRejected() {
        String[] labels = labels("a", 5, "b", 5);
        assertThrows(DataException.class, () -> StratifiedSplit.split(labels, 0, 0));
        assertThrows(DataException.class, () -> StratifiedSplit.split(labels, 1, 0));
        DataException e = assertThrows(DataException.class,
                () -> StratifiedSplit.subsample(labels, new int[] {0, 1, 2}, 4, 0));
        assertTrue(e.getMessage().contains("between 1 and 3") && e.getMessage().contains("was 4"), e.getMessage());
    }
}
