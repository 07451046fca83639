package dev.flatline.kernel;

import dev.flatline.plots.Chart;
import dev.flatline.plots.PlotlyJs;

/** A minimal chart for renderer tests (the real charts come from dev.flatline.plots). */
record TestChart(String title) implements Chart {

    @Override
    public String toPlotlyJson() {
        return "{\"data\":[{\"type\":\"bar\",\"x\":[\"a\",\"b\"],\"y\":[3,1]}],\"layout\":{\"title\":\"" + title + "\"}}";
    }

    @Override
    public String toHtml() {
        return "<div id=\"c\"></div><script>" + PlotlyJs.drawScript("c", toPlotlyJson()) + "</script>";
    }
}
