package dev.flatline.plots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Line and scatter charts of numbers a notebook computed: scores against a setting (a learning-rate
 * sweep, a learning curve, a strength {@code τ}), losses per epoch, and rows of one class on two
 * features. One static call each, so a notebook cell shows what is drawn rather than how.
 */
public final class SeriesCharts {

    private SeriesCharts() {
    }

    /**
     * Named series against one x axis, lines with markers, in the map's order (a
     * {@code LinkedHashMap} keeps it). A logarithmic x axis when {@code logX}.
     *
     * @throws IllegalArgumentException if a series has not as many values as {@code x}
     */
    public static FigureChart lines(String title, String xTitle, boolean logX, String yTitle, double[] x,
                                    Map<String, double[]> series) {
        if (x == null || x.length == 0 || series == null || series.isEmpty()) {
            throw new IllegalArgumentException("nothing to draw: pass x values and at least one named series");
        }
        List<Trace> traces = new ArrayList<>();
        series.forEach((name, y) -> {
            if (y == null || y.length != x.length) {
                throw new IllegalArgumentException("series '" + name + "' has " + (y == null ? 0 : y.length)
                        + " values for " + x.length + " x values; give one value per x");
            }
            traces.add(ScatterTrace.builder(x, y).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name).build());
        });
        Axis xAxis = Axis.builder().title(xTitle).type(logX ? Axis.Type.LOG : Axis.Type.LINEAR).build();
        Layout layout = Layout.builder().title(title).xAxis(xAxis).yAxis(Axis.builder().title(yTitle).build())
                .showLegend(true).build();
        return FigureChart.of(new Figure(layout, traces.toArray(Trace[]::new)));
    }

    /**
     * Rows on two features, one group of points per map entry (say "real rows" and "synthetic rows"),
     * at most {@code maxPerGroup} points per group (the first ones; the legend says how many there
     * were). A feature absent from a row (Tribuo's implicit zero) is drawn at 0.
     */
    public static FigureChart featureScatter(String title, String xFeature, String yFeature,
                                             Map<String, ? extends Iterable<Example<Label>>> groups,
                                             int maxPerGroup) {
        if (groups == null || groups.isEmpty() || maxPerGroup < 1) {
            throw new IllegalArgumentException("nothing to draw: pass at least one group of rows and a "
                    + "maximum of at least 1 point per group");
        }
        List<Trace> traces = new ArrayList<>();
        groups.forEach((name, rows) -> {
            List<double[]> points = new ArrayList<>();
            for (Example<Label> row : rows) {
                points.add(new double[] {value(row, xFeature), value(row, yFeature)});
            }
            int shown = Math.min(maxPerGroup, points.size());
            double[] xs = new double[shown];
            double[] ys = new double[shown];
            for (int i = 0; i < shown; i++) {
                xs[i] = points.get(i)[0];
                ys[i] = points.get(i)[1];
            }
            String label = shown < points.size() ? name + " (" + shown + " of " + points.size() + ")"
                    : name + " (" + points.size() + ")";
            traces.add(ScatterTrace.builder(xs, ys).mode(ScatterTrace.Mode.MARKERS).name(label).opacity(0.6)
                    .build());
        });
        Layout layout = Layout.builder().title(title).showLegend(true)
                .xAxis(Axis.builder().title(xFeature).build()).yAxis(Axis.builder().title(yFeature).build())
                .build();
        return FigureChart.of(new Figure(layout, traces.toArray(Trace[]::new)));
    }

    private static double value(Example<Label> row, String feature) {
        Feature f = row.lookup(feature);
        return f == null ? 0 : f.getValue();
    }
}
