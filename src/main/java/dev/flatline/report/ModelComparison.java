package dev.flatline.report;

import dev.flatline.evaluation.Metrics;
import dev.flatline.plots.Html;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Before/after evidence for a remedy: two or more models evaluated on the same test set, side by side
 * — accuracy, balanced accuracy, macro-F1, the number of classes never predicted, and the recall of
 * every class (recipes R22, R23). The numbers are Tribuo's {@link LabelEvaluator}'s, except balanced
 * accuracy, which is {@link Metrics}'s; this class only lines them up. Show it as a Tablesaw {@link #table()} (the notebook kernel renders tables), as
 * {@link #toHtml()} in a report, or as a chart with {@code Charts.recallComparison(comparison.evaluations())}.
 *
 * <p>Classes are ordered by test rows, most first (as flatline's charts order them); models keep the
 * order they were given in.
 */
public final class ModelComparison {

    private final Map<String, LabelEvaluation> evaluations;
    private final List<String> classes;

    private ModelComparison(Map<String, LabelEvaluation> evaluations) {
        this.evaluations = Collections.unmodifiableMap(new LinkedHashMap<>(evaluations));
        Map<String, Double> support = new TreeMap<>();
        for (LabelEvaluation evaluation : evaluations.values()) {
            ConfusionMatrix<Label> matrix = evaluation.getConfusionMatrix();
            for (Label label : matrix.getDomain().getDomain()) {
                support.merge(label.getLabel(), matrix.support(label), Math::max);
            }
        }
        List<String> ordered = new ArrayList<>(support.keySet());
        ordered.sort((a, b) -> Double.compare(support.get(b), support.get(a)));
        this.classes = List.copyOf(ordered);
    }

    /**
     * Evaluates each model on {@code test} (the same rows for all, which is what makes the comparison
     * fair), keeping the map's order ("before" first, say).
     */
    public static ModelComparison evaluate(Dataset<Label> test, Map<String, ? extends Model<Label>> models) {
        if (test == null || test.size() == 0) {
            throw new IllegalArgumentException("the test set is " + (test == null ? "null" : "empty")
                    + "; pass the held-out part of the data, the same for every model");
        }
        requireModels(models);
        LabelEvaluator evaluator = new LabelEvaluator();
        Map<String, LabelEvaluation> evaluations = new LinkedHashMap<>();
        models.forEach((name, model) -> {
            if (model == null) {
                throw new IllegalArgumentException("model '" + name + "' is null");
            }
            evaluations.put(name, evaluator.evaluate(model, test));
        });
        return new ModelComparison(evaluations);
    }

    /** Lines up evaluations already made (on the same test set: this cannot check that). */
    public static ModelComparison of(Map<String, LabelEvaluation> evaluations) {
        requireModels(evaluations);
        evaluations.forEach((name, evaluation) -> {
            if (evaluation == null) {
                throw new IllegalArgumentException("the evaluation of model '" + name + "' is null");
            }
        });
        return new ModelComparison(evaluations);
    }

    /** The evaluations, by model name, in the order given (what {@code Charts.recallComparison} takes). */
    public Map<String, LabelEvaluation> evaluations() {
        return evaluations;
    }

    /** Model names, in the order given. */
    public List<String> models() {
        return List.copyOf(evaluations.keySet());
    }

    /** Every class of any model's domain, most test rows first. */
    public List<String> classes() {
        return classes;
    }

    /** Share of test rows predicted right. */
    public double accuracy(String model) {
        return evaluation(model).accuracy();
    }

    /**
     * Mean recall over the classes present in the test set, {@link Metrics}'s balanced accuracy (the one
     * the checkup quotes too, not Tribuo's {@code 1 - balancedErrorRate()}, which also averages in classes
     * missing from the test set): 1/K for a model that predicts one class.
     */
    public double balancedAccuracy(String model) {
        return Metrics.of(evaluation(model)).balancedAccuracy();
    }

    /** Macro-averaged F1 over the model's classes. */
    public double macroF1(String model) {
        return evaluation(model).macroAveragedF1();
    }

    /** Recall of one class (0 when the model never predicts it; NaN when the test set lacks it). */
    public double recall(String model, String label) {
        LabelEvaluation evaluation = evaluation(model);
        Label key = new Label(label);
        if (!evaluation.getConfusionMatrix().getDomain().getDomain().contains(key)) {
            return 0.0;
        }
        return evaluation.getConfusionMatrix().support(key) == 0 ? Double.NaN : evaluation.recall(key);
    }

    /**
     * Test rows of one class (its support), the same for every model: a recall rests on this many rows,
     * and one row moves it by {@code 1/support}. 0 for a class no model's domain holds.
     */
    public int support(String label) {
        Label key = new Label(label);
        double most = 0;
        for (LabelEvaluation evaluation : evaluations.values()) {
            ConfusionMatrix<Label> matrix = evaluation.getConfusionMatrix();
            if (matrix.getDomain().getDomain().contains(key)) {
                most = Math.max(most, matrix.support(key));
            }
        }
        return (int) most;
    }

    /** Classes with test rows that the model never predicted, in {@link #classes()} order. */
    public List<String> neverPredicted(String model) {
        ConfusionMatrix<Label> matrix = evaluation(model).getConfusionMatrix();
        Map<String, Double> predicted = new TreeMap<>();
        for (Label p : matrix.getDomain().getDomain()) {
            double sum = 0;
            for (Label t : matrix.getDomain().getDomain()) {
                sum += matrix.confusion(p, t);
            }
            predicted.put(p.getLabel(), sum);
        }
        List<String> never = new ArrayList<>();
        for (String label : classes) {
            if (predicted.getOrDefault(label, 0.0) == 0.0) {
                never.add(label);
            }
        }
        return never;
    }

    /**
     * One row per measure, one column per model: accuracy, balanced accuracy, macro-F1, classes never
     * predicted, then "recall &lt;class&gt;" for every class; the last column, "test rows", gives each
     * recall's support (one row moves a recall by 1/support), blank for the other measures.
     */
    public Table table() {
        List<String> measures = new ArrayList<>(List.of("accuracy", "balanced accuracy", "macro-F1",
                "classes never predicted"));
        classes.forEach(label -> measures.add("recall " + label));
        Table table = Table.create("Model comparison").addColumns(StringColumn.create("measure", measures));
        for (String model : evaluations.keySet()) {
            double[] values = new double[measures.size()];
            values[0] = accuracy(model);
            values[1] = balancedAccuracy(model);
            values[2] = macroF1(model);
            values[3] = neverPredicted(model).size();
            for (int c = 0; c < classes.size(); c++) {
                values[4 + c] = recall(model, classes.get(c));
            }
            table.addColumns(DoubleColumn.create(model, values));
        }
        DoubleColumn support = DoubleColumn.create("test rows", measures.size());
        for (int c = 0; c < classes.size(); c++) {
            support.set(4 + c, support(classes.get(c)));
        }
        return table.addColumns(support);
    }

    /** The same as {@link #table()} as an HTML fragment (no scripts), never-predicted classes named. */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"flatline-comparison\">\n<thead><tr><th>measure</th>");
        evaluations.keySet().forEach(model -> html.append("<th>").append(Html.escape(model)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        row(html, "accuracy", this::accuracy);
        row(html, "balanced accuracy", this::balancedAccuracy);
        row(html, "macro-F1", this::macroF1);
        html.append("<tr><th>classes never predicted</th>");
        for (String model : evaluations.keySet()) {
            List<String> never = neverPredicted(model);
            html.append("<td>").append(never.size()).append(never.isEmpty() ? "" : " ("
                    + Html.escape(String.join(", ", never)) + ")").append("</td>");
        }
        html.append("</tr>\n");
        for (String label : classes) {
            row(html, "recall " + label, model -> recall(model, label));
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ModelComparison[");
        for (String model : evaluations.keySet()) {
            text.append(String.format(Locale.ROOT, "%s: balanced accuracy %.4f, never predicted %s; ", model,
                    balancedAccuracy(model), neverPredicted(model)));
        }
        return text.substring(0, text.length() - 2) + "]";
    }

    private void row(StringBuilder html, String measure, java.util.function.ToDoubleFunction<String> value) {
        html.append("<tr><th>").append(Html.escape(measure)).append("</th>");
        for (String model : evaluations.keySet()) {
            double v = value.applyAsDouble(model);
            html.append("<td>").append(Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v)).append("</td>");
        }
        html.append("</tr>\n");
    }

    private LabelEvaluation evaluation(String model) {
        LabelEvaluation evaluation = evaluations.get(model);
        if (evaluation == null) {
            throw new IllegalArgumentException("no model named '" + model + "'; the models are " + models());
        }
        return evaluation;
    }

    private static void requireModels(Map<String, ?> models) {
        if (models == null || models.isEmpty()) {
            throw new IllegalArgumentException("no models to compare; pass a map from a name (\"before\", "
                    + "\"class weights\") to each model");
        }
    }
}
