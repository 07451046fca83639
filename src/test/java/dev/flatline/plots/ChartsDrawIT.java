package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flatline.testing.HeadlessChromium;
import dev.flatline.testing.RenderedPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * Draws every chart type in real headless Chromium, offline, and checks that plotly.js drew it:
 * standalone pages, a page with several charts (one of them twice), a page with an AMD loader like
 * classic Notebook's require.js, and the uncompressed loader for comparison. Pages are kept in
 * {@code target/charts-it/} to look at; timings go to {@code target/charts-it/timings.txt}.
 */
class ChartsDrawIT {

    private static final Path OUT = Path.of("target", "charts-it");
    private static final HeadlessChromium CHROMIUM = HeadlessChromium.create();
    private static final StringBuilder TIMINGS = new StringBuilder();
    /** Debian's require.js (package libjs-requirejs), also what Debian's nbconvert links exports to. */
    private static final Path REQUIRE_JS = Path.of("/usr/share/javascript/requirejs/require.js");
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Records when plotly.js became ready and when the first chart's SVG appeared, in page time. */
    private static final String TIMING_PROBE = "<div id=\"timing\"></div>\n<script>\n"
            + "(function () { var t0 = window.flatlineT0;\n"
            + "  window.flatlinePlotly.then(function () { var ready = performance.now() - t0;\n"
            + "    var poll = setInterval(function () { if (document.querySelector('svg.main-svg')) {\n"
            + "      clearInterval(poll);\n"
            + "      document.getElementById('timing').textContent = 'timing ready=' + Math.round(ready)\n"
            + "        + ' drawn=' + Math.round(performance.now() - t0); } }, 5); }); })();\n</script>\n";

    /**
     * A stand-in for require.js in classic Notebook: it calls an anonymous {@code define} outside
     * its loader an error, as require.js does ("Mismatched anonymous define() module").
     */
    private static final String AMD_SHIM = "<script>\n"
            + "window.amdCalls = 0;\n"
            + "window.define = function () { window.amdCalls++;\n"
            + "  throw new Error('Mismatched anonymous define() module'); };\n"
            + "window.define.amd = {jQuery: true};\n"
            + "window.require = function (deps, callback) { if (callback) { callback(); } };\n"
            + "window.shimDefine = window.define;\n"
            + "</script>\n";

    @BeforeAll
    static void prepare() throws IOException {
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void writeTimings() throws IOException {
        Files.writeString(OUT.resolve("timings.txt"), TIMINGS.toString(), StandardCharsets.UTF_8);
        System.out.print(TIMINGS);
    }

    private static Map<String, Integer> shuttle() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("Rad.Flow", 45586);
        rows.put("High", 8903);
        rows.put("Bypass", 3267);
        rows.put("Fpv.Open", 171);
        rows.put("Fpv.Close", 50);
        rows.put("Bpv.Open", 13);
        rows.put("Bpv.Close", 10);
        return rows;
    }

