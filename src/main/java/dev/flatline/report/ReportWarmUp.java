package dev.flatline.report;

import dev.flatline.plots.AxisScale;
import dev.flatline.plots.Charts;
import dev.flatline.plots.PlotlyJs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import tech.tablesaw.plotly.traces.ScatterTrace;

/**
 * Readies a fresh JVM to write a report while a command is still busy with its data: on a background
 * thread it builds plotly.js's page loader (cached, so the real page reuses it) and writes two small
 * charts and a small JSON tree through the report's own code, so that Jackson, tablesaw's templates
 * (Pebble) and their classes are loaded and initialised before the real report is written. In a cold
 * {@code flatline checkup} that work (about half a second) then runs on the second core while the data
 * loads on the first, instead of after the checkup.
 *
 * <p>Once per JVM. Its charts and JSON are its own and are thrown away, so it cannot change a report;
 * a failure is ignored (the real report meets the same problem and says so).
 */
public final class ReportWarmUp {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private ReportWarmUp() {
    }

    /** Starts the warm-up on a daemon thread unless it already ran in this JVM; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(ReportWarmUp::run, "flatline-report-warmup");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            warm();
        } catch (RuntimeException | LinkageError e) {
            // Nothing to do: writing the real report runs the same code and reports its own failure.
        }
    }

    /** The warm-up's work, on the calling thread; returns the size of what it wrote (thrown away). */
    static int warm() {
        int written = PlotlyJs.loaderHtml().length();
        written += ReportJson.warmUp().length();
        written += Charts.classDistribution("warm-up", Map.of("a", 2, "b", 1), AxisScale.AUTO).toHtml().length();
        double[] x = {1, 2};
        written += ReportCharts.lines("warm-up", "x", "y", true,
                ReportCharts.line("y", x, x, ScatterTrace.Mode.LINE_AND_MARKERS)).toHtml().length();
        return written;
    }
}
