package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.FaultBenchmark.Fault;
import dev.flatline.checks.FaultBenchmark.Injected;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * More labelled rows, tried ({@link MoreRows}): the rare classes' experiment runs where a training part holds far
 * fewer rows of some classes than its test part, proves what those rows are worth there, and never runs on a
 * split that keeps the classes' shares.
 */
class MoreRowsTest {

    private static CheckContext context(Injected injected, long seed) {
        return new CheckContext(injected.data(), injected.trainer(), seed, Duration.ofSeconds(30));
    }

    @Test
    void theRareClassesOwnRowsProveAThinnedTrainingPartAndAStratifiedSplitHasNoneToAdd() {
        // Digits with every digit but the largest cut to a tenth of its training rows (271 rows left): the test
        // part's rows of the nine thinned digits, added out of fold, lift the same network beyond their noise.
        Optional<MoreRows> rare = MoreRows.runRareClasses(context(FaultBenchmark.inject("digits",
                Fault.CLASS_IMBALANCE, 0), 0));
        assertTrue(rare.isPresent());
        MoreRows m = rare.get();
        assertEquals(9, m.classes().size(), m::proof);
        assertTrue(m.proves(), m::proof);
        assertTrue(m.lift() >= Symptom.FAR_BELOW && m.lift() > m.margin(), m::proof);
        assertTrue(m.proof().contains("under-represented classes"), m::proof);

        // The same data, stratified as flatline splits them: no class has more test rows than training rows.
        assertFalse(MoreRows.runRareClasses(context(FaultBenchmark.inject("digits", Fault.HEALTHY, 0), 0))
                .isPresent());
        // Every class thinned alike is the whole experiment's case (more rows), not the rare classes'.
        assertFalse(MoreRows.runRareClasses(context(FaultBenchmark.inject("digits", Fault.TOO_LITTLE_DATA, 0), 0))
                .isPresent());
    }
}
