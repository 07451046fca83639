package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Jupyter's kernel conformance suite (jupyter_kernel_test) against the packaged kernel, installed
 * with {@code flatline kernel install --jupyter-path target/jupyter-test}.
 */
class KernelConformanceIT {

    @Test
    void passesJupytersKernelConformanceSuite() throws Exception {
        PythonProcess.installKernel();
        Path spec = PythonProcess.JUPYTER_DIR.resolve("kernels/flatline/kernel.json");
        assertTrue(Files.isRegularFile(spec), "no kernelspec at " + spec);

        PythonProcess.Result result = PythonProcess.run(600, "-m", "unittest", "-v",
                Path.of("src/test/python/test_kernel_conformance.py").toAbsolutePath().toString());

        assertEquals(0, result.status(), "the conformance suite failed:\n" + result.output());
        assertTrue(result.output().contains("OK"), result.output());
    }
}
