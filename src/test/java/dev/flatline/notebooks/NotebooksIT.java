package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.cli.FlatlineCli;
import dev.flatline.testing.HeadlessChromium;
import dev.flatline.testing.RenderedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Executes every notebook under {@code notebooks/} with real Jupyter machinery (nbclient, through
 * {@code environment/run_notebooks.py}) and the flatline kernel built by this very build; any cell
 * error fails the test.
 */
class NotebooksIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path JUPYTER_DIR = ROOT.resolve("target/jupyter-it");
    static final Path OUT = ROOT.resolve("target/notebooks");
    static String runnerOutput;
    static int runnerExit;

    static String python() {
        String configured = System.getenv("FLATLINE_PYTHON");
        return configured == null || configured.isBlank() ? "/usr/bin/python3" : configured;
    }

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("notebooks"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @BeforeAll
    static void runAllNotebooks() throws Exception {
        int installed = FlatlineCli.commandLine()
                .execute("kernel", "install", "--jupyter-path", JUPYTER_DIR.toString());
        assertEquals(0, installed, "installing the kernel into " + JUPYTER_DIR);

        List<String> command = new ArrayList<>(List.of(python(),
                ROOT.resolve("environment/run_notebooks.py").toString(), "--out", OUT.toString()));
        notebooks().forEach(p -> command.add(p.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", JUPYTER_DIR.toString());
        builder.environment().put("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        runnerOutput = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(40, TimeUnit.MINUTES), "notebooks did not finish in 40 minutes");
        runnerExit = process.exitValue();
        System.out.println(runnerOutput);
    }

    @Test
    void theSymptomNotebookDrawsItsChartsOfflineInARealBrowser() throws IOException {
        Path html = OUT.resolve("00-the-symptom.html");
        assertTrue(Files.isRegularFile(html), "no HTML export at " + html + ":\n" + runnerOutput);
        String source = Files.readString(html);
        assertFalse(Pattern.compile("<(script|link)[^>]+(src|href)=\"https?:").matcher(source).find(),
                "the export loads something from the internet");

        RenderedPage page = HeadlessChromium.create().render(html);
        page.requireNoConsoleErrors()
                .requireAtLeast("svg.main-svg", 2 * 4)   // plotly draws two main SVGs per chart; four charts
                .requireText("Rows per class, shuttle (log scale)")
                .requireText("Trained 5 epochs")
                .requireText("True vs predicted rows per class")
                .requireText("Confusion matrix");
        System.out.println("00-the-symptom.html drew in Chromium in " + page.wallTime().toMillis() + " ms");
    }

    @Test
    void everyNotebookRunsWithoutACellError() throws IOException {
        assertEquals(0, runnerExit, "run_notebooks.py failed:\n" + runnerOutput);
        for (Path notebook : notebooks()) {
            String name = notebook.getFileName().toString();
            assertTrue(runnerOutput.lines().anyMatch(l -> l.startsWith(name) && l.contains(" passed ")),
                    name + " did not pass:\n" + runnerOutput);
            assertTrue(Files.size(OUT.resolve(name)) > Files.size(notebook),
                    "the executed copy of " + name + " has no outputs");
        }
    }
}
