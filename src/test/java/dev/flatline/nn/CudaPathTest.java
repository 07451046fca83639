package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * {@link ComputePath#CUDA} on a machine without a GPU, or in a build without the CUDA engine: training
 * fails at once with one line that says what is missing and what to do, and {@link ComputePath#AUTO}
 * still trains on the CPU.
 */
class CudaPathTest {
    private static final Dataset<Label> DATA = Shuttle.train(300);

    private static void assertOneUsefulLine(String message) {
        assertTrue(message.startsWith("ComputePath.CUDA: "), message);
        assertFalse(message.contains("\n"), "one line: " + message);
        assertTrue(message.contains("ComputePath.AUTO"), "says what to do: " + message);
    }

    @Test
    void aBuildWithoutTheCudaEngineSaysSoInOneLine() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Engines.cuda("dev.flatline.nn.NoSuchCudaEngines"));
        assertOneUsefulLine(e.getMessage());
        assertTrue(e.getMessage().contains("not on the class path") && e.getMessage().contains("-Pcuda13"), e.getMessage());
    }

    @Test
    void trainingOnCudaWithoutAGpuFailsBeforeItStartsWithOneLine() {
        Assumptions.assumeFalse(gpuUsable(), "this machine has a GPU: the engine-agreement test covers CUDA here");
        MlpTrainer trainer = MlpTrainer.builder().hidden(8).epochs(1).progress(false).computePath(ComputePath.CUDA).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> trainer.train(DATA));
        assertOneUsefulLine(e.getMessage());
    }

    @Test
    void autoNeverPicksCudaAndStillTrains() {
        Architecture arch = new Architecture(new int[] {9, 8, 7}, HiddenActivation.RELU, OutputActivation.SOFTMAX);
        assertInstanceOf(BlasEngine.class, Engines.forPath(ComputePath.AUTO).create(arch, 16));
        MlpModel model = MlpTrainer.builder().hidden(8).epochs(1).progress(false).build().train(DATA);
        assertEquals(StopReason.COMPLETED, model.history().stopReason());
    }

    private static boolean gpuUsable() {
        try {
            Engines.cuda();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
