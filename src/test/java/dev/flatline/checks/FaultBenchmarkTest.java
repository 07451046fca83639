package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.FaultBenchmark.Case;
import dev.flatline.checks.FaultBenchmark.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reduced injected-fault benchmark (the whole one is {@code ./flatline bench faults}): healthy controls
 * get no root cause, the configuration and test-side faults are named top-1 with a lift beyond its
 * noise, a strong imbalance is named, and a fault that measurably did no harm gets no root cause.
 */
class FaultBenchmarkTest {

    private static final Duration BUDGET = Duration.ofSeconds(30);

    @Test
    void healthyControlsGetNoRootCause() {
        for (String dataset : List.of("wine", "glass", "breast-cancer")) {
            Case c = FaultBenchmark.run(dataset, Fault.HEALTHY, 0, BUDGET);
            assertEquals("", c.named(), c::row);
            assertFalse(c.symptom(), c::row);
        }
    }

    @Test
    void configurationAndTestSideFaultsAreNamedTopOne() {
        List<Case> cases = new ArrayList<>();
        for (String dataset : List.of("wine", "breast-cancer")) {
            for (Fault fault : List.of(Fault.LEARNING_RATE_TOO_HIGH, Fault.ZERO_INIT, Fault.WRONG_OUTPUT_LOSS,
                    Fault.TEST_PREPROCESSING_MISMATCH)) {
                cases.add(FaultBenchmark.run(dataset, fault, 0, BUDGET));
            }
        }
        for (Case c : cases) {
            assertTrue(c.symptom(), c::row);
            assertTrue(c.correct(), c::row);
        }
        assertTrue(FaultBenchmark.totals(cases).startsWith("faults named top-1: 8/8 (100.0%)"),
                FaultBenchmark.totals(cases));
    }

    /**
     * Two of the more faults ({@code bench faults --more}): a ten-layer sigmoid stack and a reordered test file, on
     * Wine and Credit-g, each named top-1; the more faults are not in the default run.
     */
    @Test
    void aDeepSigmoidStackAndAReorderedTestFileAreNamedTopOne() {
        for (Case c : List.of(FaultBenchmark.run("wine", Fault.DEEP_SIGMOID_STACK, 0, BUDGET),
                FaultBenchmark.run("credit-g", Fault.TEST_COLUMNS_REORDERED, 0, BUDGET))) {
            assertFalse(c.noEffect(), c::row);
            assertTrue(c.correct(), c::row);
        }
        assertTrue(Fault.more().contains(Fault.TEST_COLUMNS_REORDERED)
                && !Fault.issueKinds().contains(Fault.TEST_COLUMNS_REORDERED));
        assertEquals(8, Fault.issueKinds().size());
    }

    @Test
    void aReorderedTestFileOnAFewRowsIsNamedByItsRowsShiftWithinClasses() {
        // Wine at seed 3 with its standardised test columns reversed: on 36 test rows no reference's drop clears its
        // margin, and the CART tree does not drop at all (0.896 on held-out training rows, 0.919 on the test part),
        // so "every reference drops" cannot hold. Each class's test rows are distributed unlike its training rows
        // (the smallest p-value 999 relabellings give), and the references drop far on average: that is the proof,
        // where a higher rate was named before (+0.155 ± 0.133).
        Diagnosis d = FaultBenchmark.report("wine", Fault.TEST_COLUMNS_REORDERED, 3, BUDGET);
        assertTrue(d.symptom().testPartShiftPValue() <= Symptom.SHIFT_LEVEL, d.symptom()::toString);
        assertTrue(d.symptom().testPartDrop() < d.symptom().testPartDropMargin(), d.symptom()::toString);
        Finding root = d.rootCause().orElseThrow(() -> new AssertionError(d.symptom().summary()));
        assertEquals("train-test-shift", root.id());
        assertTrue(String.valueOf(root.evidence().get("proven_by")).startsWith("each class's test rows are "
                + "distributed unlike"), root::toString);
        // The same data with its test part intact: no shift measured, no such proof.
        Diagnosis healthy = FaultBenchmark.report("wine", Fault.HEALTHY, 3, BUDGET);
        assertTrue(healthy.symptom().testPartFarWorse().isEmpty(), healthy.symptom()::toString);
        assertTrue(healthy.rootCause().isEmpty(), healthy.symptom()::summary);
    }

