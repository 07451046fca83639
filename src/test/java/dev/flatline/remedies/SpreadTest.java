package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mean, standard deviation and the ranking rule. */
class SpreadTest {

    @Test
    void meanAndSampleStandardDeviation() {
        Spread s = Spread.of(1, 2, 3, 4);
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(5.0 / 3), s.sd(), 1e-12);
        assertEquals("2.500 ± 1.291 (n 4)", s.toString());
        assertEquals(0, Spread.of(7).sd());
    }

    @Test
    void ranksOnlyWhatTheSpreadSeparates() {
        Spread high = Spread.of(0.90, 0.91, 0.92);
        Spread close = Spread.of(0.89, 0.91, 0.93);
        Spread low = Spread.of(0.80, 0.81, 0.82);
        assertTrue(high.separatedFrom(low));
        assertTrue(low.separatedFrom(high));
        assertFalse(high.separatedFrom(close), "overlapping intervals are not ranked");
    }

    @Test
    void pairedDifferencesSeeWhatUnpairedSpreadsHide() {
        double[] a = {0.70, 0.80, 0.90};
        double[] b = {0.69, 0.79, 0.89};
        assertFalse(Spread.of(a).separatedFrom(Spread.of(b)), "split-to-split noise swamps the gap");
        assertTrue(Spread.paired(a, b).excludesZero(), "but a wins on every split");
        assertFalse(Spread.paired(new double[] {0.1, -0.1}, new double[] {0, 0}).excludesZero());
    }

    @Test
    void refusesEmptyOrNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, Spread::of);
        assertThrows(IllegalArgumentException.class, () -> Spread.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Spread.paired(new double[] {1}, new double[] {1, 2}));
    }
}
