package dev.flatline.plots;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flatline.data.ClassCounts;
import dev.flatline.data.LabelledData;
import dev.flatline.evaluation.Metrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;
import tech.tablesaw.plotly.components.Axis;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;
import tech.tablesaw.plotly.components.Margin;
import tech.tablesaw.plotly.traces.BarTrace;
import tech.tablesaw.plotly.traces.HeatmapTrace;

/**
 * The charts of flatline's lessons, one static call each (in the manner of tablesaw's
 * {@code BarPlot}); every chart is built with tablesaw-jsplot and returned as a {@link FigureChart}.
 *
 * <p>Classes are ordered most common first unless the caller gives an order, so imbalance reads
 * left to right (and top to bottom in the confusion matrix); every class of the data appears even
 * when a model never predicts it.
 */
public final class Charts {

    /** Above this ratio of largest to smallest non-zero count, {@link AxisScale#AUTO} picks a log axis. */
    public static final int LOG_SCALE_RATIO = 100;

    private static final String ROWS = "rows";
    private static final int HEIGHT_PX = 400;

    private Charts() {
    }

    /**
     * Bars of rows per class, in the map's order: look for classes so small that a model can ignore
     * them and still score high accuracy. The y axis is logarithmic when the classes differ more
     * than {@value #LOG_SCALE_RATIO}-fold ({@link AxisScale#AUTO}), because on a linear axis such
     * classes (Shuttle's 10-row classes beside 45,586 rows) are invisible; each bar is labelled with
     * its count either way.
     */
    public static FigureChart classDistribution(Map<String, ? extends Number> counts) {
        return classDistribution("Rows per class", counts, AxisScale.AUTO);
    }

    /** {@link #classDistribution(Map)} with the count axis scaled as asked. */
    public static FigureChart classDistribution(Map<String, ? extends Number> counts, AxisScale scale) {
        return classDistribution("Rows per class", counts, scale);
    }

    /** Bars of rows per class of {@link ClassCounts}, most common first; see {@link #classDistribution(Map)}. */
    public static FigureChart classDistribution(ClassCounts counts) {
        if (counts == null) {
            throw new IllegalArgumentException("counts are null; pass ClassCounts.of(dataset)");
        }
        return classDistribution("Rows per class", counts.asMap(), AxisScale.AUTO);
    }

    /**
     * Bars of rows per class of a whole dataset (both parts of its split), most common first: look
     * for classes so small that a model can ignore them and still score high accuracy.
     */
    public static FigureChart classDistribution(LabelledData data) {
        return classDistribution("Rows per class, " + data.name(), data.classCounts().asMap(), AxisScale.AUTO);
    }

    /**
     * Bars of rows per class of a Tribuo dataset, most common first: look for classes so small that
     * a model can ignore them and still score high accuracy.
     */
    public static FigureChart classDistribution(Dataset<Label> dataset) {
        return classDistribution("Rows per class", ClassBars.of(dataset), AxisScale.AUTO);
    }

    /** {@link #classDistribution(Dataset)} with the count axis scaled as asked. */
    public static FigureChart classDistribution(Dataset<Label> dataset, AxisScale scale) {
        return classDistribution("Rows per class", ClassBars.of(dataset), scale);
    }

    /**
     * Bars of rows per class, with a title of your own (say, "Rows per class, training set"): look
     * for classes so small that a model can ignore them; {@code scale} as in {@link #classDistribution(Map)}.
     */
    public static FigureChart classDistribution(String title, Map<String, ? extends Number> counts, AxisScale scale) {
        requireText(title, "title");
        requireCounts(counts);
        if (scale == null) {
            throw new IllegalArgumentException("scale is null; pass AxisScale.AUTO, LINEAR or LOG");
        }
        List<String> classes = new ArrayList<>(counts.keySet());
        double[] values = ClassBars.values(classes, counts);
        boolean log = resolve(scale, values) == AxisScale.LOG;
        String fullTitle = log ? title + " (log scale)" : title;
        BarTrace bars = BarTrace.builder(classes.toArray(), values).name(ROWS).build();
        Figure figure = new Figure(barLayout(fullTitle, log ? ROWS + " (log scale)" : ROWS, log, false), bars);
        return FigureChart.of(figure, node -> {
            labelBars(node, "%{x}: %{y:,} rows<extra></extra>");
            tickDecadesOnly(node, log);
        });
    }