    @Test
    void strongImbalanceIsNamedBeyondItsNoise() {
        Case c = FaultBenchmark.run("credit-g", Fault.CLASS_IMBALANCE, 0, BUDGET);
        assertFalse(c.noEffect(), c::row);
        assertTrue(c.symptom(), c::row);
        assertEquals("class-imbalance", c.named(), c::row);
    }

    @Test
    void anImbalanceTheReferencesShareIsShownByMoreRowsOfTheRareClasses() {
        // Landsat with every soil but red soil cut to a tenth (seed 1): the model (0.811) is level with references
        // trained on the same thinned rows, so no gap shows, and class weights lift it within their noise. The test
        // part's rows of the five thinned soils, added out of fold, lift the same network beyond their noise.
        Diagnosis d = FaultBenchmark.report("satellite", Fault.CLASS_IMBALANCE, 1, BUDGET);
        assertTrue(d.symptom().present(), d.symptom()::summary);
        assertTrue(d.symptom().shownBy().contains("under-represented classes"), d.symptom()::summary);
        Finding root = d.rootCause().orElseThrow(() -> new AssertionError(d.symptom().summary()));
        assertEquals("class-imbalance", root.id());
        assertEquals(true, root.evidence().get(LearningCurveCheck.DATA_LIMITED), root::toString);
        double lift = ((Number) root.evidence().get("more_rare_rows_lift")).doubleValue();
        double margin = ((Number) root.evidence().get("more_rare_rows_lift_margin")).doubleValue();
        assertTrue(lift >= Symptom.FAR_BELOW && lift > margin, root::toString);
        assertTrue(String.valueOf(root.evidence().get("proven_by")).contains("under-represented classes"),
                root::toString);
    }

    @Test
    void tooLittleDataIsNamedByTryingMoreRows() {
        // A fiftieth of Landsat's training rows (101): a reference trained on the same rows is no better, so only
        // more rows can show the gap, and the test part's rows (out of fold) do, beyond their noise.
        Case c = FaultBenchmark.run("satellite", Fault.TOO_LITTLE_DATA, 0, BUDGET);
        assertFalse(c.noEffect(), c::row);
        assertTrue(c.symptom(), c::row);
        assertEquals("learning-curve", c.named(), c::row);
        assertTrue(c.lift().startsWith("+"), c::row);
    }

    @Test
    void aTestPartLeftUnscaledIsShownByTheSameModelOnItsAlignedTestPart() {
        // Digits at seed 3: the model trails the best reference (on held-out training rows) by 0.06 only, short of
        // "far below" on other rows, and every reference trained on the training part is misled by the raw test
        // part too. The same model on the test part aligned to the training part shows the gap.
        Diagnosis d = FaultBenchmark.report("digits", Fault.TEST_PREPROCESSING_MISMATCH, 3, BUDGET);
        assertTrue(d.symptom().present(), d.symptom()::summary);
        assertTrue(d.symptom().shownBy().contains("aligned to the training part"), d.symptom()::summary);
        assertEquals("train-test-shift", d.rootCause().map(Finding::id).orElse(""), d.symptom()::summary);
        Trial aligned = d.rootCauseTrial().orElseThrow();
        assertTrue(aligned.lift() >= Symptom.FAR_BELOW && aligned.lowerBound() > 0, aligned::liftText);

        // The same data and seed without the fault: no test-side trial lifts the model, nothing is shown.
        Diagnosis healthy = FaultBenchmark.report("digits", Fault.HEALTHY, 3, BUDGET);
        assertEquals("", healthy.symptom().shownBy(), healthy.symptom()::summary);
        assertTrue(healthy.rootCause().isEmpty(), healthy.symptom()::summary);
    }

    @Test
    void aFaultWithoutMeasurableHarmGetsNoRootCause() {
        // A fiftieth of wine's training rows (3 per class) still separates its three cultivars: the clean and
        // the faulty model cannot be told apart on the 36 test rows, so there is no fault to find.
        Case c = FaultBenchmark.run("wine", Fault.TOO_LITTLE_DATA, 0, BUDGET);
        assertTrue(c.noEffect(), c::row);
        assertTrue(c.harm() < c.harmMargin(), c::row);
        assertEquals("", c.named(), c::row);
        assertTrue(c.correct(), c::row);
        assertTrue(FaultBenchmark.totals(List.of(c)).contains("faults with no effect: 1 (0 given a root cause)"),
                FaultBenchmark.totals(List.of(c)));
    }
}
