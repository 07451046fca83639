package dev.flatline.kernel;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonSyntaxException;
import com.google.gson.ToNumberPolicy;
import dev.flatline.checks.Diagnosis;
import dev.flatline.plots.Chart;
import dev.flatline.plots.LiveFrame;
import dev.flatline.report.EvaluationHtml;
import dev.flatline.report.ReportHtml;
import dev.flatline.report.ReportText;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;
import tech.tablesaw.api.Table;

/**
 * How the kernel shows flatline's and its stack's objects: Tablesaw tables as HTML tables, charts as
 * plotly (HTML for every front end and Plotly's own JSON for JupyterLab), Tribuo evaluations and
 * confusion matrices as HTML tables, checkup reports as HTML with their charts. Every object also
 * gets a {@code text/plain} view, except a {@link PrintStream}, which shows nothing (see
 * {@link #nothingToShow(Object)}). A live display's frames ({@link LiveFrame}) go out as HTML only:
 * JupyterLab's plotly extension would keep the first figure of an output updated in place (see
 * {@link LiveFrame}).
 *
 * <p>One instance per kernel session: before a chart it lets {@link PlotlyLoaderOutput} send plotly.js
 * (3.2 MB) as an output of its own when no output of the notebook holds it any more.
 */
final class KernelRenderers {

    /** Plotly's figure JSON MIME type. */
    static final MIMEType PLOTLY = MIMEType.parse(Chart.PLOTLY_MIME_TYPE);

    /**
     * Reads a figure into plain maps, lists, strings, booleans and exact numbers, which every Gson
     * writes as JSON, including the copy JJava shades into its own package: that copy does not know
     * flatline's {@code com.google.gson.JsonElement} and would write its fields ({@code "members"}).
     */
    private static final Gson PLAIN_JSON = new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.BIG_DECIMAL).create();

    private final PlotlyLoaderOutput plotlyLoader;

    /** @param send shows a display output in the running cell (the kernel's {@code display}) */
    KernelRenderers(Consumer<DisplayData> send) {
        this.plotlyLoader = new PlotlyLoaderOutput(send);
    }

    /** Tells the renderers that a cell starts (see {@link PlotlyLoaderOutput#cellStarting(String)}). */
    void cellStarting(String cellKey) {
        plotlyLoader.cellStarting(cellKey);
    }

    /**
     * Whether a cell's value has nothing to show: a cell ending in {@code System.out.printf(...)}
     * evaluates to the stream itself, and its {@code java.io.PrintStream@1b2c3d} would be noise. The
     * flatline kernel then sends no result; in JJava, whose kernel renders every value, the
     * {@link PrintStream} renderer shows an empty text.
     */
    static boolean nothingToShow(Object value) {
        return value instanceof PrintStream;
    }

    /** Registers all renderers on the kernel's renderer. */
    void registerAll(Renderer renderer) {
        renderer.createRegistration(PrintStream.class)
                .register((stream, context) -> context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ""));

        renderer.createRegistration(Table.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((table, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML,
                            () -> TableHtml.render(table, TableHtml.DEFAULT_MAX_ROWS));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN,
                            () -> TableHtml.text(table, TableHtml.DEFAULT_MAX_ROWS));
                });

        renderer.createRegistration(Chart.class)
                .preferring(MIMEType.TEXT_HTML, PLOTLY)
                .register((chart, context) -> {
                    plotlyLoader.beforeChart();
                    context.renderIfRequested(PLOTLY, () -> plotlyJson(chart));
                    context.renderIfRequested(MIMEType.TEXT_HTML, chart::toHtml);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Chart: " + chart.title());
                });

        renderer.createRegistration(LiveFrame.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((frame, context) -> {
                    plotlyLoader.beforeChart();
                    context.renderIfRequested(MIMEType.TEXT_HTML, frame.chart()::toHtml);
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> "Chart: " + frame.chart().title());
                });

        renderer.createRegistration(LabelEvaluation.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((evaluation, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> EvaluationHtml.evaluation(evaluation));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, evaluation::toString);
                });

        renderer.createRegistration(Diagnosis.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((report, context) -> {
                    plotlyLoader.beforeChart();
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> ReportHtml.fragment(report));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, () -> ReportText.summary(report));
                });

        renderer.createRegistration(ConfusionMatrix.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((matrix, context) -> {
                    context.renderIfRequested(MIMEType.TEXT_HTML, () -> confusionHtml(matrix));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, matrix::toString);
                });
    }

    /**
     * Plotly's figure as a JSON object (not a string), as JupyterLab's plotly renderer expects, held in
     * plain Java maps and lists (see {@link #PLAIN_JSON}).
     */
    static Object plotlyJson(Chart chart) {
        String json = chart.toPlotlyJson();
        try {
            Object figure = PLAIN_JSON.fromJson(json, Object.class);
            if (!(figure instanceof Map)) {
                throw new JsonSyntaxException("not a JSON object");
            }
            return figure;
        } catch (RuntimeException e) {
            throw new IllegalStateException("chart '" + chart.title() + "' produced invalid Plotly JSON: "
                    + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String confusionHtml(ConfusionMatrix<?> matrix) {
        Object anyLabel = matrix.getDomain().getDomain().stream().findFirst().orElse(null);
        if (anyLabel != null && !(anyLabel instanceof Label)) {
            return "<pre>" + dev.flatline.plots.Html.escape(matrix.toString()) + "</pre>";
        }
        return EvaluationHtml.confusionMatrix((ConfusionMatrix<Label>) matrix);
    }
}
