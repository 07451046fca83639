package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;

/** Copies of Glass's training part: kept classes, changed values, zeroed values; the input untouched. */
class DatasetCopiesTest {

    private final Dataset<Label> train = Datasets.glass().train();

    @Test
    void onlyKeepsTheNamedClasses() {
        String first = train.getExample(0).getOutput().getLabel();
        Dataset<Label> kept = DatasetCopies.only(train, Set.of(first));
        long expected = ClassCounts.of(train).get(first);
        assertEquals(expected, kept.size());
        for (Example<Label> row : kept) {
            assertEquals(first, row.getOutput().getLabel());
        }
        assertThrows(IllegalArgumentException.class, () -> DatasetCopies.only(train, Set.of()));
    }

    @Test
    void mappedAndZeroedChangeEveryValueOfACopyOnly() {
        double before = train.getExample(0).iterator().next().getValue();
        Dataset<Label> doubled = DatasetCopies.mapped(train, (name, v) -> 2 * v);
        Dataset<Label> zeroed = DatasetCopies.zeroed(train);
        assertEquals(train.size(), doubled.size());
        assertEquals(2 * before, doubled.getExample(0).iterator().next().getValue(), 1e-12);
        assertEquals(before, train.getExample(0).iterator().next().getValue(), 0.0, "the input is unchanged");
        for (Example<Label> row : zeroed) {
            for (Feature f : row) {
                assertEquals(0.0, f.getValue(), 0.0);
            }
        }
        assertEquals(train.getExample(5).getOutput(), zeroed.getExample(5).getOutput(), "labels kept");
        assertTrue(zeroed.getExample(0).size() > 0, "feature names kept");
    }

    @Test
    void copiesKeepEachRowsWeight() {
        org.tribuo.MutableDataset<Label> weighted = CheckData.empty("weighted glass");
        int i = 0;
        for (Example<Label> e : train) {
            Example<Label> copy = e.copy();
            copy.setWeight(1 + i++ % 3);
            weighted.add(copy);
        }
        for (Dataset<Label> copy : java.util.List.of(DatasetCopies.mapped(weighted, (name, v) -> 2 * v),
                DatasetCopies.zeroed(weighted))) {
            for (int r = 0; r < weighted.size(); r++) {
                assertEquals(weighted.getExample(r).getWeight(), copy.getExample(r).getWeight(), "row " + r);
            }
        }
    }

    @Test
    void heldOutSplitsEveryClassAndKeepsAllRows() {
        HeldOut parts = HeldOut.of(train, 0.2, 0);
        assertEquals(train.size(), parts.fit().size() + parts.validation().size());
        ClassCounts all = ClassCounts.of(train);
        ClassCounts validation = ClassCounts.of(parts.validation());
        for (String label : all.classes()) {
            if (all.get(label) >= 2) {
                assertTrue(validation.get(label) >= 1, label + " has validation rows");
            }
        }
        assertEquals(HeldOut.of(train, 0.2, 0).validation().getExample(0).getOutput(),
                parts.validation().getExample(0).getOutput(), "seeded");
        assertThrows(DataException.class, () -> HeldOut.of(train, 1.0, 0));
    }
}
