/**
 * Charts for flatline's lessons and reports, built with tablesaw-jsplot and drawn offline by the
 * plotly.js bundled in a webjar.
 *
 * <p>Start with {@link dev.flatline.plots.Charts} (class distribution, true vs predicted counts,
 * confusion matrix, and the precision&ndash;recall, ROC and reliability charts of
 * {@link dev.flatline.plots.ScoreCharts}), and {@link dev.flatline.plots.SeriesCharts} for numbers a
 * notebook computed (scores against a setting, losses per epoch, rows on two features); wrap any tablesaw
 * {@code Figure} with {@link dev.flatline.plots.FigureChart}.
 * Every {@link dev.flatline.plots.Chart} renders as Plotly figure JSON or as HTML that draws once
 * {@link dev.flatline.plots.PlotlyJs#loaderHtml()} is in the page. Nothing here depends on Jupyter.
 */
package dev.flatline.plots;