    /**
     * Grouped bars of true and predicted rows per class: a model that collapsed onto one class shows
     * one tall predicted bar and zeros everywhere else, however good its accuracy. Classes appear in
     * order of their true counts, then any only predicted; linear count axis (see
     * {@link #predictedVsTrue(List, List, AxisScale)}).
     */
    public static FigureChart predictedVsTrue(List<String> trueLabels, List<String> predictedLabels) {
        return predictedVsTrue(trueLabels, predictedLabels, AxisScale.LINEAR);
    }

    /**
     * {@link #predictedVsTrue(List, List)} with the count axis scaled as asked. Linear is the default
     * because a class the model never predicts must show as a visible 0, which a log axis cannot draw.
     */
    public static FigureChart predictedVsTrue(List<String> trueLabels, List<String> predictedLabels, AxisScale scale) {
        if (trueLabels == null || predictedLabels == null) {
            throw new IllegalArgumentException("predictedVsTrue needs both the true and the predicted labels; got "
                    + (trueLabels == null ? "null" : trueLabels.size()) + " true and "
                    + (predictedLabels == null ? "null" : predictedLabels.size()) + " predicted");
        }
        if (trueLabels.size() != predictedLabels.size()) {
            throw new IllegalArgumentException("predictedVsTrue needs one prediction per row: got "
                    + trueLabels.size() + " true labels but " + predictedLabels.size() + " predicted labels");
        }
        Map<String, Long> truth = ClassBars.of(trueLabels, "the true labels");
        Map<String, Long> predicted = ClassBars.of(predictedLabels, "the predicted labels");
        return predictedVsTrue(ClassBars.union(truth, predicted), truth, predicted, scale);
    }

