package dev.flatline.report;

import dev.flatline.checks.LearningCurve;
import dev.flatline.checks.RateSweep;
import dev.flatline.checks.Diagnosis;
import dev.flatline.checks.Trial;
import dev.flatline.plots.AxisScale;
import dev.flatline.plots.Chart;
import dev.flatline.plots.Charts;
import dev.flatline.plots.FigureChart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * The charts of a checkup report: class distribution, predicted vs true, per-class recall before and
 * after the root cause's remedy, the learning-rate sweep and the learning curve (each only when the
 * report has its numbers).
 */
public final class ReportCharts {

    private ReportCharts() {
    }

    /** Every chart the report has numbers for, in reading order. */
    public static List<Chart> all(Diagnosis report) {
        List<Chart> charts = new ArrayList<>();
        charts.add(Charts.classDistribution("Training rows per class", report.classCounts(), AxisScale.AUTO));
        charts.add(Charts.predictedVsTrue(report.metrics().trueLabels(), report.metrics().predictedLabels()));
        report.rootCauseTrial().ifPresent(t -> charts.add(recallBeforeAfter(t)));
        report.rateSweep().ifPresent(s -> charts.add(rateSweep(s)));
        report.learningCurve().ifPresent(c -> charts.add(learningCurve(c)));
        return charts;
    }

    /** Grouped bars of each class's test recall without and with a remedy. */
    public static FigureChart recallBeforeAfter(Trial trial) {
        List<String> classes = new ArrayList<>(trial.before().recall().keySet());
        double[] before = classes.stream().mapToDouble(c -> trial.before().recall().get(c)).toArray();
        double[] after = classes.stream().mapToDouble(c -> trial.after().recall().getOrDefault(c, 0.0)).toArray();
        Object[] x = classes.toArray();
        Layout layout = Layout.builder().title("Recall per class before and after: " + trial.change())
                .xAxis(Axis.builder().title("class").type(Axis.Type.CATEGORY).build())
                .yAxis(Axis.builder().title("test recall").build()).showLegend(true).height(400).build();
        return FigureChart.of(new Figure(layout, BarTrace.builder(x, before).name("before").build(),
                BarTrace.builder(x, after).name("after").build()));
    }

    /** Test balanced accuracy against the learning rate, log axis; the trainer's rate marked. */
    public static FigureChart rateSweep(RateSweep sweep) {
        double[] current = {sweep.current()};
        double[] currentY = {sweep.balancedAccuracy()[sweep.currentIndex()]};
        return lines("Learning-rate sweep (" + sweep.rows() + " training rows each)", "learning rate (log scale)",
                "test balanced accuracy", true,
                line("balanced accuracy", sweep.rates(), sweep.balancedAccuracy(), ScatterTrace.Mode.LINE_AND_MARKERS),
                line("the trainer's rate", current, currentY, ScatterTrace.Mode.MARKERS));
    }

    /** Training and test balanced accuracy against training rows. */
    public static FigureChart learningCurve(LearningCurve curve) {
        double[] rows = Arrays.stream(curve.rows()).asDoubleStream().toArray();
        return lines("Learning curve", "training rows", "balanced accuracy", false,
                line("on its training rows", rows, curve.trainBalancedAccuracy(), ScatterTrace.Mode.LINE_AND_MARKERS),
                line("on the test part", rows, curve.testBalancedAccuracy(), ScatterTrace.Mode.LINE_AND_MARKERS));
    }

    static ScatterTrace line(String name, double[] x, double[] y, ScatterTrace.Mode mode) {
        double[] clean = Arrays.stream(y).map(v -> Double.isFinite(v) ? v : 0).toArray();
        return ScatterTrace.builder(x, clean).mode(mode).name(name).showLegend(true).build();
    }

    static FigureChart lines(String title, String xTitle, String yTitle, boolean logX, Trace... traces) {
        Axis.AxisBuilder xAxis = Axis.builder().title(xTitle);
        if (logX) {
            xAxis.type(Axis.Type.LOG);
        }
        Layout layout = Layout.builder().title(title).xAxis(xAxis.build())
                .yAxis(Axis.builder().title(yTitle).build()).showLegend(true).height(400).build();
        return FigureChart.of(new Figure(layout, traces));
    }
}
