package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * The trainer's whole-epoch path ({@link ResidentEngine}, which the CUDA engine takes) trains exactly what
 * the host step trains, on every knob of the engine-agreement test: same row order, same dropout masks,
 * same losses, histograms, gradient norms and parameters. Checked here with {@link HostResidentEngine}, the
 * epoch path on the CPU, against {@link BlasEngine} stepped on the host.
 */
class ResidentTrainingTest {
    private static final Dataset<Label> DATA = Shuttle.train(1500);

    @TestFactory
    Stream<DynamicTest> theEpochPathTrainsWhatTheHostStepTrains() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, UnaryOperator<MlpTrainer.Builder>> knob : EngineAgreementTest.knobs()) {
            tests.add(DynamicTest.dynamicTest(knob.getKey(), () -> assertSame(knob.getValue())));
        }
        return tests.stream();
    }

    private static void assertSame(UnaryOperator<MlpTrainer.Builder> knob) {
        HostResidentEngine[] made = new HostResidentEngine[1];
        MlpModel epochs = EngineAgreementTest.train(DATA, knob, (a, b) -> made[0] = new HostResidentEngine(a, b));
        MlpModel steps = EngineAgreementTest.train(DATA, knob, BlasEngine::new);
        assertTrue(made[0].epochs > 0, "the epoch path was taken");
        TrainingHistory a = epochs.history();
        TrainingHistory b = steps.history();
        assertArrayEquals(b.trainLosses(), a.trainLosses(), "training losses");
        assertArrayEquals(b.validationLosses(), a.validationLosses(), "validation losses");
        for (int i = 0; i < a.epochs().size(); i++) {
            assertArrayEquals(b.epochs().get(i).trainPredictedCounts(), a.epochs().get(i).trainPredictedCounts(), "histogram");
            assertEquals(b.epochs().get(i).trainAccuracy(), a.epochs().get(i).trainAccuracy(), "accuracy");
            assertArrayEquals(b.epochs().get(i).gradientNorms(), a.epochs().get(i).gradientNorms(), "gradient norms");
        }
        assertArrayEquals(steps.parameters(), epochs.parameters(), "parameters");
    }

    /** The failing case: a divergence found in the epoch's losses stops the run and keeps the epoch's start. */
    @Test
    void aDivergedEpochIsUndoneAsOnTheHost() {
        UnaryOperator<MlpTrainer.Builder> wild = b -> b.optimiser(Optimiser.sgd(1e6)).epochs(3);
        MlpModel epochs = EngineAgreementTest.train(DATA, wild, HostResidentEngine::new);
        MlpModel steps = EngineAgreementTest.train(DATA, wild, BlasEngine::new);
        assertEquals(StopReason.DIVERGED, steps.history().stopReason(), steps.history().stopMessage());
        assertEquals(steps.history().stopReason(), epochs.history().stopReason());
        assertEquals(steps.history().stopMessage(), epochs.history().stopMessage());
        assertArrayEquals(steps.parameters(), epochs.parameters(), "parameters at the last good epoch");
    }
}
