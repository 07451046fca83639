/**
 * Views of results for people: the checkup {@link dev.flatline.checks.Diagnosis} as a self-contained HTML
 * page that draws its charts offline ({@link dev.flatline.report.ReportHtml}), as JSON
 * ({@link dev.flatline.report.ReportJson}) and as a short terminal summary
 * ({@link dev.flatline.report.ReportText}); and Tribuo evaluations as HTML
 * ({@link dev.flatline.report.EvaluationHtml}: the headline metrics that expose a majority-class
 * predictor, the per-class table, the confusion matrix), shared by the kernel and the checkup report;
 * and several models' evaluations side by side ({@link dev.flatline.report.ModelComparison}), the
 * before/after evidence for a remedy, also over several seeds and splits
 * ({@link dev.flatline.report.SeedComparison}: each score a {@link dev.flatline.remedies.Spread}, ranked by its
 * paired rule).
 * Everything that comes from the user's data is escaped.
 *
 * <p>Reads models' evaluations and findings; never diagnoses or imports the kernel or the CLI. The one part that
 * trains is {@code SeedComparison}, which fits the models it compares with the recipes it is given.
 */
package dev.flatline.report;
