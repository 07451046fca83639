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
 * get no root cause, and the configuration and test-side faults are named top-1 with a lift beyond its
 * noise.
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
}
