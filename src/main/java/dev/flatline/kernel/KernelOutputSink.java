package dev.flatline.kernel;

import dev.flatline.plots.NotebookOutput;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * The kernel's side of {@link NotebookOutput}: library code (a trainer's live progress) shows an
 * object in the running cell's output and later replaces it in place, rendered like a cell result.
 * Outside a running cell there is no output to write to, and the call does nothing.
 *
 * <p>It is also where an interrupted cell's library code stops: code that reports progress is at a
 * safe point, so a training whose cell was interrupted ends at its next progress update (an epoch)
 * with a {@link CancellationException}, without {@code Thread.stop}.
 */
final class KernelOutputSink implements NotebookOutput.Sink {

    /** The key of a display's id among its transient data, fixed by the Jupyter messaging protocol. */
    static final String DISPLAY_ID_KEY = "display_id";

    private final BaseKernel kernel;

    KernelOutputSink(BaseKernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String show(Object value) {
        stopIfInterrupted();
        DisplayData data = kernel.getRenderer().render(value);
        String id = UUID.randomUUID().toString();
        // Jupyter's transient "display_id", put directly: DisplayData.setDisplayId returns void in JJava
        // 1.0-a6 and DisplayData in 1.0-a7, so a call compiled against one fails in the other.
        data.putTransientData(DISPLAY_ID_KEY, id);
        kernel.display(data);
        return id;
    }

    @Override
    public void update(String displayId, Object value) {
        stopIfInterrupted();
        DisplayData data = kernel.getRenderer().render(value);
        kernel.getIO().display.updateDisplay(displayId, data);
    }

    private static void stopIfInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the cell was interrupted");
        }
    }
}
