package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;

class FigureChartTest {

    /** Strict parsing: fails on anything tablesaw's lenient literals would still contain. */
    private static final ObjectMapper STRICT = new ObjectMapper();

    private static Figure bars(String title) {
        Layout layout = Layout.builder().title(title)
                .xAxis(Axis.builder().title("class").build())
                .yAxis(Axis.builder().title("rows").build()).build();
        BarTrace first = BarTrace.builder(new Object[]{"a", "b'c", "d"}, new double[]{1, 2, Double.NaN}).name("first").build();
        BarTrace second = BarTrace.builder(new Object[]{"a", "b'c", "d"}, new double[]{3, 0, 5}).name("second").build();
        return new Figure(layout, first, second);
    }

    @Test
    void writesStrictJsonWithTracesInOrderAndTitlesAsObjects() throws Exception {
        FigureChart chart = FigureChart.of(bars("Rows \"per\" class, it's <b>"));
        JsonNode figure = STRICT.readTree(chart.toPlotlyJson());

        assertEquals(2, figure.get("data").size());
        assertEquals("first", figure.at("/data/0/name").asText());
        assertEquals("second", figure.at("/data/1/name").asText());
        assertEquals("bar", figure.at("/data/1/type").asText());
        assertEquals("b'c", figure.at("/data/0/x/1").asText());
        assertEquals(5.0, figure.at("/data/1/y/2").asDouble());
        // Quotes come back; < stays an entity that plotly.js shows as "<" rather than a tag.
        assertEquals("Rows \"per\" class, it's &lt;b&gt;", figure.at("/layout/title/text").asText());
        assertEquals("class", figure.at("/layout/xaxis/title/text").asText());
        assertEquals("rows", figure.at("/layout/yaxis/title/text").asText());
        assertEquals("Rows \"per\" class, it's &lt;b&gt;", chart.title());
    }

    @Test
    void turnsNaNIntoNullAndDropsTablesawsDefaultWidth() throws Exception {
        JsonNode figure = STRICT.readTree(FigureChart.of(bars("t")).toPlotlyJson());
        assertTrue(figure.at("/data/0/y/2").isNull(), "NaN must become null, got " + figure.at("/data/0/y/2"));
        assertTrue(figure.at("/layout/width").isMissingNode(), "tablesaw's 700 px width must go");
        assertTrue(figure.at("/layout/autosize").asBoolean());

        Figure wide = new Figure(Layout.builder().title("wide").width(900).build(),
                BarTrace.builder(new Object[]{"a"}, new double[]{1}).build());
        assertEquals(900, STRICT.readTree(FigureChart.of(wide).toPlotlyJson()).at("/layout/width").asInt());
    }

    @Test
    void readsHeatmapsWithTrailingCommasInNestedArrays() throws Exception {
        Figure heat = new Figure(Layout.builder().title("heat").build(),
                HeatmapTrace.builder(new Object[]{"p", "q"}, new Object[]{"r", "s"}, new double[][]{{1, 2}, {3, 4}}).build());
        JsonNode figure = STRICT.readTree(FigureChart.of(heat).toPlotlyJson());
        assertEquals(4.0, figure.at("/data/0/z/1/1").asDouble());
        assertEquals(2, figure.at("/data/0/z/0").size());
        assertEquals("heatmap", figure.at("/data/0/type").asText());
    }

    @Test
    void htmlHasADeterministicIdAndEscapesScriptEndings() {
        FigureChart chart = FigureChart.of(bars("</script><script>alert(1)</script>"));
        FigureChart same = FigureChart.of(bars("</script><script>alert(1)</script>"));
        FigureChart other = FigureChart.of(bars("other"));
        assertEquals(chart.toHtml(), same.toHtml());
        assertNotEquals(chart.elementId(), other.elementId());
        assertTrue(chart.toHtml().startsWith("<div id=\"" + chart.elementId() + "\""));
        assertTrue(chart.toHtml().contains("height:450px"), "the layout's height (tablesaw's default 450) sizes the element");

        // tablesaw already escapes <, but any "</" inside the script must be neutralised by drawScript.
        String script = PlotlyJs.drawScript("x1", "{\"data\":[],\"layout\":{\"title\":{\"text\":\"</script>\"}}}");
        assertFalse(script.toLowerCase().contains("</script"), script);
        assertTrue(script.contains("<\\/script>"));
    }

    @Test
    void untilItsScriptRunsAChartShowsAVisibleLineSayingWhatToDo() {
        FigureChart chart = FigureChart.of(bars("Rows per class"));
        String html = chart.toHtml();
        String beforeScript = html.substring(0, html.indexOf("<script"));
        assertTrue(beforeScript.contains("run the cell again, or trust the notebook, to draw it"), beforeScript);
        assertTrue(beforeScript.contains("Rows per class: Drawing this chart"), "names the chart: " + beforeScript);
        String script = PlotlyJs.drawScript("x1", "{\"data\":[],\"layout\":{}}");
        assertTrue(script.contains("div.textContent = '';"), "drawing replaces the line");
        assertTrue(script.contains("plotly.js is not in this page"), "a page without plotly.js says so instead of waiting silently");
    }

    @Test
    void untitledFiguresGetAPlaceholderTitle() {
        Figure plain = new Figure(BarTrace.builder(new Object[]{"a"}, new double[]{1}).build());
        assertEquals(FigureChart.UNTITLED, FigureChart.of(plain).title());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        IllegalArgumentException nullFigure = assertThrows(IllegalArgumentException.class, () -> FigureChart.of(null));
        assertTrue(nullFigure.getMessage().contains("figure is null"));
        IllegalArgumentException badId = assertThrows(IllegalArgumentException.class,
                () -> PlotlyJs.drawScript("1'); alert(1); ('", "{}"));
        assertTrue(badId.getMessage().contains("must start with a letter"));
        IllegalStateException broken = assertThrows(IllegalStateException.class,
                () -> TablesawFigureJson.fromJavascript("var layout = {title: 'x'; var data = [];"));
        assertTrue(broken.getMessage().contains("layout"), broken.getMessage());
    }
}
