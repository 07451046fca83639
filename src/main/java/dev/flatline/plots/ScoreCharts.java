package dev.flatline.plots;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flatline.remedies.BinaryScores;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Charts of a binary model's scores ({@link BinaryScores}): precision&ndash;recall and ROC curves for
 * choosing a threshold, and the reliability diagram for calibration. Each takes several named score sets
 * (models, or one model before and after a correction) and draws one line per set, with its summary
 * number (average precision, ROC AUC, Brier score) in the legend.
 */
public final class ScoreCharts {

    private ScoreCharts() {
    }

    /**
     * Precision against recall, one line per score set, with each set's prevalence as a dotted floor
     * (the precision of flagging everything): with rare positives this is the curve that shows how many
     * false alarms each found positive costs.
     */
    public static FigureChart precisionRecall(Map<String, BinaryScores> scores) {
        List<Trace> traces = new ArrayList<>();
        for (var entry : checked(scores).entrySet()) {
            LabelEvaluationUtil.PRCurve curve = entry.getValue().precisionRecallCurve();
            traces.add(line(String.format(Locale.ROOT, "%s (AP %.3f)", entry.getKey(),
                    entry.getValue().averagePrecision()), curve.recall, curve.precision));
            double floor = entry.getValue().prevalence();
            traces.add(dotted(String.format(Locale.ROOT, "%s: prevalence %.3f", entry.getKey(), floor),
                    new double[] {0, 1}, new double[] {floor, floor}));
        }
        return chart("Precision-recall curve", "recall", "precision", traces);
    }

    /** True-positive rate against false-positive rate, one line per score set, the chance diagonal dotted. */
    public static FigureChart roc(Map<String, BinaryScores> scores) {
        List<Trace> traces = new ArrayList<>();
        for (var entry : checked(scores).entrySet()) {
            LabelEvaluationUtil.ROC curve = entry.getValue().rocCurve();
            traces.add(line(String.format(Locale.ROOT, "%s (AUC %.3f)", entry.getKey(), entry.getValue().rocAuc()),
                    curve.fpr, curve.tpr));
        }
        traces.add(dotted("chance", new double[] {0, 1}, new double[] {0, 1}));
        return chart("ROC curve", "false-positive rate", "true-positive rate", traces);
    }

    /**
     * Reliability diagram: per equal-width score bin, the mean score (x) against the share of rows that
     * are positive (y), one line per score set, the diagonal dotted. Above the diagonal the model
     * under-states the positive class's probability, below it over-states it.
     */
    public static FigureChart reliability(Map<String, BinaryScores> scores, int bins) {
        List<Trace> traces = new ArrayList<>();
        for (var entry : checked(scores).entrySet()) {
            var points = entry.getValue().reliability(bins);
            double[] x = points.stream().mapToDouble(BinaryScores.ReliabilityBin::meanScore).toArray();
            double[] y = points.stream().mapToDouble(BinaryScores.ReliabilityBin::positiveShare).toArray();
            traces.add(line(String.format(Locale.ROOT, "%s (Brier %.3f)", entry.getKey(),
                    entry.getValue().brierScore()), x, y));
        }
        traces.add(dotted("calibrated", new double[] {0, 1}, new double[] {0, 1}));
        return chart("Reliability diagram (" + bins + " bins)", "mean predicted probability",
                "share that is positive", traces);
    }

    private static Map<String, BinaryScores> checked(Map<String, BinaryScores> scores) {
        if (scores == null || scores.isEmpty()) {
            throw new IllegalArgumentException("no score sets; pass a map of name to BinaryScores.of(model, data, positive)");
        }
        return scores;
    }

    private static ScatterTrace line(String name, double[] x, double[] y) {
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name).showLegend(true).build();
    }

    private static ScatterTrace dotted(String name, double[] x, double[] y) {
        return ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE).name(name).showLegend(true).build();
    }

    private static FigureChart chart(String title, String xTitle, String yTitle, List<Trace> traces) {
        Axis xAxis = Axis.builder().title(xTitle).range(0, 1).build();
        Axis yAxis = Axis.builder().title(yTitle).range(0, 1.02).build();
        Layout layout = Layout.builder().title(title).height(420).xAxis(xAxis).yAxis(yAxis).showLegend(true).build();
        return FigureChart.of(new Figure(layout, traces.toArray(new Trace[0])), ScoreCharts::dotReferenceLines);
    }

    /** tablesaw cannot set a line's dash: the reference lines (mode "lines") are drawn dotted and grey here. */
    private static void dotReferenceLines(ObjectNode figure) {
        for (var trace : figure.withArray("data")) {
            if ("lines".equals(trace.path("mode").asText())) {
                ObjectNode line = ((ObjectNode) trace).putObject("line");
                line.put("dash", "dot");
                line.put("width", 1);
            }
        }
    }
}
