package dev.flatline.report;

import dev.flatline.checks.CheckResult;
import dev.flatline.checks.Finding;
import dev.flatline.checks.Repair;
import dev.flatline.checks.Diagnosis;
import dev.flatline.checks.Trial;
import dev.flatline.evaluation.Metrics;
import dev.flatline.plots.Chart;
import dev.flatline.plots.Html;
import dev.flatline.plots.PlotlyJs;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A checkup {@link Diagnosis} as HTML: the likely root cause with its before/after numbers, the model's
 * metrics, the charts, every finding with its evidence and remedy, the remedies tried and each
 * check's outcome and time. {@link #page(Diagnosis)} is one self-contained file that draws its charts
 * offline (plotly.js inlined once); {@link #fragment(Diagnosis)} is the same body for a notebook, where
 * the kernel supplies plotly.js. Everything from the user's data is escaped.
 */
public final class ReportHtml {

    private static final String STYLE = "<style>\n"
            + ".flatline-report{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;"
            + "color:#222;line-height:1.45}\n"
            + ".flatline-report table{border-collapse:collapse;margin:0.5em 0}\n"
            + ".flatline-report th,.flatline-report td{border:1px solid #ddd;padding:3px 8px;text-align:left;"
            + "vertical-align:top}\n"
            + ".flatline-report code{background:#f4f4f4;padding:1px 4px}\n"
            + ".flatline-root{border-left:6px solid #c0392b;background:#fdf2f0;padding:0.5em 1em;margin:1em 0}\n"
            + ".flatline-sev{display:inline-block;min-width:4.5em;text-align:center;border-radius:3px;color:#fff;"
            + "font-size:0.85em;padding:0 4px}\n"
            + ".sev-high{background:#c0392b}.sev-medium{background:#d68910}.sev-low{background:#2e86c1}"
            + ".sev-info{background:#7f8c8d}\n"
            + ".flatline-finding{border:1px solid #ddd;border-radius:4px;padding:0.4em 0.8em;margin:0.6em 0}\n"
            + "</style>\n";

    private ReportHtml() {
    }

    /** A whole HTML page, self-contained: draws its charts with no network. */
    public static String page(Diagnosis report) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>flatline checkup: "
                + Html.escape(report.dataset()) + "</title>\n" + STYLE + PlotlyJs.loaderHtml()
                + "</head>\n<body>\n" + body(report) + "</body></html>\n";
    }

    /** The report's body for a page that already has (or will get) plotly.js, e.g. a notebook output. */
    public static String fragment(Diagnosis report) {
        return STYLE + body(report);
    }

    private static String body(Diagnosis report) {
        StringBuilder h = new StringBuilder(16384);
        h.append("<div class=\"flatline-report\">\n<h1>flatline checkup: ").append(esc(report.dataset())).append("</h1>\n");
        h.append("<p>").append(report.trainRows()).append(" training rows, ").append(report.testRows())
                .append(" test rows, ").append(report.features().size()).append(" features, ")
                .append(report.classCounts().size()).append(" classes (target <code>").append(esc(report.target()))
                .append("</code>").append(report.standardised() ? ", standardised" : "").append("). Trainer: <code>")
                .append(esc(report.trainer())).append("</code>. Checked in ")
                .append(fmt("%.1f", report.elapsedSeconds())).append(" s.</p>\n");
        List<String> features = report.features();
        h.append("<p>Features: ").append(esc(String.join(", ", features.subList(0, Math.min(30, features.size())))))
                .append(features.size() > 30 ? " and " + (features.size() - 30) + " more" : "").append(".</p>\n");
        rootCause(h, report);
        h.append("<h2>The model on the test part</h2>\n");
        metricsTable(h, List.of("model"), List.of(report.metrics()));
        perClassTable(h, report);
        h.append("<h2>Charts</h2>\n");
        for (Chart chart : ReportCharts.all(report)) {
            h.append(chart.toHtml()).append('\n');
        }
        h.append("<h2>Findings (").append(report.findings().size()).append(")</h2>\n");
        for (Finding f : report.findings()) {
            finding(h, f, report.trials().stream().filter(t -> t.finding().equals(f.id())).findFirst());
        }
        if (!report.trials().isEmpty()) {
            h.append("<h2>Remedies tried</h2>\n<table><thead><tr><th>finding</th><th>change</th><th>training rows</th>"
                    + "<th>balanced accuracy before → after</th><th>macro-F1 before → after</th>"
                    + "<th>classes never predicted before → after</th></tr></thead><tbody>\n");
            for (Trial t : report.trials()) {
                h.append("<tr><td>").append(esc(t.finding())).append("</td><td>").append(esc(t.change()))
                        .append("</td><td>").append(t.rows()).append("</td><td>")
                        .append(fmt("%.3f → %.3f", t.before().balancedAccuracy(), t.after().balancedAccuracy()))
                        .append("</td><td>").append(fmt("%.3f → %.3f", t.before().macroF1(), t.after().macroF1()))
                        .append("</td><td>").append(t.before().neverPredicted().size()).append(" → ")
                        .append(t.after().neverPredicted().size()).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        report.repair().ifPresent(r -> repair(h, r));
        h.append("<h2>Checks</h2>\n<table><thead><tr><th>check</th><th>status</th><th>seconds</th><th>note</th>"
                + "</tr></thead><tbody>\n");
        for (CheckResult r : report.results()) {
            h.append("<tr><td>").append(esc(r.check())).append("</td><td>")
                    .append(r.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("</td><td>")
                    .append(fmt("%.2f", r.seconds())).append("</td><td>")
                    .append(esc(r.findings().isEmpty() ? r.note() : r.findings().get(0).title())).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n</div>\n");
        return h.toString();
    }

    /** The repair: each candidate's change and lift on top of those kept, the combined fix, the final gap. */
    private static void repair(StringBuilder h, Repair r) {
        h.append("<h2>Repair</h2>\n<p>").append(esc(fmt("No single remedy reached the reference (%.3f); "
                + "the next candidates were tried, each on top of those kept (kept when the validation rows "
                + "improved).", r.reference()))).append("</p>\n<table><thead><tr><th>change</th><th>from</th>"
                + "<th>balanced accuracy before → after</th><th>lift ± 95%</th><th>validation</th><th>kept</th>"
                + "</tr></thead><tbody>\n");
        for (Repair.Step step : r.steps()) {
            Trial t = step.trial();
            h.append("<tr><td>").append(esc(t.change())).append("</td><td>").append(esc(step.source()))
                    .append("</td><td>").append(fmt("%.3f → %.3f", t.before().balancedAccuracy(),
                            t.after().balancedAccuracy())).append("</td><td>").append(esc(t.liftText()))
                    .append("</td><td>").append(fmt("%.3f", step.validation())).append("</td><td>")
                    .append(step.kept() ? "yes" : "no").append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p>").append(esc(r.summary())).append("</p>\n");
    }

    private static void rootCause(StringBuilder h, Diagnosis report) {
        h.append("<p class=\"flatline-symptom\"><strong>").append(esc(report.symptom().summary()))
                .append("</strong></p>\n");
        if (report.trialRows() < report.trainRows()) {
            h.append("<p>").append(esc(ReportText.trialSample(report))).append("</p>\n");
        }
        Optional<Trial> trial = report.rootCauseTrial();
        if (report.rootCause().isEmpty()) {
            h.append("<div class=\"flatline-root\"><strong>").append(esc(ReportText.noRootCause(report)))
                    .append("</strong></div>\n");
            return;
        }
        Finding root = report.rootCause().get();
        h.append("<div class=\"flatline-root\"><h2>Likely root cause: ").append(esc(root.id())).append("</h2>\n<p>")
                .append(esc(root.title())).append("</p>\n");
        if (trial.isPresent()) {
            h.append("<p>Tried: ").append(esc(trial.get().change())).append(" (before: ").append(trial.get().rows())
                    .append(" training rows; both scored on the whole test part): lift ")
                    .append(esc(trial.get().liftText())).append(" (95% paired bootstrap over test rows).</p>\n");
            metricsTable(h, List.of("before", "after"), List.of(trial.get().before(), trial.get().after()));
        }
        // Proven by evidence (more rows tried, the references' drop on the test part, the imbalance's proof), with
        // or without a trial: the same line as the terminal summary's.
        if (root.evidence().containsKey("proven_by")) {
            h.append("<p>Proven by: ").append(esc(String.valueOf(root.evidence().get("proven_by"))))
                    .append(trial.isPresent() ? "" : " (evidence, no retrain)").append(".</p>\n");
        }
        if (!root.remedy().code().isEmpty()) {
            h.append("<p>Fix: <code>").append(esc(root.remedy().code())).append("</code></p>\n");
        }
        h.append("</div>\n");
    }

    private static void metricsTable(StringBuilder h, List<String> names, List<Metrics> metrics) {
        h.append("<table><thead><tr><th></th><th>accuracy</th><th>balanced accuracy</th><th>macro-F1</th>"
                + "<th>classes never predicted</th></tr></thead><tbody>\n");
        for (int i = 0; i < names.size(); i++) {
            Metrics m = metrics.get(i);
            h.append("<tr><th>").append(esc(names.get(i))).append("</th><td>").append(fmt("%.3f", m.accuracy()))
                    .append("</td><td>").append(fmt("%.3f", m.balancedAccuracy())).append("</td><td>")
                    .append(fmt("%.3f", m.macroF1())).append("</td><td>").append(m.neverPredicted().size())
                    .append(m.neverPredicted().isEmpty() ? "" : " (" + esc(String.join(", ", m.neverPredicted())) + ")")
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void perClassTable(StringBuilder h, Diagnosis report) {
        Metrics m = report.metrics();
        h.append("<table><thead><tr><th>class</th><th>training rows</th><th>test rows</th><th>predicted</th>"
                + "<th>recall</th></tr></thead><tbody>\n");
        for (Map.Entry<String, Long> e : m.trueCounts().entrySet()) {
            String c = e.getKey();
            Double recall = m.recall().get(c);
            h.append("<tr><th>").append(esc(c)).append("</th><td>").append(report.classCounts().getOrDefault(c, 0L))
                    .append("</td><td>").append(e.getValue()).append("</td><td>")
                    .append(m.predictedCounts().getOrDefault(c, 0L)).append("</td><td>")
                    .append(recall == null ? "–" : fmt("%.3f", recall)).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n");
    }

    private static void finding(StringBuilder h, Finding f, Optional<Trial> trial) {
        String sev = f.severity().label();
        h.append("<div class=\"flatline-finding\" id=\"finding-").append(esc(f.id())).append("\"><p><span class=\"")
                .append("flatline-sev sev-").append(sev).append("\">").append(sev).append("</span> <strong>")
                .append(esc(f.id())).append("</strong>: ").append(esc(f.title())).append("</p>\n<table><tbody>\n");
        for (Map.Entry<String, Object> e : f.evidence().entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey().replace('_', ' '))).append("</th><td>")
                    .append(esc(value(e.getValue()))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<p>Remedy: ").append(esc(f.remedy().advice()));
        if (!f.remedy().code().isEmpty()) {
            h.append(" <code>").append(esc(f.remedy().code())).append("</code>");
        }
        h.append("</p>\n");
        trial.ifPresent(t -> h.append("<p>Tried (").append(esc(t.change())).append("): balanced accuracy ")
                .append(fmt("%.3f → %.3f", t.before().balancedAccuracy(), t.after().balancedAccuracy()))
                .append(", lift ").append(esc(t.liftText()))
                .append(t.significant() ? "" : " — not beyond its noise, ranked down").append(".</p>\n"));
        if (!f.notebook().isEmpty()) {
            h.append("<p>Learn more: <code>notebooks/").append(esc(f.notebook())).append("</code></p>\n");
        }
        h.append("</div>\n");
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return Double.isFinite(d) ? fmt(Math.abs(d) >= 1e4 || (Math.abs(d) < 1e-3 && d != 0) ? "%.3g" : "%.4f", d)
                    : String.valueOf(d);
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "none" : String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }

    private static String esc(String text) {
        return Html.escape(text);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
