package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The faults a classroom produces, against the installed kernel through jupyter_client: a cell that
 * calls System.exit or Runtime.halt, runs out of heap, overflows the stack, leaves a thread running,
 * or is interrupted in the middle of a long training. Each fails in its own cell with a readable
 * message and the next cell works. The checks are in src/test/python/kernel_faults.py.
 */
class KernelFaultsIT {

    @Test
    void everyFaultFailsInItsCellAndTheKernelStaysAlive() throws Exception {
        PythonProcess.installKernel();
        PythonProcess.Result result = PythonProcess.run(600,
                Path.of("src/test/python/kernel_faults.py").toAbsolutePath().toString());
        assertEquals(0, result.status(), "fault checks failed:\n" + result.output());
        assertTrue(result.output().contains("ALL FAULT CASES PASSED"), result.output());
    }
}
