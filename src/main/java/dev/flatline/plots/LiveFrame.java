package dev.flatline.plots;

import java.util.Objects;

/**
 * One frame of a live display: a chart shown in a notebook output and replaced in place while
 * something runs (a trainer's progress), before its final state is shown as the chart itself.
 *
 * <p>Front ends show a frame from its HTML only, never from Plotly's figure JSON: JupyterLab reuses
 * an output's renderer when the output is updated in place, and the plotly extension's renderer
 * (jupyterlab-plotly 5.24) returns early once it has drawn a figure, so a live display sent as
 * Plotly JSON stays at its first frame. The HTML renderer redraws on every update, in JupyterLab
 * with or without the extension and in classic Notebook alike. The final state, sent as the
 * {@link Chart} itself, carries the figure JSON again: JupyterLab then switches that output to the
 * plotly renderer (the preferred type changed, so the renderer is replaced) and the saved notebook
 * keeps a proper Plotly figure.
 *
 * @param chart the chart this frame shows
 */
public record LiveFrame(Chart chart) {

    /** A frame showing {@code chart}. */
    public LiveFrame {
        Objects.requireNonNull(chart, "chart");
    }

    /** A frame showing {@code chart}. */
    public static LiveFrame of(Chart chart) {
        return new LiveFrame(chart);
    }
}
