/**
 * Views of results for people: the checkup {@link dev.flatline.checks.Report} as a self-contained HTML
 * page that draws its charts offline ({@link dev.flatline.report.ReportHtml}), as JSON
 * ({@link dev.flatline.report.ReportJson}) and as a short terminal summary
 * ({@link dev.flatline.report.ReportText}); and Tribuo evaluations as HTML
 * ({@link dev.flatline.report.EvaluationHtml}). Everything that comes from the user's data is escaped.
 */
package dev.flatline.report;
