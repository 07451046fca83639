/**
 * Reports: HTML views of evaluations ({@link dev.flatline.report.EvaluationHtml}: the headline metrics
 * that expose a majority-class predictor, the per-class table, the confusion matrix) shared by the
 * notebook kernel and the checkup report. Output is self-contained and offline (no scripts, no external
 * styles, every label escaped).
 *
 * <p>Reads models' evaluations and findings; never trains, diagnoses or imports the kernel or the CLI.
 */
package dev.flatline.report;
