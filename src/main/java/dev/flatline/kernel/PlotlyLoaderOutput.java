package dev.flatline.kernel;

import dev.flatline.plots.PlotlyJs;
import java.util.Objects;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Decides which output of a notebook carries plotly.js, so that every saved, reloaded or exported
 * notebook has exactly one copy of it whatever cells were re-run and whatever updated in place.
 *
 * <p>The library travels as an output of its own, sent just before a chart, never inside a chart's
 * output: a live display that replaces its chart after every epoch would otherwise replace the copy
 * too. One copy per kernel session is enough while the output that holds it stays in the notebook;
 * it goes away when the cell that produced it runs again (its outputs are cleared), so that cell's
 * next chart brings a new copy. Cells are told apart by the {@code cellId} that JupyterLab, Notebook 7
 * and VS Code put in each execute request's metadata; where a front end sends none (classic Notebook,
 * nbclient) the cell's code stands in for it, so re-running the same cell is recognised.
 */
final class PlotlyLoaderOutput {

    private final Consumer<DisplayData> send;
    private String currentCell = "";
    private String carrierCell;

    /** @param send shows a display output in the running cell (the kernel's {@code display}) */
    PlotlyLoaderOutput(Consumer<DisplayData> send) {
        this.send = Objects.requireNonNull(send, "send");
    }

    /** Called as each cell starts: re-running the cell that carries plotly.js clears its copy. */
    synchronized void cellStarting(String cellKey) {
        currentCell = cellKey == null ? "" : cellKey;
        if (currentCell.equals(carrierCell)) {
            carrierCell = null;
        }
    }

    /** Called before a chart is shown: sends plotly.js first when no output of the notebook holds it. */
    synchronized void beforeChart() {
        if (carrierCell == null) {
            carrierCell = currentCell;
            send.accept(loaderOutput());
        }
    }

    /** Whether an output of the current notebook is known to hold plotly.js (for tests). */
    synchronized boolean carried() {
        return carrierCell != null;
    }

    private static DisplayData loaderOutput() {
        DisplayData data = new DisplayData("plotly.js " + PlotlyJs.VERSION + " for the charts of this notebook");
        data.putHTML(PlotlyJs.loaderHtml());
        return data;
    }
}
