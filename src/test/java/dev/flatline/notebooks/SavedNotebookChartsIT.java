package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.testing.HeadlessChromium;
import dev.flatline.testing.RenderedPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved notebooks keep their charts: a notebook is executed in one kernel session as a learner does
 * it in a front end (some cells run again, a live display updated in place), saved, read back from
 * disk and exported to HTML by the real nbconvert path; the export must draw every chart offline in
 * headless Chromium. Before plotly.js travelled as an output of its own, both cases drew no chart.
 */
class SavedNotebookChartsIT {

    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    static Path jupyter;

    @BeforeAll
    static void installTheKernelOfThisBuild() throws Exception {
        run(List.of("bash", ROOT.resolve("flatline").toString(), "kernel", "install", "--jupyter-path", jupyter.toString()), 5);
    }

    @Test
    void reRunningTheFirstChartsCellKeepsEveryChartOfTheSavedNotebook(@TempDir Path out) throws Exception {
        // Code cell 3 of notebook 00 draws its first chart (the class distribution).
        Path notebook = ROOT.resolve("notebooks/00-the-symptom.ipynb");
        String said = execute(notebook, out, "3");
        RenderedPage page = HeadlessChromium.create().render(out.resolve("00-the-symptom.html"));
        page.requireNoConsoleErrors()
                .requireAtLeast("svg.main-svg", 2 * 4)
                .requireText("Rows per class, shuttle (log scale)")
                .requireText("Confusion matrix");
        requireEveryChartDrawn(page);
        assertEquals(1, countLoaders(out.resolve("00-the-symptom.ipynb")), "one copy of plotly.js in the saved file: " + said);
    }

    @Test
    void aLiveDisplayAsTheFirstChartKeepsEveryChartOfTheSavedNotebook(@TempDir Path out) throws Exception {
        Path notebook = ROOT.resolve("src/test/resources/dev/flatline/notebooks/live-display-first.ipynb");
        execute(notebook, out);
        RenderedPage page = HeadlessChromium.create().render(out.resolve("live-display-first.html"));
        page.requireNoConsoleErrors()
                .requireAtLeast("svg.main-svg", 2 * 2)
                .requireText("Trained 4 epochs")
                .requireText("Rows per class, glass");
        requireEveryChartDrawn(page);
        assertEquals(1, countLoaders(out.resolve("live-display-first.ipynb")));
    }

    /** No chart still shows its waiting line or says that plotly.js is missing. */
    static void requireEveryChartDrawn(RenderedPage page) {
        String text = page.text();
        assertFalse(text.contains("If this line stays"), "a chart was never drawn");
        assertFalse(text.contains("plotly.js is not in this page"), "a chart found no plotly.js");
    }

    /** How many outputs of a saved notebook carry plotly.js. */
    static int countLoaders(Path savedNotebook) throws Exception {
        String text = Files.readString(savedNotebook);
        int count = 0;
        for (int at = text.indexOf("window.flatlinePlotly = (function"); at >= 0;
             at = text.indexOf("window.flatlinePlotly = (function", at + 1)) {
            count++;
        }
        return count;
    }

    static String execute(Path notebook, Path out, String... rerun) throws Exception {
        List<String> command = new ArrayList<>(List.of(NotebooksIT.python(),
                ROOT.resolve("src/test/python/rerun_save_export.py").toString(), notebook.toString(),
                "--out", out.toString()));
        if (rerun.length > 0) {
            command.add("--rerun");
            command.addAll(List.of(rerun));
        }
        return run(command, 10);
    }

    static String run(List<String> command, int minutes) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", jupyter.toString());
        builder.environment().put("FLATLINE_NO_INSTALL", "1");
        builder.environment().putIfAbsent("OMP_NUM_THREADS", "1");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(minutes, TimeUnit.MINUTES), "did not finish: " + command);
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed:\n" + output);
        return output;
    }
}
