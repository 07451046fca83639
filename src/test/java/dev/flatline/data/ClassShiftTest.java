package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The class-by-class two-sample test: a test part whose standardised columns are reversed differs at the test's
 * smallest p-value, while the same data intact, or with the training part thinned to other class shares, do not.
 */
class ClassShiftTest {

    private static final double SMALLEST = 1.0 / (ClassShift.PERMUTATIONS + 1);

    @Test
    void reversedStandardisedColumnsDifferAndTheIntactSplitDoesNot() {
        CheckData data = CheckData.of(Datasets.wine().standardised());
        ClassShift reversed = ClassShift.of(data.testColumnsReversed(), 0).orElseThrow();
        assertEquals(SMALLEST, reversed.pValue(), 1e-12, reversed::toString);
        assertEquals(3, reversed.classes());
        ClassShift intact = ClassShift.of(data, 0).orElseThrow();
        assertTrue(intact.pValue() > 0.05, intact::toString);
        assertTrue(reversed.statistic() > intact.statistic(), reversed + " " + intact);
        // The same seed gives the same test.
        assertEquals(intact, ClassShift.of(data, 0).orElseThrow());
    }

    @Test
    void aTrainingPartWithOtherClassSharesIsNoShift() {
        // Every class but one cut to a fifth of its training rows: the parts' class shares differ, each class's
        // rows do not.
        CheckData data = CheckData.of(Datasets.wine().standardised());
        Map<String, Integer> kept = new HashMap<>();
        MutableDataset<Label> thinned = CheckData.empty("thinned");
        for (Example<Label> e : data.train()) {
            String c = e.getOutput().getLabel();
            int k = kept.merge(c, 1, Integer::sum);
            if (c.equals("class_1") || k % 5 == 0) {
                thinned.add(e.copy());
            }
        }
        ClassShift shift = ClassShift.of(data.withTrain(thinned), 0).orElseThrow();
        assertTrue(shift.pValue() > 0.05, shift::toString);
    }
}
