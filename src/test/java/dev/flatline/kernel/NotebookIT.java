package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs a small notebook through nbclient with the installed kernel (and an interrupt through
 * jupyter_client): a Table renders as HTML, a chart as HTML plus Plotly JSON, ND4J runs in a cell
 * (one class loader), display/updateDisplay work, and a failed cell gives a readable
 * CellExecutionError. The checks are in src/test/python/run_notebook.py.
 */
class NotebookIT {

    @Test
    void smokeNotebookRendersAndFailsReadably() throws Exception {
        PythonProcess.installKernel();
        PythonProcess.Result result = PythonProcess.run(600,
                Path.of("src/test/python/run_notebook.py").toAbsolutePath().toString(),
                Path.of("src/test/resources/dev/flatline/kernel/smoke.ipynb").toAbsolutePath().toString());
        assertEquals(0, result.status(), "notebook checks failed:\n" + result.output());
        assertTrue(result.output().contains("ALL CHECKS PASSED"), result.output());
    }

    @Test
    void missingConnectionFileExitsWithStatus2() throws Exception {
        String java = KernelInstaller.currentJava().toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KernelMain.class.getName(), "target/no-such-connection-file.json")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(KernelMain.USAGE_ERROR, process.waitFor(), output);
        assertTrue(output.contains("does not exist"), output);
    }
}