    /**
     * Grouped bars of true and predicted rows per class from Tribuo predictions (whose examples carry
     * the true labels): look for classes with true rows but no predictions. Classes the model could
     * predict (its output scores) appear even when never predicted.
     */
    public static FigureChart predictedVsTrue(List<Prediction<Label>> predictions) {
        if (predictions == null || predictions.isEmpty()) {
            throw new IllegalArgumentException("predictions are " + (predictions == null ? "null" : "empty")
                    + "; pass model.predict(testSet)");
        }
        List<String> truth = new ArrayList<>(predictions.size());
        List<String> predicted = new ArrayList<>(predictions.size());
        Map<String, Long> possible = new LinkedHashMap<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction<Label> p = predictions.get(i);
            if (p == null) {
                throw new IllegalArgumentException("prediction " + i + " is null");
            }
            truth.add(ClassBars.labelOf(p.getExample().getOutput(), "the example of prediction " + i));
            predicted.add(ClassBars.labelOf(p.getOutput(), "prediction " + i));
            p.getOutputScores().keySet().forEach(label -> possible.putIfAbsent(label, 0L));
        }
        Map<String, Long> trueCounts = ClassBars.of(truth, "the true labels");
        Map<String, Long> predictedCounts = ClassBars.of(predicted, "the predicted labels");
        List<String> classes = ClassBars.union(trueCounts, predictedCounts);
        possible.keySet().stream().filter(c -> !classes.contains(c)).sorted().forEach(classes::add);
        return predictedVsTrue(classes, trueCounts, predictedCounts, AxisScale.LINEAR);
    }

    /**
     * Grouped bars of true and predicted rows per class of a Tribuo evaluation, every class of the
     * model's domain included: look for classes with true rows but no predictions.
     */
    public static FigureChart predictedVsTrue(LabelEvaluation evaluation) {
        ConfusionMatrix<Label> matrix = confusionOf(evaluation);
        List<Label> classes = bySupport(matrix);
        Map<String, Double> truth = new LinkedHashMap<>();
        Map<String, Double> predicted = new LinkedHashMap<>();
        for (Label column : classes) {
            truth.put(column.getLabel(), matrix.support(column));
            double sum = 0;
            for (Label row : classes) {
                sum += matrix.confusion(column, row);
            }
            predicted.put(column.getLabel(), sum);
        }
        return predictedVsTrue(new ArrayList<>(truth.keySet()), truth, predicted, AxisScale.LINEAR);
    }

    /**
     * Heatmap of a Tribuo evaluation's confusion matrix, true class down, predicted class across,
     * each cell labelled with its row count and coloured by its share of the true class: a healthy
     * model lights the diagonal; a collapsed one lights a single column.
     */
    public static FigureChart confusionMatrix(LabelEvaluation evaluation) {
        return confusionMatrix(evaluation, CellColour.ROW_SHARE);
    }

    /**
     * {@link #confusionMatrix(LabelEvaluation)} with the cell colour chosen: {@link CellColour#ROW_SHARE}
     * (the default, fair to small classes) or {@link CellColour#COUNT}.
     */
    public static FigureChart confusionMatrix(LabelEvaluation evaluation, CellColour colour) {
        if (colour == null) {
            throw new IllegalArgumentException("colour is null; pass CellColour.ROW_SHARE or CellColour.COUNT");
        }
        ConfusionMatrix<Label> matrix = confusionOf(evaluation);
        List<Label> classes = bySupport(matrix);
        int n = classes.size();
        String[] names = classes.stream().map(Label::getLabel).toArray(String[]::new);
        double[][] counts = new double[n][n];
        double[][] colours = new double[n][n];
        double maxCount = 0;
        for (int t = 0; t < n; t++) {
            double support = matrix.support(classes.get(t));
            for (int p = 0; p < n; p++) {
                counts[t][p] = matrix.confusion(classes.get(p), classes.get(t));
                colours[t][p] = colour == CellColour.COUNT ? counts[t][p]
                        : support == 0 ? 0.0 : counts[t][p] / support;
                maxCount = Math.max(maxCount, counts[t][p]);
            }
        }
        HeatmapTrace heatmap = HeatmapTrace.builder(names, names, colours).build();
        Axis predictedAxis = Axis.builder().title("predicted class").type(Axis.Type.CATEGORY).build();
        Axis trueAxis = Axis.builder().title("true class").type(Axis.Type.CATEGORY)
                .autoRange(Axis.AutoRange.REVERSED).build();
        int height = Math.max(HEIGHT_PX, 160 + 40 * n);
        String title = colour == CellColour.ROW_SHARE
                ? "Confusion matrix (colour: share of each true class)"
                : "Confusion matrix (colour: rows)";
        Layout layout = Layout.builder().title(title).height(height)
                .margin(Margin.builder().left(110).bottom(90).top(60).right(40).build())
                .xAxis(predictedAxis).yAxis(trueAxis).build();
        double zMax = colour == CellColour.ROW_SHARE ? 1.0 : Math.max(1.0, maxCount);
        return FigureChart.of(new Figure(layout, heatmap), node -> {
            ObjectNode trace = (ObjectNode) node.withArray("data").get(0);
            ArrayNode text = trace.putArray("text");
            for (double[] row : counts) {
                ArrayNode textRow = text.addArray();
                for (double count : row) {
                    textRow.add(String.format(java.util.Locale.ROOT, "%,d", Math.round(count)));
                }
            }
            trace.put("texttemplate", "%{text}");
            // plotly.js's "Blues" runs dark to light; reversed, the fuller cells are the darker ones.
            trace.put("colorscale", "Blues");
            trace.put("reversescale", true);
            trace.put("zmin", 0);
            trace.put("zmax", zMax);
            trace.put("hovertemplate", colour == CellColour.ROW_SHARE
                    ? "true %{y}, predicted %{x}: %{text} rows (%{z:.1%} of true %{y})<extra></extra>"
                    : "true %{y}, predicted %{x}: %{text} rows<extra></extra>");
            trace.putObject("colorbar").putObject("title")
                    .put("text", colour == CellColour.ROW_SHARE ? "share of row" : ROWS);
        });
    }

    private static FigureChart predictedVsTrue(List<String> classes, Map<String, ? extends Number> truth,
                                               Map<String, ? extends Number> predicted, AxisScale scale) {
        if (scale == null) {
            throw new IllegalArgumentException("scale is null; pass AxisScale.LINEAR, LOG or AUTO");
        }
        Object[] x = classes.toArray();
        double[] trueValues = ClassBars.values(classes, truth);
        double[] predictedValues = ClassBars.values(classes, predicted);
        boolean log = resolve(scale, trueValues) == AxisScale.LOG;
        BarTrace trueBars = BarTrace.builder(x, trueValues).name("true").build();
        BarTrace predictedBars = BarTrace.builder(x, predictedValues).name("predicted").build();
        String title = "True vs predicted rows per class" + (log ? " (log scale)" : "");
        Figure figure = new Figure(barLayout(title, log ? ROWS + " (log scale)" : ROWS, log, true),
                trueBars, predictedBars);
        return FigureChart.of(figure, node -> {
            labelBars(node, "%{x}, %{fullData.name}: %{y:,} rows<extra></extra>");
            tickDecadesOnly(node, log);
            // tablesaw 0.44.4's Layout accepts barMode but never writes it (its template sees no value).
            node.with("layout").put("barmode", "group");
        });
    }

    private static Layout barLayout(String title, String yTitle, boolean log, boolean grouped) {
        Axis xAxis = Axis.builder().title("class").type(Axis.Type.CATEGORY).build();
        Axis yAxis = Axis.builder().title(yTitle).type(log ? Axis.Type.LOG : Axis.Type.LINEAR).build();
        Layout.LayoutBuilder layout = Layout.builder().title(title).height(HEIGHT_PX)
                .margin(Margin.builder().left(70).bottom(90).top(60).right(30).build())
                .xAxis(xAxis).yAxis(yAxis).showLegend(grouped);
        return layout.build();
    }

    /** Writes each bar's count above it, so a 10-row class beside 45,586 rows still shows "10". */
    private static void labelBars(ObjectNode figure, String hoverTemplate) {
        for (var trace : figure.withArray("data")) {
            ObjectNode bar = (ObjectNode) trace;
            ArrayNode text = bar.putArray("text");
            bar.withArray("y").forEach(y -> text.add(String.format(java.util.Locale.ROOT, "%,d", Math.round(y.asDouble()))));
            bar.put("textposition", "outside");
            bar.put("cliponaxis", false);
            bar.put("hovertemplate", hoverTemplate);
        }
    }

    /**
     * On a log count axis, ticks at powers of ten only: plotly's default also labels 2 and 5 within
     * each decade, and over Shuttle's five decades those minor labels crowd into each other.
     */
    private static void tickDecadesOnly(ObjectNode figure, boolean log) {
        if (log) {
            figure.with("layout").with("yaxis").put("dtick", 1);
        }
    }

    private static AxisScale resolve(AxisScale scale, double[] counts) {
        if (scale != AxisScale.AUTO) {
            return scale;
        }
        double max = 0;
        double minNonZero = Double.POSITIVE_INFINITY;
        for (double c : counts) {
            max = Math.max(max, c);
            if (c > 0) {
                minNonZero = Math.min(minNonZero, c);
            }
        }
        return max > LOG_SCALE_RATIO * minNonZero ? AxisScale.LOG : AxisScale.LINEAR;
    }

    private static ConfusionMatrix<Label> confusionOf(LabelEvaluation evaluation) {
        if (evaluation == null) {
            throw new IllegalArgumentException("evaluation is null; pass new LabelEvaluator().evaluate(model, testSet)");
        }
        return evaluation.getConfusionMatrix();
    }

    /** The matrix's classes, most true rows first (ties by name). */
    private static List<Label> bySupport(ConfusionMatrix<Label> matrix) {
        List<Label> classes = new ArrayList<>(matrix.getDomain().getDomain());
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("the evaluation's confusion matrix has no classes");
        }
        classes.sort((a, b) -> {
            int bySupport = Double.compare(matrix.support(b), matrix.support(a));
            return bySupport != 0 ? bySupport : a.getLabel().compareTo(b.getLabel());
        });
        return classes;
    }

    /**
     * Grouped bars of per-class recall for two or more models evaluated on the same test set, one colour
     * per model, legend showing each model's balanced accuracy: the before/after picture of a remedy. A
     * class a model never predicts shows a labelled 0; classes run from most to fewest test rows.
     *
     * @param evaluations model name to its evaluation, in the order to draw ("before" first)
     */
    public static FigureChart recallComparison(Map<String, LabelEvaluation> evaluations) {
        if (evaluations == null || evaluations.isEmpty()) {
            throw new IllegalArgumentException("no evaluations to compare; pass a map from model name to "
                    + "new LabelEvaluator().evaluate(model, testSet), the same test set for every model");
        }
        Map<String, Double> support = new LinkedHashMap<>();
        evaluations.forEach((name, evaluation) -> {
            for (Label label : bySupport(confusionOf(evaluation))) {
                support.merge(label.getLabel(), evaluation.getConfusionMatrix().support(label), Math::max);
            }
        });
        List<String> classes = new ArrayList<>(support.keySet());
        classes.sort((a, b) -> Double.compare(support.get(b), support.get(a)));
        List<BarTrace> traces = new ArrayList<>();
        evaluations.forEach((name, evaluation) -> {
            double[] recall = new double[classes.size()];
            for (int c = 0; c < recall.length; c++) {
                Label label = new Label(classes.get(c));
                boolean known = evaluation.getConfusionMatrix().getDomain().getDomain().contains(label);
                recall[c] = known && evaluation.getConfusionMatrix().support(label) > 0 ? evaluation.recall(label) : 0;
            }
            String legend = String.format(java.util.Locale.ROOT, "%s (balanced accuracy %.3f)", name,
                    Metrics.of(evaluation).balancedAccuracy());
            traces.add(BarTrace.builder(classes.toArray(), recall).name(legend).build());
        });
        Layout layout = barLayout("Recall per class, model by model", "recall", false, true);
        return FigureChart.of(new Figure(layout, traces.toArray(new BarTrace[0])), node -> {
            for (var trace : node.withArray("data")) {
                ObjectNode bar = (ObjectNode) trace;
                ArrayNode text = bar.putArray("text");
                bar.withArray("y").forEach(y -> text.add(String.format(java.util.Locale.ROOT, "%.2f", y.asDouble())));
                bar.put("textposition", "outside");
                bar.put("cliponaxis", false);
                bar.put("hovertemplate", "%{x}, %{fullData.name}: recall %{y:.3f}<extra></extra>");
            }
            node.with("layout").put("barmode", "group");
            node.with("layout").with("yaxis").putArray("range").add(0).add(1.1);
            node.with("layout").putObject("legend").put("orientation", "h").put("y", -0.25);
        });
    }

    /** Most images {@link #images} draws in one row. */
    public static final int IMAGES_PER_ROW = 8;

    /**
     * Small grey-scale images side by side, each captioned, {@value #IMAGES_PER_ROW} to a row: look at
     * what a model is shown (the bundled 8x8 digits, or augmented copies of them). Pixels are given row
     * by row, top row first; all images share one grey scale, white at the smallest value (0, the digits'
     * background, or below) and black at the largest. Plotly heatmaps in a grid of subplots, which tablesaw cannot
     * lay out, so the figure tree is written directly.
     *
     * @param title    the chart's title
     * @param pixels   one array of {@code width * height} values per image
     * @param captions one caption per image (e.g. its class), shown under it
     */
    public static FigureChart images(String title, List<double[]> pixels, List<String> captions, int width,
                                     int height) {
        requireText(title, "title");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("images need a width and height of at least 1 pixel, got "
                    + width + "x" + height);
        }
        if (pixels == null || pixels.isEmpty()) {
            throw new IllegalArgumentException("no images to draw; pass one array of " + width * height
                    + " pixel values per image");
        }
        if (captions == null || captions.size() != pixels.size()) {
            throw new IllegalArgumentException("images needs one caption per image: got " + pixels.size()
                    + " images and " + (captions == null ? "no" : captions.size()) + " captions");
        }
        double min = 0;
        double max = 0;
        for (int i = 0; i < pixels.size(); i++) {
            double[] image = pixels.get(i);
            if (image == null || image.length != width * height) {
                throw new IllegalArgumentException("image " + i + " has " + (image == null ? "no" : image.length)
                        + " pixel values; a " + width + "x" + height + " image has " + width * height);
            }
            for (double v : image) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("image " + i + " has a pixel value of " + v
                            + "; pixels must be finite");
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        int columns = Math.min(IMAGES_PER_ROW, pixels.size());
        int rows = (pixels.size() + columns - 1) / columns;
        com.fasterxml.jackson.databind.node.JsonNodeFactory json =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        ObjectNode figure = json.objectNode();
        ArrayNode data = figure.putArray("data");
        ObjectNode layout = figure.putObject("layout");
        layout.putObject("title").put("text", title);
        layout.putObject("grid").put("rows", rows).put("columns", columns).put("pattern", "independent");
        layout.put("height", 90 + 130 * rows);
        layout.putObject("margin").put("t", 50).put("b", 30).put("l", 20).put("r", 20);
        for (int i = 0; i < pixels.size(); i++) {
            String suffix = i == 0 ? "" : Integer.toString(i + 1);
            ObjectNode trace = data.addObject().put("type", "heatmap").put("xaxis", "x" + suffix)
                    .put("yaxis", "y" + suffix).put("showscale", false).put("zmin", min).put("zmax", max)
                    // plotly.js's "Greys" runs black to white; reversed, 0 is white and ink is dark.
                    .put("colorscale", "Greys").put("reversescale", true).put("name", captions.get(i))
                    .put("hovertemplate", "row %{y}, column %{x}: %{z}<extra>" + Html.escape(captions.get(i))
                            + "</extra>");
            ArrayNode z = trace.putArray("z");
            double[] image = pixels.get(i);
            for (int r = 0; r < height; r++) {
                ArrayNode row = z.addArray();
                for (int c = 0; c < width; c++) {
                    row.add(image[r * width + c]);
                }
            }
            ObjectNode x = layout.putObject("xaxis" + suffix).put("showticklabels", false).put("ticks", "").put("showgrid", false)
                    .put("zeroline", false).put("constrain", "domain");
            x.putObject("title").put("text", captions.get(i)).putObject("font").put("size", 12);
            // Square pixels, the top row of the image at the top.
            layout.putObject("yaxis" + suffix).put("showticklabels", false).put("ticks", "").put("showgrid", false)
                    .put("zeroline", false).put("autorange", "reversed").put("scaleanchor", "x" + suffix)
                    .put("constrain", "domain");
        }
        return FigureChart.ofFigureTree(figure);
    }

    private static void requireCounts(Map<String, ? extends Number> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new IllegalArgumentException("class counts are " + (counts == null ? "null" : "empty")
                    + "; pass a map from class label to its number of rows");
        }
        counts.forEach((label, count) -> {
            if (label == null) {
                throw new IllegalArgumentException("class counts contain a null class label");
            }
            if (count == null || !Double.isFinite(count.doubleValue()) || count.doubleValue() < 0) {
                throw new IllegalArgumentException("class '" + label + "' has count " + count
                        + "; counts must be finite and not negative");
            }
        });
    }

    private static void requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is " + (text == null ? "null" : "blank") + "; give the chart a "
                    + what);
        }
    }

    /** Precision-recall curves of binary scores; see {@link ScoreCharts#precisionRecall(Map)}. */
    public static FigureChart precisionRecall(Map<String, dev.flatline.remedies.BinaryScores> scores) {
        return ScoreCharts.precisionRecall(scores);
    }

    /** ROC curves of binary scores; see {@link ScoreCharts#roc(Map)}. */
    public static FigureChart roc(Map<String, dev.flatline.remedies.BinaryScores> scores) {
        return ScoreCharts.roc(scores);
    }

    /** Reliability diagram of binary scores in 10 bins; see {@link ScoreCharts#reliability(Map, int)}. */
    public static FigureChart reliability(Map<String, dev.flatline.remedies.BinaryScores> scores) {
        return ScoreCharts.reliability(scores, 10);
    }
}
