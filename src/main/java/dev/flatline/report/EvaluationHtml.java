package dev.flatline.report;

import dev.flatline.evaluation.Metrics;
import dev.flatline.plots.Html;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.ConfusionMatrix;
import org.tribuo.classification.evaluation.LabelEvaluation;

/**
 * HTML views of Tribuo's classification evaluation: the headline metrics that expose a
 * majority-class predictor (accuracy next to balanced accuracy and macro-F1), the per-class
 * table and the confusion matrix.
 *
 * <p>Used by the notebook kernel to show a {@link LabelEvaluation} as a cell result and by the
 * checkup report, so both look the same. The output is an HTML fragment with no scripts and no
 * external styles; every label is escaped.
 */
public final class EvaluationHtml {

    private EvaluationHtml() {
    }

    /**
     * The whole evaluation: accuracy, balanced accuracy ({@link Metrics}'s, the one flatline quotes
     * everywhere, not Tribuo's {@code 1 - balancedErrorRate()}), macro-F1,
     * a per-class precision / recall / F1 / support table and the confusion matrix.
     */
    public static String evaluation(LabelEvaluation evaluation) {
        Objects.requireNonNull(evaluation, "evaluation must not be null");
        ConfusionMatrix<Label> matrix = evaluation.getConfusionMatrix();
        List<Label> labels = labelOrder(matrix);
        StringBuilder html = new StringBuilder(2048);
        html.append("<div class=\"flatline-evaluation\">\n");
        html.append("<table class=\"flatline-metrics\">\n<tbody>\n");
        metricRow(html, "Accuracy", evaluation.accuracy());
        metricRow(html, "Balanced accuracy", Metrics.of(evaluation).balancedAccuracy());
        metricRow(html, "Macro-averaged F1", evaluation.macroAveragedF1());
        html.append("</tbody>\n</table>\n");

        html.append("<table class=\"flatline-per-class\">\n<thead><tr><th>Class</th><th>Precision</th>")
                .append("<th>Recall</th><th>F1</th><th>Support</th></tr></thead>\n<tbody>\n");
        for (Label label : labels) {
            html.append("<tr><th>").append(Html.escape(label.getLabel())).append("</th>")
                    .append(cell(format(evaluation.precision(label))))
                    .append(cell(format(evaluation.recall(label))))
                    .append(cell(format(evaluation.f1(label))))
                    .append(cell(count(matrix.support(label))))
                    .append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        html.append(confusionMatrix(matrix));
        html.append("</div>\n");
        return html.toString();
    }

    /**
     * The confusion matrix as a table: one row per true class, one column per predicted class,
     * each cell the number of examples of that true class given that prediction.
     */
    public static String confusionMatrix(ConfusionMatrix<Label> matrix) {
        Objects.requireNonNull(matrix, "matrix must not be null");
        List<Label> labels = labelOrder(matrix);
        StringBuilder html = new StringBuilder(1024);
        html.append("<table class=\"flatline-confusion\">\n<caption>Confusion matrix (rows: true class,")
                .append(" columns: predicted class)</caption>\n<thead><tr><th>true \\ predicted</th>");
        for (Label predicted : labels) {
            html.append("<th>").append(Html.escape(predicted.getLabel())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (Label truth : labels) {
            html.append("<tr><th>").append(Html.escape(truth.getLabel())).append("</th>");
            for (Label predicted : labels) {
                html.append(cell(count(matrix.confusion(predicted, truth))));
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }

    /**
     * Largest true class first, ties by name: the order of flatline's charts, so a table and a chart
     * of the same evaluation line up, and the classes a collapsed model ignores sit at the bottom.
     */
    static List<Label> labelOrder(ConfusionMatrix<Label> matrix) {
        List<Label> labels = new ArrayList<>(matrix.getDomain().getDomain());
        labels.sort(Comparator.comparingDouble((Label l) -> -matrix.support(l)).thenComparing(Label::getLabel));
        return labels;
    }

    private static void metricRow(StringBuilder html, String name, double value) {
        html.append("<tr><th>").append(name).append("</th>").append(cell(format(value))).append("</tr>\n");
    }

    private static String cell(String text) {
        return "<td>" + text + "</td>";
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static String count(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
