package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Mean, standard deviation, the interval and the course's ranking rule on paired differences. */
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
    void intervalIsMeanPlusOrMinusOneSd() {
        Spread s = Spread.of(1, 2, 3, 4);
        assertEquals(2.5 - Math.sqrt(5.0 / 3), s.lower(), 1e-12);
        assertEquals(2.5 + Math.sqrt(5.0 / 3), s.upper(), 1e-12);
        assertEquals(1, s.min());
        assertEquals(4, s.max());
        assertTrue(Spread.of(0.1, 0.2).excludesZero());
        assertFalse(Spread.of(0.1, -0.1).excludesZero());
    }

    @Test
    void ranksOnPairedDifferencesWhatOverlappingRangesHide() {
        double[] a = {0.70, 0.80, 0.90};
        double[] b = {0.69, 0.79, 0.89};
        assertTrue(Spread.of(b).max() > Spread.of(a).min(), "split-to-split noise makes the ranges overlap");
        assertTrue(Spread.ranksAbove(a, b), "but a wins on every split, by the same margin");
        assertFalse(Spread.ranksAbove(b, a));
        assertTrue(Spread.paired(a, b).excludesZero());
    }

    @Test
    void doesNotRankAWinThatFlipsBetweenSplits() {
        double[] a = {0.90, 0.80, 0.91};
        double[] b = {0.85, 0.86, 0.86};
        assertTrue(Spread.of(a).mean() > Spread.of(b).mean());
        assertFalse(Spread.ranksAbove(a, b), "a loses on one split: mean - sd of the differences is below 0");
        assertFalse(Spread.ranksAbove(b, a));
        assertFalse(Spread.paired(a, b).excludesZero());
    }

    @Test
    void unseparatedSettingsShareARank() {
        double[] best = {0.95, 0.96, 0.97};
        double[] close = {0.96, 0.95, 0.97};
        double[] low = {0.80, 0.81, 0.82};
        var all = List.of(best, close, low);
        assertEquals(1, Spread.rank(best, all));
        assertEquals(1, Spread.rank(close, all), "close to the best on every split: the same rank");
        assertEquals(3, Spread.rank(low, all), "two settings rank above it");
    }

    @Test
    void refusesEmptyOrNonFiniteValues() {
        assertThrows(IllegalArgumentException.class, Spread::of);
        assertThrows(IllegalArgumentException.class, () -> Spread.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Spread.paired(new double[] {1}, new double[] {1, 2}));
    }
}
