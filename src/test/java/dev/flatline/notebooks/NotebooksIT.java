package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.testing.HeadlessChromium;
import dev.flatline.testing.RenderedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code ./flatline run}: every notebook under {@code notebooks/} executed by real Jupyter
 * machinery (nbclient) with the flatline kernel of this very build; any cell error fails the test.
 * Then the HTML export of notebook 00 must draw its charts offline in a real browser.
 */
class NotebooksIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    /** Tests write to a folder of their own, never over the learner's build/notebooks. */
    @TempDir
    static Path OUT;
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

    /** Runs the README's main command, exactly as a user would, and keeps what it printed. */
    @BeforeAll
    static void runAllNotebooks() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("flatline").toString(), "run",
                "--out", OUT.toString()).redirectErrorStream(true);
        builder.environment().put("FLATLINE_NO_INSTALL", "1");   // tests never install packages
        builder.environment().putIfAbsent("FLATLINE_PYTHON", python());
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
                .requireText("Trained 30 epochs")
                .requireText("True vs predicted rows per class")
                .requireText("Confusion matrix");
        System.out.println("00-the-symptom.html drew in Chromium in " + page.wallTime().toMillis() + " ms");
    }

    /** Every exported notebook, solutions included, draws each of its charts offline in a real browser. */
    @Test
    void everyExportedNotebookDrawsEveryChartOfflineInARealBrowser() throws IOException {
        List<Path> exports;
        try (Stream<Path> files = Files.list(OUT)) {
            exports = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertEquals(notebooks().size() + solutions().size(), exports.size(), "one export per notebook: " + exports);
        for (Path html : exports) {
            String source = Files.readString(html);
            int charts = source.split("class=\"flatline-chart\"", -1).length - 1;
            RenderedPage page = HeadlessChromium.create().render(html);
            page.requireNoConsoleErrors();
            assertEquals(charts, page.count(".js-plotly-plot"), html.getFileName() + ": charts drawn");
            assertFalse(page.text().contains("If this line stays"), html.getFileName() + ": a chart was never drawn");
        }
    }

    static List<Path> solutions() throws IOException {
        Path folder = ROOT.resolve("notebooks/solutions");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @Test
    void aFailingCellFailsTheRunAndSaysWhereInTheLearnersCode(@TempDir Path dir) throws Exception {
        Path notebook = dir.resolve("broken.ipynb");
        Files.writeString(notebook, """
                {"cells": [
                  {"cell_type": "markdown", "metadata": {}, "source": ["A division that fails."]},
                  {"cell_type": "code", "metadata": {}, "execution_count": null, "outputs": [],
                   "source": ["int zero = 0;\\n", "int ratio = 10 / zero;"]}
                 ],
                 "metadata": {"kernelspec": {"name": "flatline", "display_name": "Java (flatline)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 5}
                """);
        byte[] before = Files.readAllBytes(notebook);
        Path out = dir.resolve("executed");
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("flatline").toString(), "run",
                "--out", out.toString(), notebook.toString()).redirectErrorStream(true);
        builder.environment().put("FLATLINE_NO_INSTALL", "1");
        builder.environment().putIfAbsent("FLATLINE_PYTHON", python());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES));
        assertEquals(1, process.exitValue(), output);
        assertTrue(output.contains("broken.ipynb  FAILED"), output);
        assertTrue(output.contains("ArithmeticException: / by zero"), output);
        assertTrue(output.contains("int ratio = 10 / zero;"), "the learner's own line: " + output);
        assertTrue(output.contains("0 passed, 1 failed"), output);
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(notebook)), "the notebook itself is untouched");
        assertTrue(Files.isRegularFile(out.resolve("broken.ipynb")), "the executed copy goes to --out");
        assertFalse(Files.exists(ROOT.resolve("build/notebooks/broken.ipynb")), "nothing lands among the learner's notebooks");
    }

    /**
     * Numbers in prose stay true: every bold span with a digit in a markdown cell (the course's
     * convention for a number the notebook computes) is shown by the executed notebook, see
     * {@link QuotedNumbers}. Checked for every executed notebook, solutions included.
     */
    @Test
    void everyNumberTheProseQuotesIsShownByTheExecutedNotebook() throws IOException {
        List<String> unshown = new java.util.ArrayList<>();
        List<Path> executed;
        try (Stream<Path> files = Files.list(OUT)) {
            executed = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(executed.isEmpty(), "no executed notebooks in " + OUT + ":\n" + runnerOutput);
        for (Path notebook : executed) {
            QuotedNumbers.unshown(notebook).forEach(u -> unshown.add(notebook.getFileName() + ", " + u));
        }
        assertTrue(unshown.isEmpty(), "numbers quoted in bold that the executed notebooks do not show "
                + "(rerun, then correct the prose or the cell):\n  " + String.join("\n  ", unshown));
    }

    @Test
    void everyNotebookRunsWithoutACellError() throws IOException {
        assertEquals(0, runnerExit, "run_notebooks.py failed:\n" + runnerOutput);
        for (Path notebook : notebooks()) {
            String name = notebook.getFileName().toString();
            assertTrue(runnerOutput.lines().anyMatch(l -> l.matches(Pattern.quote(name) + " +passed +[0-9.]+ s +[0-9]+ MB")),
                    name + " did not pass with its seconds and peak MB:\n" + runnerOutput);
            assertTrue(Files.size(OUT.resolve(name)) > Files.size(notebook),
                    "the executed copy of " + name + " has no outputs");
        }
    }
}
