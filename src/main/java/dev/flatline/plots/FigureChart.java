package dev.flatline.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;
import tech.tablesaw.plotly.components.Figure;

/**
 * A {@link Chart} built with tablesaw-jsplot: wraps a tablesaw {@link Figure} and shows it as
 * Plotly figure JSON or as HTML drawn by the page's local plotly.js.
 *
 * <p>Widths follow the page (tablesaw's default 700 px is dropped; see {@link TablesawFigureJson}
 * for the other adjustments); the HTML element is {@value #DEFAULT_HEIGHT_PX} px high unless the
 * figure's layout sets a height. The element id is derived from the figure's content, so the same
 * chart always gives the same HTML; two copies of one chart in a page still both draw.
 *
 * <pre>{@code
 * Figure figure = BarPlot.create("Rows per class", table, "class", "rows");
 * Chart chart = FigureChart.of(figure);
 * }</pre>
 */
public final class FigureChart implements Chart {

    /** Height of the chart's element when the layout does not say. */
    public static final int DEFAULT_HEIGHT_PX = 400;

    /** Title used when the figure's layout has none. */
    static final String UNTITLED = "Chart";

    private final String title;
    private final String json;
    private final int heightPx;

    private FigureChart(ObjectNode figure) {
        JsonNode layout = figure.path("layout");
        String text = layout.path("title").path("text").asText("");
        this.title = text.isBlank() ? UNTITLED : text;
        JsonNode height = layout.path("height");
        this.heightPx = height.isNumber() ? height.intValue() : DEFAULT_HEIGHT_PX;
        this.json = TablesawFigureJson.write(figure);
    }

    /** Wraps a tablesaw figure (for example one made by tablesaw's {@code BarPlot} or {@code Heatmap}). */
    public static FigureChart of(Figure figure) {
        return new FigureChart(TablesawFigureJson.toFigureNode(figure));
    }

    /**
     * Wraps a tablesaw figure after {@code refine} has added Plotly attributes tablesaw cannot
     * express (hover and text templates, colour scales) to the figure JSON tree.
     */
    static FigureChart of(Figure figure, Consumer<ObjectNode> refine) {
        ObjectNode node = TablesawFigureJson.toFigureNode(figure);
        refine.accept(node);
        return new FigureChart(node);
    }

    /** Wraps a Plotly figure tree written directly, for layouts tablesaw cannot express (subplots). */
    static FigureChart ofFigureTree(ObjectNode figure) {
        return new FigureChart(figure);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String toPlotlyJson() {
        return json;
    }

    /** The id of this chart's element in {@link #toHtml()}: {@code flatline-chart-} and a content hash. */
    public String elementId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return "flatline-chart-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256, which every Java platform must provide", e);
        }
    }

    @Override
    public String toHtml() {
        String id = elementId();
        return "<div id=\"" + id + "\" class=\"flatline-chart\" style=\"width:100%;min-width:320px;height:"
                + heightPx + "px;\" aria-label=\"" + Html.escape(title) + "\">"
                + "<p style=\"margin:0;padding:1em;color:#555;font-style:italic;\">" + Html.escape(title) + ": "
                + Html.escape(PlotlyJs.PENDING_LINE) + "</p></div>\n"
                + "<script type=\"text/javascript\">\n" + PlotlyJs.drawScript(id, json) + "\n</script>";
    }

    @Override
    public String toString() {
        return "FigureChart[" + title + "]";
    }
}
