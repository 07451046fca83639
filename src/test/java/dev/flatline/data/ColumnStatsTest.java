package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one mean/deviation formula and constant-column rule that Standardisation and the checkup share. */
class ColumnStatsTest {

    @Test
    void populationAndSampleDeviations() {
        double[] values = {1, 2, 3, 4};
        assertEquals(2.5, ColumnStats.of(values).mean(), 1e-15);
        assertEquals(Math.sqrt(1.25), ColumnStats.of(values).std(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3), ColumnStats.ofSample(values).std(), 1e-15);
        assertEquals(ColumnStats.of(new double[] {2, 4}), ColumnStats.of(values, new int[] {1, 3}));
        assertEquals(new ColumnStats(0, 0), ColumnStats.of(new double[0]));
        assertEquals(0.0, ColumnStats.ofSample(new double[] {5}).std(), "one value: constant, not NaN");
    }

    @Test
    void aConstantColumnIsCentredAndKeptAtScaleOne() {
        ColumnStats seven = ColumnStats.of(new double[] {7, 7, 7});
        assertTrue(seven.constant());
        assertEquals(1.0, seven.scale());
        assertEquals(0.0, seven.standardise(7));
        assertEquals(2.0, seven.standardise(9), "other values keep their offset from the constant");
        ColumnStats noise = new ColumnStats(1e6, 1e-7);
        assertTrue(noise.constant(), "rounding noise next to the magnitude counts as constant");
        ColumnStats varying = ColumnStats.of(new double[] {0, 2});
        assertFalse(varying.constant());
        assertEquals(1.0, varying.standardise(2), 1e-15);
    }
}
