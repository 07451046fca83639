package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.cli.FlatlineCli;
import dev.flatline.testing.HeadlessChromium;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook, executed as {@code ./flatline run} executes it, shown exactly as JupyterLab 4
 * shows it: JupyterLab's own {@code OutputArea}, renderers and light theme (npm packages pinned in
 * {@code src/test/jupyterlab/package-lock.json}, bundled with esbuild) in Debian's headless Chromium,
 * driven by playwright-core.
 *
 * <p>Saved notebooks are opened four ways: with the plotly extension (as on Binder: JupyterLab then
 * picks {@code application/vnd.plotly.v1+json}) and without it ({@code text/html}), trusted and
 * untrusted (as {@code ./flatline run} leaves them). Running notebooks are replayed: the kernel's
 * recorded messages go one by one through each output area's own message handling, with and
 * without the extension, so a live display's updates reach the renderers as in a session. Each
 * output must draw exactly its chart (a {@code .js-plotly-plot} holding an svg, with the chart's
 * title) or none; no page may log a console error or request anything from the network. Besides
 * {@code notebooks/}, a test notebook whose first chart is a live display is shown the same ways.
 *
 * <p>Needs node, npm's packages ({@code npm ci} in {@code src/test/jupyterlab}; {@code ./flatline test}
 * runs it), Chromium and Jupyter's Python parts. Everything is written to a temporary folder.
 */
class JupyterLabRenderIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path LAB = ROOT.resolve("src/test/jupyterlab");
    static final String PLOTLY_MIME = "application/vnd.plotly.v1+json";
    static final String CHART_TEXT = "Chart: ";
    /**
     * The notebooks whose recorded messages are replayed one by one (each output message waits for
     * the page to settle, so a course notebook with hundreds of epochs would take minutes): the
     * course's first live display, and the notebook whose first chart is a live display. Every
     * notebook is shown saved in the four ways.
     */
    static final Set<String> REPLAYED = Set.of("00-the-symptom.ipynb", "live-display-first.ipynb");

    /** A test notebook whose first chart is a live display: its frames need the separate plotly.js output. */
    static final Path LIVE_DISPLAY_FIRST = ROOT.resolve("src/test/resources/dev/flatline/notebooks/live-display-first.ipynb");

    @TempDir
    static Path work;

    static List<Path> notebooks;
    static List<JsonNode> runs;
    static String driverOutput;

    @BeforeAll
    static void runEveryNotebookAndShowItAsJupyterLabDoes() throws Exception {
        assertTrue(Files.isDirectory(LAB.resolve("node_modules/@jupyterlab/outputarea")),
                "JupyterLab's npm packages are not installed: run `npm ci` in " + LAB + " (./flatline test does)");
        assertTrue(!NotebooksIT.notebooks().isEmpty(), "no notebooks under notebooks/");
        notebooks = new ArrayList<>(NotebooksIT.notebooks());
        notebooks.add(LIVE_DISPLAY_FIRST);

        Path jupyter = work.resolve("jupyter");
        List<String> install = new ArrayList<>(List.of("kernel", "install", "--jupyter-path", jupyter.toString()));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            install.addAll(List.of("--javacpp-cache", cache));
        }
        assertEquals(0, FlatlineCli.commandLine().execute(install.toArray(String[]::new)), "flatline kernel install failed");

        Path executed = work.resolve("notebooks");
        List<String> record = new ArrayList<>(List.of(NotebooksIT.python(), LAB.resolve("record_notebooks.py").toString(),
                "--out", executed.toString()));
        notebooks.forEach(n -> record.add(n.toString()));
        run("notebooks", record, Map.of("JUPYTER_PATH", jupyter.toString()), Duration.ofMinutes(40));

        Path bundle = work.resolve("bundle");
        long started = System.nanoTime();
        String bundled = run("bundle", List.of("node", LAB.resolve("bundle.mjs").toString(), bundle.toString()),
                Map.of(), Duration.ofMinutes(5));
        System.out.printf("JupyterLab page bundled with esbuild: %s (%d ms with node's start-up)%n", bundled.strip(),
                (System.nanoTime() - started) / 1_000_000);

        Path report = work.resolve("report.json");
        List<String> drive = new ArrayList<>(List.of("node", LAB.resolve("drive.mjs").toString(),
                "--bundle", bundle.toString(), "--out", report.toString(),
                "--browser", HeadlessChromium.DEFAULT_BINARY.toString()));
        for (Path notebook : notebooks) {
            String name = notebook.getFileName().toString();
            drive.addAll(List.of("--saved", executed.resolve(name).toString()));
            if (REPLAYED.contains(name)) {
                drive.addAll(List.of("--live", executed.resolve(name.replaceAll("\\.ipynb$", ".messages.json")).toString()));
            }
        }
        driverOutput = run("driver", drive, Map.of(), Duration.ofMinutes(20));
        JsonNode all = new ObjectMapper().readTree(report.toFile());
        runs = StreamSupport.stream(all.path("runs").spliterator(), false).toList();
        assertEquals(notebooks.size() * 4 + REPLAYED.size() * 2, runs.size(),
                "4 saved views per notebook and 2 live views per replayed one:\n" + driverOutput);
    }

    @Test
    void everyPageShowsWithoutConsoleErrorsAndWithoutTheNetwork() {
        List<String> problems = new ArrayList<>();
        for (JsonNode run : runs) {
            if (!run.path("consoleErrors").isEmpty()) {
                problems.add(describe(run) + ": console errors " + run.path("consoleErrors"));
            }
            if (!run.path("blockedRequests").isEmpty()) {
                problems.add(describe(run) + ": tried to load from the network " + run.path("blockedRequests"));
            }
            if (!run.path("settled").asBoolean()) {
                problems.add(describe(run) + ": still changing after 60 s");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void withThePlotlyExtensionEveryChartDrawsTrustedOrNot() {
        List<JsonNode> views = select(r -> saved(r) && r.path("plotly").asBoolean());
        assertEquals(2 * notebooks.size(), views.size());
        List<String> problems = new ArrayList<>();
        views.forEach(view -> requireEachOutputDrawsItsChart(view, view.path("cells"), problems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(chartOutputs(views.get(0)) > 0, "the notebooks show no chart at all: nothing was tested");
    }

    @Test
    void withoutTheExtensionATrustedNotebookDrawsEveryChart() {
        List<JsonNode> views = select(r -> saved(r) && !r.path("plotly").asBoolean() && r.path("trusted").asBoolean());
        assertEquals(notebooks.size(), views.size());
        List<String> problems = new ArrayList<>();
        views.forEach(view -> requireEachOutputDrawsItsChart(view, view.path("cells"), problems));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Untrusted and without the extension, JupyterLab's sanitizer strips every script, so no
     * {@code text/html} chart can draw; each chart's place must say why and what to do.
     */
    @Test
    void withoutTheExtensionAnUntrustedNotebookSaysInEachChartsPlaceHowToDrawIt() {
        List<JsonNode> views = select(r -> saved(r) && !r.path("plotly").asBoolean() && !r.path("trusted").asBoolean());
        assertEquals(notebooks.size(), views.size());
        List<String> problems = new ArrayList<>();
        for (JsonNode view : views) {
            forEachOutput(view.path("cells"), (cell, output) -> {
                if ((isChart(output) || isReport(output)) && output.path("charts").asInt() == 0
                        && !"visible".equals(output.path("trustLine").asText())) {
                    problems.add(describe(view) + ", cell " + cell.path("notebookCell") + " output " + output.path("index")
                            + " ('" + title(output) + "'): blank, with no visible line saying to run the cell again or"
                            + " trust the notebook (trust line " + output.path("trustLine").asText() + "); it shows: '"
                            + output.path("text").asText() + "'");
                }
            });
        }
        assertTrue(problems.isEmpty(), "charts without their visible 'trust the notebook' line where nothing draws them:\n" + String.join("\n", problems));
    }

    @Test
    void theLiveTrainingDisplayMovesWithAndWithoutTheExtension() {
        List<JsonNode> live = select(r -> "live".equals(r.path("kind").asText()));
        assertEquals(2 * REPLAYED.size(), live.size());
        List<String> problems = new ArrayList<>();
        int updates = 0;
        for (JsonNode run : live) {
            Map<String, Integer> displayOutput = new HashMap<>();
            for (JsonNode frame : run.path("frames")) {
                String type = frame.path("msgType").asText();
                JsonNode outputs = frame.path("outputs");
                String displayId = frame.path("displayId").isTextual() ? frame.path("displayId").asText() : null;
                int index;
                if (type.equals("update_display_data")) {
                    Integer shown = displayOutput.get(displayId);
                    if (shown == null) {
                        continue;   // an update for a display of another cell: JupyterLab ignores it here too
                    }
                    index = shown;
                    updates++;
                } else if (type.equals("display_data") || type.equals("execute_result")) {
                    index = outputs.size() - 1;
                    if (displayId != null) {
                        displayOutput.put(displayId, index);
                    }
                } else {
                    continue;
                }
                if (!frame.path("settled").asBoolean()) {
                    problems.add(describe(run) + ", cell " + frame.path("notebookCell") + " after " + type
                            + ": the page was still changing 20 s later");
                }
                JsonNode output = outputs.get(index);
                String expected = frame.path("plainText").asText("");
                if (!expected.startsWith(CHART_TEXT)) {
                    continue;
                }
                String title = expected.substring(CHART_TEXT.length());
                if (output == null || output.path("charts").asInt() != 1 || !title.equals(output.path("titles").path(0).asText())) {
                    problems.add(describe(run) + ", cell " + frame.path("notebookCell") + " after " + type + " '" + title
                            + "': the output shows " + (output == null ? "nothing"
                            : output.path("charts").asInt() + " chart(s) titled " + output.path("titles")
                            + " (rendered as " + output.path("rendered").asText() + ")"));
                }
            }
            requireEachOutputDrawsItsChart(run, run.path("cells"), problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(updates >= 2 * 2, "no live display with updates was replayed: nothing was tested (" + updates + " updates)");
    }

    /**
     * Each output with a chart shows exactly that chart, titled as the chart; a checkup report (HTML
     * with several charts drawn by its scripts) draws them where scripts run (trusted) and otherwise
     * keeps each chart's line saying how to draw it; the other outputs show none.
     */
    static void requireEachOutputDrawsItsChart(JsonNode run, JsonNode cells, List<String> problems) {
        forEachOutput(cells, (cell, output) -> {
            String where = describe(run) + ", cell " + cell.path("notebookCell") + " output " + output.path("index");
            if (isReport(output)) {
                boolean trusted = run.path("trusted").asBoolean();
                boolean lineVisible = "visible".equals(output.path("trustLine").asText());
                if (trusted && (output.path("charts").asInt() < 1 || lineVisible)) {
                    problems.add(where + ": a trusted checkup report drew " + output.path("charts").asInt()
                            + " chart(s), trust line " + output.path("trustLine").asText());
                } else if (!trusted && !lineVisible) {
                    problems.add(where + ": an untrusted checkup report's charts are blank with no line saying why");
                }
                return;
            }
            int expected = isChart(output) ? 1 : 0;
            if (output.path("charts").asInt() != expected) {
                problems.add(where + ": " + output.path("charts").asInt() + " chart(s) drawn, expected " + expected
                        + " (data " + output.path("mimeTypes") + ", rendered as " + output.path("rendered").asText()
                        + "); it shows: '" + output.path("text").asText() + "'");
            } else if (expected == 1 && !title(output).equals(output.path("titles").path(0).asText())) {
                problems.add(where + ": the chart drawn is titled " + output.path("titles") + ", expected '" + title(output) + "'");
            }
            if ("visible".equals(output.path("trustLine").asText())) {
                problems.add(where + ": still shows the line asking to trust the notebook");
            }
        });
    }

    /** A checkup report rendered by the kernel (its text view starts with the summary's first words). */
    static boolean isReport(JsonNode output) {
        return output.path("plainText").asText("").startsWith("flatline checkup of");
    }

    /** A chart: Plotly's figure JSON, or a live display's frame (HTML with the chart's text). */
    static boolean isChart(JsonNode output) {
        for (JsonNode mime : output.path("mimeTypes")) {
            if (mime.asText().equals(PLOTLY_MIME)) {
                return true;
            }
        }
        return output.path("plainText").asText("").startsWith(CHART_TEXT);
    }

    static String title(JsonNode output) {
        String text = output.path("plainText").asText("");
        return text.startsWith(CHART_TEXT) ? text.substring(CHART_TEXT.length()) : text;
    }

    static int chartOutputs(JsonNode run) {
        int[] count = {0};
        forEachOutput(run.path("cells"), (cell, output) -> count[0] += isChart(output) ? 1 : 0);
        return count[0];
    }

    interface OutputVisitor {
        void visit(JsonNode cell, JsonNode output);
    }

    static void forEachOutput(JsonNode cells, OutputVisitor visitor) {
        for (JsonNode cell : cells) {
            for (JsonNode output : cell.path("outputs")) {
                visitor.visit(cell, output);
            }
        }
    }

    static boolean saved(JsonNode run) {
        return "saved".equals(run.path("kind").asText());
    }

    static List<JsonNode> select(Predicate<JsonNode> which) {
        return runs.stream().filter(which).toList();
    }

    static String describe(JsonNode run) {
        return Path.of(run.path("source").asText()).getFileName() + " (" + run.path("kind").asText()
                + (run.path("plotly").asBoolean() ? ", with" : ", without") + " the plotly extension, "
                + (run.path("trusted").asBoolean() ? "trusted" : "untrusted") + ")";
    }

    /** Runs a command in the repository root, its output streamed into the test log; fails on a non-zero exit. */
    static String run(String label, List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put("FLATLINE_NO_INSTALL", "1");   // tests never install packages
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError(label + ": cannot start " + command.get(0) + " (" + e.getMessage() + ")", e);
        }
        StringBuilder output = new StringBuilder();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    System.out.println("[" + label + "] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                System.out.println("[" + label + "] output lost: " + e);
            }
        });
        pump.start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(label + " did not finish within " + limit + ": " + String.join(" ", command));
        }
        pump.join(10_000);
        synchronized (output) {
            assertEquals(0, process.exitValue(), label + " failed: " + String.join(" ", command) + "\n" + output);
            return output.toString();
        }
    }
}
