package dev.flatline.plots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flatline.nn.EpochRecord;
import dev.flatline.nn.LearningRateRangeTest;
import dev.flatline.nn.TrainingHistory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.traces.ScatterTrace;
import tech.tablesaw.plotly.traces.Trace;

/**
 * Charts of a network's {@link TrainingHistory}: loss curves (R9), each class's share of the
 * predictions per epoch (B4: watch a collapse onto one class happen), per-layer gradient norms (B7),
 * dead ReLU units per layer (R16), and the learning-rate range test (B8).
 */
public final class TrainingCharts {
    /**
     * Class colours: plotly's default colours without its grey (grey reads as "other" or "disabled",
     * and on Shuttle it fell on the majority class), then lighter tones for datasets with more classes.
     */
    private static final String[] CLASS_COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#bcbd22", "#17becf",
        "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5"};

    private TrainingCharts() {
    }

    /** The colour of the class at {@code index} in a history's class order, the same in every chart. */
    static String classColour(int index) {
        return CLASS_COLOURS[Math.floorMod(index, CLASS_COLOURS.length)];
    }

    /** Training and validation loss per epoch; the loss at initialisation is the point at epoch 0. */
    public static FigureChart lossCurves(TrainingHistory history) {
        List<EpochRecord> es = epochs(history);
        double[] x = epochAxis(es.size() + 1, 0);
        double[] train = new double[es.size() + 1];
        train[0] = history.initialLoss();
        for (int i = 0; i < es.size(); i++) {
            train[i + 1] = es.get(i).trainLoss();
        }
        List<Trace> traces = new ArrayList<>();
        traces.add(line("training loss", x, train));
        double[] val = es.stream().mapToDouble(EpochRecord::validationLoss).toArray();
        if (Arrays.stream(val).anyMatch(Double::isFinite)) {
            traces.add(line("validation loss", epochAxis(es.size(), 1), val));
        }
        // Log scale: the loss at initialisation and in the first epoch is often many times the later
        // losses; on a linear axis it flattens the rest of the curve.
        return chart("Loss per epoch (epoch 0: at initialisation, ln K = "
                + String.format("%.3f", history.expectedInitialLoss()) + ")", "epoch", "loss (log scale)", true,
                traces);
    }

    /**
     * Each class's share of the validation predictions per epoch (of the training minibatch predictions
     * without a validation split): a healthy model tracks the true class shares; a collapsed one shows
     * one line at 1 and the others at 0.
     */
    public static FigureChart predictedShares(TrainingHistory history) {
        List<EpochRecord> es = epochs(history);
        double[] x = epochAxis(es.size(), 1);
        List<Trace> traces = new ArrayList<>();
        List<String> names = history.classNames();
        for (int c = 0; c < names.size(); c++) {
            double[] y = new double[es.size()];
            for (int i = 0; i < es.size(); i++) {
                y[i] = es.get(i).predictedShares()[c];
            }
            traces.add(line(names.get(c), x, y));
        }
        return chart("Share of predictions per class", "epoch", "share of predictions", false, traces, false,
                figure -> {
                    int c = 0;
                    for (JsonNode trace : figure.withArray("data")) {
                        String colour = classColour(c++);
                        ((ObjectNode) trace).putObject("line").put("color", colour);
                        ((ObjectNode) trace).putObject("marker").put("color", colour);
                    }
                });
    }

    /** The mean gradient norm of each weight layer per epoch, on a log axis (vanishing or exploding, B7). */
    public static FigureChart gradientNorms(TrainingHistory history) {
        List<EpochRecord> es = epochs(history);
        int layers = es.get(0).gradientNorms().length;
        List<Trace> traces = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double[] y = new double[es.size()];
            for (int i = 0; i < es.size(); i++) {
                y[i] = Math.max(es.get(i).gradientNorms()[l], 1e-12);
            }
            traces.add(line(l == layers - 1 ? "output layer" : "layer " + (l + 1), epochAxis(es.size(), 1), y));
        }
        return chart("Gradient norm per layer", "epoch", "gradient norm (log scale)", true, traces);
    }

    /** The share of hidden units that output zero for every probed example, per hidden layer (R16). */
    public static FigureChart deadUnits(TrainingHistory history) {
        List<EpochRecord> es = epochs(history);
        int layers = es.get(0).deadUnitFractions().length;
        if (layers == 0) {
            throw new IllegalArgumentException("the network has no hidden layers, so no units can die");
        }
        List<Trace> traces = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            double[] y = new double[es.size()];
            for (int i = 0; i < es.size(); i++) {
                y[i] = es.get(i).deadUnitFractions()[l];
            }
            traces.add(line("hidden layer " + (l + 1), epochAxis(es.size(), 1), y));
        }
        return chart("Dead units per hidden layer", "epoch", "share of units never active", false, traces);
    }

    /** Smoothed loss against learning rate (log axis); pick a rate on the steep descent (B8). */
    public static FigureChart learningRateRange(LearningRateRangeTest test) {
        return chart("Learning-rate range test (suggested " + String.format("%.2g", test.suggestedLearningRate()) + ")",
                "learning rate (log scale)", "smoothed loss", false,
                List.of(line("loss", test.learningRates(), test.losses())), true);
    }

    private static List<EpochRecord> epochs(TrainingHistory history) {
        if (history == null) {
            throw new IllegalArgumentException("history is null; pass model.history()");
        }
        if (history.epochs().isEmpty()) {
            throw new IllegalArgumentException("the history has no finished epoch to draw: " + history.stopMessage());
        }
        return history.epochs();
    }

    private static double[] epochAxis(int n, int first) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = first + i;
        }
        return x;
    }

    private static ScatterTrace line(String name, double[] x, double[] y) {
        double[] clean = Arrays.stream(y).map(v -> Double.isFinite(v) ? v : 0).toArray();
        return ScatterTrace.builder(x, clean).mode(ScatterTrace.Mode.LINE_AND_MARKERS).name(name).showLegend(true).build();
    }

    private static FigureChart chart(String title, String xTitle, String yTitle, boolean logY, List<Trace> traces) {
        return chart(title, xTitle, yTitle, logY, traces, false);
    }

    private static FigureChart chart(String title, String xTitle, String yTitle, boolean logY, List<Trace> traces,
                                     boolean logX) {
        return chart(title, xTitle, yTitle, logY, traces, logX, figure -> { });
    }

    private static FigureChart chart(String title, String xTitle, String yTitle, boolean logY, List<Trace> traces,
                                     boolean logX, Consumer<ObjectNode> refine) {
        Axis.AxisBuilder xAxis = Axis.builder().title(xTitle);
        if (logX) {
            xAxis.type(Axis.Type.LOG);
        }
        Axis.AxisBuilder yAxis = Axis.builder().title(yTitle);
        if (logY) {
            yAxis.type(Axis.Type.LOG);
        }
        Layout layout = Layout.builder().title(title).xAxis(xAxis.build()).yAxis(yAxis.build()).showLegend(true).build();
        return FigureChart.of(new Figure(layout, traces.toArray(new Trace[0])), refine);
    }
}
