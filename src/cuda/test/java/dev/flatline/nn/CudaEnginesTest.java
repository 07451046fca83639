package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The CUDA engine built in (-Pcuda13): on a machine without the CUDA 13 libraries or a GPU it refuses in
 * one line that says what is missing; where there is a GPU, its kernels compile (the engine-agreement test
 * then holds it to the CPU engines on every knob).
 */
class CudaEnginesTest {
    @Test
    void withoutAGpuTheEngineRefusesInOneLine() {
        Assumptions.assumeFalse(CudaEngines.available(), "a GPU is present");
        IllegalStateException e = assertThrows(IllegalStateException.class, CudaEngines::factory);
        assertTrue(e.getMessage().startsWith("ComputePath.CUDA: no "), e.getMessage());
        assertTrue(e.getMessage().contains("LD_LIBRARY_PATH") || e.getMessage().contains("no GPU was found"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void theKernelSourceHasEveryActivationBothWays() {
        String source = CudaKernels.source();
        for (HiddenActivation a : HiddenActivation.values()) {
            assertTrue(source.contains(CudaKernels.biasActivateName(a) + "("), a.toString());
            assertTrue(source.contains("float h = " + KernelFormulas.activation(a) + ";"), a.toString());
            assertTrue(source.contains("float g = " + KernelFormulas.backprop(a) + ";"), a.toString());
        }
    }

    @Test
    void withAGpuTheKernelsCompileAndAnEngineStarts() {
        Assumptions.assumeTrue(CudaEngines.available(), "no GPU here");
        Architecture arch = new Architecture(new int[] {9, 16, 7}, HiddenActivation.RELU, OutputActivation.SOFTMAX);
        CudaEngine engine = new CudaEngine(arch, 64);
        engine.release();
    }
}
