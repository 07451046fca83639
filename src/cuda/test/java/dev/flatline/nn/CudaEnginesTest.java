package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * Where a CUDA toolkit's nvcc is installed (no GPU needed), the generated source compiles to PTX for the
     * H100/H200's architecture with the options the engine gives NVRTC, one entry point per kernel.
     */
    @Test
    void theKernelSourceCompilesWithNvccWhereItIsInstalled(@TempDir Path dir) throws Exception {
        Path nvcc = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"), new String[] {"/usr/local/cuda/bin"})
                .flatMap(Stream::of).map(d -> Path.of(d, "nvcc")).filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(nvcc != null, "no nvcc here");
        Path source = Files.writeString(dir.resolve("flatline.cu"), CudaKernels.source());
        Path ptx = dir.resolve("flatline.ptx");
        Process p = new ProcessBuilder(nvcc.toString(), "-ptx", "-arch=compute_90", "--fmad=false", "-o", ptx.toString(),
                source.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "nvcc did not finish");
        assertEquals(0, p.exitValue(), log);
        String text = Files.readString(ptx);
        int kernels = 1 + 2 * HiddenActivation.values().length + OptimiserKind.values().length + 3;
        assertEquals(kernels, text.split("\\.entry ", -1).length - 1, "entry points");
        assertTrue(text.contains(".entry " + CudaKernels.LOSS + "("), "the loss kernel");
    }

    @Test
    void withAGpuTheKernelsCompileAndAnEngineStarts() {
        Assumptions.assumeTrue(CudaEngines.available(), "no GPU here");
        Architecture arch = new Architecture(new int[] {9, 16, 7}, HiddenActivation.RELU, OutputActivation.SOFTMAX);
        CudaEngine engine = new CudaEngine(arch, 64);
        engine.release();
    }
}
