package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Test columns holding other training columns' values, found by their distributions; none on healthy splits. */
class ColumnMatchTest {

    @Test
    void theStatisticIsZeroForOneSampleAndOneForSamplesApart() {
        double[] a = {1, 2, 3, 4};
        assertEquals(0, ColumnMatch.ks(a, a.clone()), 1e-12);
        assertEquals(1, ColumnMatch.ks(a, new double[] {5, 6, 7}), 1e-12);
        assertEquals(0.5, ColumnMatch.ks(a, new double[] {3, 4, 5, 6}), 1e-12);
    }

    @Test
    void reversedTestColumnsAreFoundAndHealthySplitsMoveNone() {
        for (long seed = 0; seed < 4; seed++) {
            for (String dataset : List.of("shuttle", "credit-g")) {
                CheckData data = CheckData.of(Datasets.byName(dataset, seed).standardised());
                assertFalse(data.testColumnMatch(seed).found(), dataset + ", a healthy split, seed " + seed);
                List<String> names = data.featureNames();
                ColumnMatch match = data.testColumnsReversed().testColumnMatch(seed);
                // Every column but the middle one (which stays in place) is found, and each move is the true one:
                // test column 'x' holds what training calls reversed('x').
                assertEquals(2 * (names.size() / 2), match.moved().size(), () -> match.described().toString());
                match.moved().forEach((test, train) -> assertEquals(
                        names.get(names.size() - 1 - names.indexOf(test)), train,
                        () -> match.described().toString()));
            }
        }
    }

    @Test
    void aRenamingMustPermuteItsColumns() {
        CheckData data = CheckData.of(Datasets.wine());
        List<String> names = data.featureNames();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> data.testColumnsRenamed(Map.of(names.get(0), names.get(1))));
        assertTrue(e.getMessage().contains("permute"), e::getMessage);
    }
}