    private static LabelEvaluation collapsed() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("1", 40);
        rows.put("2", 9);
        rows.put("3", 3);
        return TribuoFixtures.collapsedEvaluation(TribuoFixtures.dataset(rows));
    }

    private static RenderedPage render(String name, String html) throws IOException {
        Path file = OUT.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        RenderedPage page = CHROMIUM.render(file);
        Matcher timing = Pattern.compile("timing ready=(\\d+) drawn=(\\d+)").matcher(page.text());
        TIMINGS.append(String.format("%-26s %8d bytes  chromium wall %5d ms  %s%n", name, Files.size(file),
                page.wallTime().toMillis(), timing.find()
                        ? "page: plotly.js ready " + timing.group(1) + " ms, first SVG " + timing.group(2) + " ms"
                        : ""));
        return page;
    }

    private static String page(String head, String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>flatline chart test</title>\n"
                + "<script>window.flatlineT0 = performance.now();</script>\n" + head + "</head><body>\n"
                + body + "</body></html>\n";
    }

    private static void requireDrawn(RenderedPage page, Chart chart, String xTitle, String yTitle) {
        page.requireAtLeast("svg.main-svg", 1).requireAtLeast("text.gtitle", 1)
                .requireText(chart.title()).requireText(xTitle).requireText(yTitle).requireNoConsoleErrors();
    }

    @Test
    void classDistributionDrawsStandaloneOnALogAxisWithCountLabels() throws IOException {
        Chart chart = Charts.classDistribution(shuttle());
        RenderedPage page = render("class-distribution", chart.toStandaloneHtml());
        requireDrawn(page, chart, "class", "rows (log scale)");
        assertEquals("Rows per class (log scale)", chart.title());
        page.requireText("45,586").requireText("Bpv.Close");
        assertTrue(page.count("g.point") >= 7, "one bar per class, got " + page.count("g.point"));
    }

    @Test
    void predictedVsTrueDrawsBothGroupsIncludingNeverPredictedClasses() throws IOException {
        Chart chart = Charts.predictedVsTrue(collapsed());
        RenderedPage page = render("predicted-vs-true", chart.toStandaloneHtml());
        requireDrawn(page, chart, "class", "rows");
        page.requireText("predicted").requireText("true");
        assertEquals(2, page.count("g.trace.bars"), "a trace for true and one for predicted");
        assertTrue(page.count("g.point") >= 4, "bars drawn: " + page.count("g.point"));
    }

    @Test
    void confusionMatrixDrawsAHeatmapWithCountsInTheCells() throws IOException {
        Chart chart = Charts.confusionMatrix(collapsed());
        RenderedPage page = render("confusion-matrix", chart.toStandaloneHtml());
        requireDrawn(page, chart, "predicted class", "true class");
        page.requireAtLeast("g.hm", 1).requireText("share of row");
        // The cell texts: 40, 9 and 3 rows all predicted as class "1".
        String text = page.text();
        for (String count : List.of("40", "9", "3")) {
            assertTrue(text.matches("(?s).*\\s" + count + "\\s.*"), "cell count " + count + " missing from the page text");
        }
    }

    @Test
    void manyChartsShareOneLoaderAndADuplicatedChartDrawsTwice() throws IOException {
        Chart bars = Charts.classDistribution(shuttle(), AxisScale.LINEAR);
        Chart matrix = Charts.confusionMatrix(collapsed(), CellColour.COUNT);
        // The loader twice (the second copy must do nothing) and one chart twice (two drawings).
        String body = PlotlyJs.loaderHtml() + bars.toHtml() + "\n" + matrix.toHtml() + "\n" + PlotlyJs.loaderHtml()
                + bars.toHtml() + "\n";
        RenderedPage page = render("several-charts", page("", body));
        page.requireNoConsoleErrors().requireText("Rows per class").requireText("Confusion matrix (colour: rows)");
        assertEquals(3, page.count("div.js-plotly-plot"), "three drawn charts");
        assertTrue(page.count("svg.main-svg") >= 6, "plotly draws two main SVGs per chart");
    }

    @Test
    void classicNotebookAmdLoaderDoesNotSwallowPlotly() throws IOException {
        Chart chart = Charts.classDistribution(shuttle());
        String report = "<div id=\"amd\"></div>\n<script>\n"
                + "window.flatlinePlotly.then(function (Plotly) {\n"
                + "  document.getElementById('amd').textContent = 'amd window.Plotly=' + (window.Plotly === Plotly)\n"
                + "    + ' define restored=' + (window.define === window.shimDefine) + ' anonymous defines=' + window.amdCalls;\n"
                + "});\n</script>\n";
        RenderedPage page = render("classic-notebook-amd",
                page(AMD_SHIM, PlotlyJs.loaderHtml() + chart.toHtml() + "\n" + report + TIMING_PROBE));
        requireDrawn(page, chart, "class", "rows (log scale)");
        page.requireText("amd window.Plotly=true define restored=true anonymous defines=0");
    }

    @Test
    void realRequireJsStillWorksAndDoesNotSwallowPlotly() throws IOException {
        assertTrue(Files.isReadable(REQUIRE_JS), "needs Debian's require.js: apt-get install libjs-requirejs");
        Chart chart = Charts.classDistribution(shuttle());
        String check = "<div id=\"amd\"></div>\n<script>\n"
                + "window.flatlinePlotly.then(function (Plotly) {\n"
                + "  define('probe', [], function () { return 42; });\n"
                + "  require(['probe'], function (value) {\n"
                + "    document.getElementById('amd').textContent = 'window.Plotly=' + (window.Plotly === Plotly)\n"
                + "      + ' require works=' + (value === 42); });\n"
                + "});\n</script>\n";
        RenderedPage page = render("requirejs", page("<script src=\"" + REQUIRE_JS.toUri() + "\"></script>\n",
                PlotlyJs.loaderHtml() + chart.toHtml() + "\n" + check + TIMING_PROBE));
        requireDrawn(page, chart, "class", "rows (log scale)");
        page.requireText("window.Plotly=true require works=true");
    }

    @Test
    void plainPlotlyScriptUnderRequireJsLosesWindowPlotly() throws IOException {
        // The negative control for the AMD tests: the problem they guard against is real in this browser.
        assertTrue(Files.isReadable(REQUIRE_JS), "needs Debian's require.js: apt-get install libjs-requirejs");
        Path plotly = OUT.resolve("plotly-" + PlotlyJs.VERSION + ".js");
        Files.writeString(plotly, PlotlyJs.source(), StandardCharsets.UTF_8);
        RenderedPage page = render("requirejs-plain-plotly", page(
                "<script src=\"" + REQUIRE_JS.toUri() + "\"></script>\n",
                "<script src=\"" + plotly.getFileName() + "\"></script>\n<div id=\"probe\"></div>\n"
                        + "<script>document.getElementById('probe').textContent = 'typeof Plotly: ' + typeof window.Plotly;"
                        + "</script>\n"));
        page.requireText("typeof Plotly: undefined");
    }

    @Test
    void jupyterLabStyleInsertionDraws() throws IOException {
        // JupyterLab 4 sets an output's HTML with innerHTML, then replaces each script element by a
        // fresh copy so that it runs, in document order; it has no AMD loader.
        Chart chart = Charts.predictedVsTrue(collapsed());
        String output = PlotlyJs.loaderHtml() + chart.toHtml();
        String body = "<div id=\"output\"></div>\n<script>\n"
                + "var output = document.getElementById('output');\n"
                + "output.innerHTML = " + PlotlyJs.scriptSafe(new ObjectMapper().writeValueAsString(output)) + ";\n"
                + "output.querySelectorAll('script').forEach(function (old) {\n"
                + "  var fresh = document.createElement('script');\n"
                + "  fresh.text = old.textContent;\n"
                + "  old.parentNode.replaceChild(fresh, old); });\n"
                + "</script>\n" + TIMING_PROBE;
        RenderedPage page = render("jupyterlab-style", page("", body));
        requireDrawn(page, chart, "class", "rows");
    }

    @Test
    void nbconvertHtmlExportDraws() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(PYTHON), "needs " + PYTHON + " with nbconvert");
        Chart chart = Charts.confusionMatrix(collapsed());
        ObjectMapper json = new ObjectMapper();
        var notebook = json.createObjectNode();
        notebook.put("nbformat", 4).put("nbformat_minor", 5);
        notebook.putObject("metadata").putObject("kernelspec").put("name", "flatline").put("display_name", "flatline")
                .put("language", "java");
        var cell = notebook.putArray("cells").addObject();
        cell.put("cell_type", "code").put("execution_count", 1).put("source", "Charts.confusionMatrix(evaluation)");
        cell.putObject("metadata");
        var display = cell.putArray("outputs").addObject();
        display.put("output_type", "display_data").putObject("metadata");
        display.putObject("data").put("text/html", PlotlyJs.loaderHtml() + chart.toHtml())
                .put("text/plain", chart.toString());
        Path ipynb = OUT.resolve("nbconvert-export.ipynb");
        json.writeValue(ipynb.toFile(), notebook);
        Process nbconvert = new ProcessBuilder(PYTHON.toString(), "-m", "nbconvert", "--to", "html",
                "--output-dir", OUT.toString(), ipynb.toString())
                .redirectErrorStream(true).redirectOutput(OUT.resolve("nbconvert.log").toFile()).start();
        assertTrue(nbconvert.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "nbconvert took over 120 s");
        assertEquals(0, nbconvert.exitValue(), Files.readString(OUT.resolve("nbconvert.log")));
        Path html = OUT.resolve("nbconvert-export.html");
        RenderedPage page = CHROMIUM.render(html);
        TIMINGS.append(String.format("%-26s %8d bytes  chromium wall %5d ms%n", "nbconvert-export",
                Files.size(html), page.wallTime().toMillis()));
        requireDrawn(page, chart, "predicted class", "true class");
    }

    @Test
    void uncompressedLoaderDrawsTheSameWay() throws IOException {
        Chart chart = Charts.classDistribution(shuttle());
        RenderedPage page = render("uncompressed-loader-amd",
                page(AMD_SHIM, PlotlyJs.uncompressedLoaderHtml() + chart.toHtml() + "\n" + TIMING_PROBE));
        requireDrawn(page, chart, "class", "rows (log scale)");
    }

    @Test
    void compressedLoaderTimingWithoutAmd() throws IOException {
        Chart chart = Charts.classDistribution(shuttle());
        RenderedPage page = render("compressed-loader-timing",
                page("", PlotlyJs.loaderHtml() + chart.toHtml() + "\n" + TIMING_PROBE));
        requireDrawn(page, chart, "class", "rows (log scale)");
    }

    @Test
    void aPageWithoutPlotlyReportsNothingDrawn() throws IOException {
        // The negative control: the checks above can fail. No loader, so no chart may appear.
        Chart chart = Charts.classDistribution(shuttle());
        RenderedPage page = render("no-loader", page("", chart.toHtml()));
        assertEquals(0, page.count("svg.main-svg"));
        page.requireNoConsoleErrors();
    }
}
