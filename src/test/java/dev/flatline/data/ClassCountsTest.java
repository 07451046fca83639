package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

class ClassCountsTest {

    @Test
    void shuttleTrainingPartIsCountedMostCommonFirst() {
        LabelledData shuttle = Datasets.shuttle();
        ClassCounts train = ClassCounts.of(shuttle.train());
        assertEquals(shuttle.trainSize(), train.total());
        assertEquals(7, train.size());
        assertEquals("Rad.Flow", train.majority());
        assertEquals("Bpv.Close", train.minority());
        List<Long> counts = new ArrayList<>(train.asMap().values());
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i), "not most common first: " + counts);
        }
        assertEquals((double) train.get("Rad.Flow") / train.get("Bpv.Close"), train.imbalanceRatio(), 1e-12);
        assertEquals(1.0, train.shares().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(train.get("Rad.Flow") / (double) train.total(), train.majorityShare(), 1e-12);
        // The whole data's counts are the training part's plus the test part's.
        ClassCounts test = ClassCounts.of(shuttle.test());
        for (String c : shuttle.classes()) {
            assertEquals(shuttle.classCounts().get(c), train.get(c) + test.get(c), c);
        }
    }

    @Test
    void tiesAreInNameOrderAndUnknownClassesCountZero() {
        ClassCounts counts = ClassCounts.ofLabels(List.of("b", "a", "c", "c", "a", "b"), "labels");
        assertEquals(List.of("a", "b", "c"), counts.classes());
        assertEquals(1.0, counts.imbalanceRatio());
        assertEquals(0, counts.get("zebra"));
        assertFalse(counts.contains("zebra"));
        assertEquals(ClassCounts.of(Map.of("a", 2, "b", 2L, "c", 2.0)), counts);
        assertTrue(counts.toString().contains("a: 2, b: 2, c: 2"), counts.toString());
    }

    @Test
    void aZeroCountMakesTheImbalanceInfinite() {
        ClassCounts counts = ClassCounts.of(Map.of("seen", 5, "never", 0));
        assertEquals("never", counts.minority());
        assertEquals(Double.POSITIVE_INFINITY, counts.imbalanceRatio());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertTrue(assertThrows(DataException.class, () -> ClassCounts.of(Map.of("a", -1)))
                .getMessage().contains("class 'a' has count -1"));
        assertTrue(assertThrows(DataException.class, () -> ClassCounts.of(Map.of("a", 1.5)))
                .getMessage().contains("whole numbers"));
        assertTrue(assertThrows(DataException.class, () -> ClassCounts.of(Map.<String, Long>of()))
                .getMessage().contains("empty"));
        List<String> withNull = new ArrayList<>(List.of("a", "b"));
        withNull.set(1, null);
        assertTrue(assertThrows(DataException.class, () -> ClassCounts.ofLabels(withNull, "the true labels"))
                .getMessage().contains("index 1"));
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> unlabelled = new MutableDataset<>(new SimpleDataSourceProvenance("u", factory), factory);
        unlabelled.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, new String[] {"x"}, new double[] {1}));
        assertTrue(assertThrows(DataException.class, () -> ClassCounts.of(unlabelled))
                .getMessage().contains("unlabelled"));
    }
}
