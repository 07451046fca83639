package dev.flatline.plots;

import dev.flatline.nn.EpochRecord;
import dev.flatline.nn.StopReason;
import dev.flatline.nn.TrainingHistory;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a notebook shows while a network trains: a status line, the loss curves and each class's share
 * of the predictions per epoch (the collapse to one class is visible as one band filling the plot, B4).
 */
final class TrainingProgressChart implements Chart {
    private static final AtomicLong IDS = new AtomicLong();

    private final TrainingHistory history;
    private final int epochs;
    private final double elapsed;
    private final boolean finished;

    TrainingProgressChart(TrainingHistory history, int epochs, double elapsed, boolean finished) {
        this.history = history;
        this.epochs = epochs;
        this.elapsed = elapsed;
        this.finished = finished;
    }

    @Override
    public String title() {
        if (history == null || history.epochs().isEmpty()) {
            return finished && history != null ? "Training stopped: " + history.stopMessage() : "Training: starting…";
        }
        EpochRecord e = history.last();
        String head = finished ? "Trained " + e.epoch() + " epochs" : "Epoch " + e.epoch() + "/" + epochs;
        return String.format(Locale.ROOT, "%s · loss %.4f · val loss %.4f · %d/%d classes predicted · %.1f s%s", head,
                e.trainLoss(), e.validationLoss(), e.classesPredicted(), history.classNames().size(), elapsed,
                finished && history.stopReason() != StopReason.COMPLETED ? " · " + history.stopMessage() : "");
    }

    @Override
    public String toPlotlyJson() {
        StringBuilder data = new StringBuilder("[");
        if (history != null && !history.epochs().isEmpty()) {
            List<EpochRecord> es = history.epochs();
            String x = series(es.size(), i -> es.get(i).epoch());
            data.append(trace("training loss", x, series(es.size(), i -> es.get(i).trainLoss()), "x", "y", null));
            data.append(',').append(trace("validation loss", x, series(es.size(), i -> es.get(i).validationLoss()),
                    "x", "y", null));
            List<String> names = history.classNames();
            for (int c = 0; c < names.size(); c++) {
                int cls = c;
                data.append(',').append(trace("predicted " + names.get(c), x,
                        series(es.size(), i -> es.get(i).predictedShares()[cls]), "x2", "y2", "one"));
            }
        }
        data.append(']');
        String layout = "{\"title\":{\"text\":" + quote(title()) + ",\"font\":{\"size\":13}},"
                + "\"grid\":{\"rows\":1,\"columns\":2,\"pattern\":\"independent\"},"
                + "\"xaxis\":{\"title\":{\"text\":\"epoch\"}},\"yaxis\":{\"title\":{\"text\":\"loss\"}},"
                + "\"xaxis2\":{\"title\":{\"text\":\"epoch\"}},\"yaxis2\":{\"title\":{\"text\":\"share of predictions\"},"
                + "\"range\":[0,1]},\"height\":320,\"margin\":{\"t\":50}}";
        return "{\"data\":" + data + ",\"layout\":" + layout + "}";
    }

    @Override
    public String toHtml() {
        String id = "flatline-progress-" + IDS.incrementAndGet();
        return "<div id=\"" + id + "\" style=\"width:100%;height:320px\"></div>\n<script type=\"text/javascript\">"
                + PlotlyJs.drawScript(id, toPlotlyJson()) + "</script>\n<noscript>" + Html.escape(title()) + "</noscript>";
    }

    @Override
    public String toString() {
        return title();
    }

    private interface Value {
        double at(int i);
    }

    private static String series(int n, Value v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            double d = v.at(i);
            s.append(i > 0 ? "," : "").append(Double.isFinite(d) ? Double.toString(d) : "null");
        }
        return s.append(']').toString();
    }

    private static String trace(String name, String x, String y, String xaxis, String yaxis, String stackGroup) {
        return "{\"type\":\"scatter\",\"mode\":\"lines\",\"name\":" + quote(name) + ",\"x\":" + x + ",\"y\":" + y
                + ",\"xaxis\":\"" + xaxis + "\",\"yaxis\":\"" + yaxis + "\""
                + (stackGroup == null ? "" : ",\"stackgroup\":\"" + stackGroup + "\"") + "}";
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
