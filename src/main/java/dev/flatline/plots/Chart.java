package dev.flatline.plots;

/**
 * A chart a notebook, a report or a plain Java program can show.
 *
 * <p>Charts are plain objects: they know how to describe themselves as Plotly's own figure JSON
 * (which JupyterLab renders natively) and as an HTML fragment that draws with plotly.js once
 * {@link PlotlyJs#loaderHtml()} has run in the same page. Nothing here depends on Jupyter; the
 * kernel only chooses which of these views to send.
 */
public interface Chart {

    /** MIME type of Plotly's figure JSON, rendered natively by JupyterLab's plotly extension. */
    String PLOTLY_MIME_TYPE = "application/vnd.plotly.v1+json";

    /** The chart's title, as shown above it. */
    String title();

    /** Plotly's figure format: a JSON object with {@code data} (the traces) and {@code layout}. */
    String toPlotlyJson();

    /**
     * An HTML fragment (a {@code div} and a {@code script}) that draws the chart in a page where
     * {@link PlotlyJs#loaderHtml()} has been included before it (or will be: drawing waits for it).
     */
    String toHtml();

    /** A whole HTML page that draws this chart offline, with plotly.js inlined. */
    default String toStandaloneHtml() {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + Html.escape(title())
                + "</title></head><body>\n" + PlotlyJs.loaderHtml() + "\n" + toHtml() + "\n</body></html>\n";
    }
}
