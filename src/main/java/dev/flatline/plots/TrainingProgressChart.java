package dev.flatline.plots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flatline.nn.EpochRecord;
import dev.flatline.nn.StopReason;
import dev.flatline.nn.TrainingHistory;
import java.util.List;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * What a notebook shows while a network trains: a status line as title, the loss curves and each
 * class's share of the predictions per epoch side by side (the collapse to one class is visible as one
 * band filling the plot, B4). Two subplots in one figure, which tablesaw cannot build, so the Plotly
 * figure tree is written directly and drawn like every other {@link FigureChart}.
 */
final class TrainingProgressChart {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final int HEIGHT_PX = 320;
    /** Losses are not classes: one dark neutral colour, solid for training, dashed for validation. */
    private static final String LOSS_COLOUR = "#333333";
    /** Legend ranks: the losses first, then the class bands from the top of the stack down. */
    private static final int LEGEND_RANK_CLASSES = 100;

    private TrainingProgressChart() {
    }

    /** The chart for the run so far; {@code history} is null before the first epoch. */
    static FigureChart of(TrainingHistory history, int epochs, double elapsedSeconds, boolean finished) {
        ObjectNode figure = JSON.objectNode();
        ArrayNode data = figure.putArray("data");
        if (history != null && !history.epochs().isEmpty()) {
            List<EpochRecord> es = history.epochs();
            ArrayNode x = series(es.size(), i -> es.get(i).epoch());
            data.add(lossTrace("training loss", x, series(es.size(), i -> es.get(i).trainLoss()), "solid", 1));
            data.add(lossTrace("validation loss", x, series(es.size(), i -> es.get(i).validationLoss()), "dash", 2));
            List<String> names = history.classNames();
            for (int c = 0; c < names.size(); c++) {
                int cls = c;
                ObjectNode band = trace("predicted " + names.get(c), x,
                        series(es.size(), i -> es.get(i).predictedShares()[cls]), "x2", "y2");
                String colour = TrainingCharts.classColour(c);
                band.put("stackgroup", "one").put("fillcolor", colour);
                band.putObject("line").put("color", colour);
                // The first band is drawn at the bottom; list the bands top to bottom, as they are stacked.
                band.put("legendrank", LEGEND_RANK_CLASSES + names.size() - c);
                data.add(band);
            }
        }
        ObjectNode layout = figure.putObject("layout");
        layout.putObject("title").put("text", title(history, epochs, elapsedSeconds, finished))
                .putObject("font").put("size", 13);
        layout.putObject("grid").put("rows", 1).put("columns", 2).put("pattern", "independent");
        axis(layout, "xaxis", "epoch");
        // Log scale: the first epoch's mean loss (or a diverging one) is often many times the later
        // losses and would flatten them into a line on a linear axis; losses are positive.
        axis(layout, "yaxis", "loss (log scale)").put("type", "log");
        axis(layout, "xaxis2", "epoch");
        axis(layout, "yaxis2", "share of predictions").putArray("range").add(0).add(1);
        // Plotly reverses the legend of stacked areas by default; "normal" with the ranks set on the
        // traces lists the losses, then the bands from the top of the stack down, as they are drawn.
        layout.putObject("legend").put("traceorder", "normal");
        layout.put("height", HEIGHT_PX);
        layout.putObject("margin").put("t", 50);
        return FigureChart.ofFigureTree(figure);
    }

    static String title(TrainingHistory history, int epochs, double elapsed, boolean finished) {
        if (history == null || history.epochs().isEmpty()) {
            return finished && history != null ? "Training stopped: " + history.stopMessage() : "Training: starting…";
        }
        EpochRecord e = history.last();
        String head = finished ? "Trained " + e.epoch() + " epochs" : "Epoch " + e.epoch() + "/" + epochs;
        return String.format(Locale.ROOT, "%s · loss %.4f · val loss %.4f · %d/%d classes predicted · %.1f s%s", head,
                e.trainLoss(), e.validationLoss(), e.classesPredicted(), history.classNames().size(), elapsed,
                finished && history.stopReason() != StopReason.COMPLETED ? " · " + history.stopMessage() : "");
    }

    private static ObjectNode axis(ObjectNode layout, String name, String title) {
        ObjectNode axis = layout.putObject(name);
        axis.putObject("title").put("text", title);
        return axis;
    }

    /** Values 0..n-1 of {@code value}; a non-finite value becomes null (a gap), as JSON has no NaN. */
    private static ArrayNode series(int n, IntToDoubleFunction value) {
        ArrayNode values = JSON.arrayNode();
        for (int i = 0; i < n; i++) {
            double v = value.applyAsDouble(i);
            if (Double.isFinite(v)) {
                values.add(v);
            } else {
                values.addNull();
            }
        }
        return values;
    }

    private static ObjectNode lossTrace(String name, ArrayNode x, ArrayNode y, String dash, int legendRank) {
        ObjectNode trace = trace(name, x, y, "x", "y").put("legendrank", legendRank);
        trace.putObject("line").put("color", LOSS_COLOUR).put("dash", dash);
        return trace;
    }

    private static ObjectNode trace(String name, ArrayNode x, ArrayNode y, String xAxis, String yAxis) {
        ObjectNode trace = JSON.objectNode().put("type", "scatter").put("mode", "lines").put("name", name);
        trace.set("x", x);
        trace.set("y", y);
        return trace.put("xaxis", xAxis).put("yaxis", yAxis);
    }
}
