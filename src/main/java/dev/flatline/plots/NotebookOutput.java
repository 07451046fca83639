package dev.flatline.plots;

import java.util.Objects;
import java.util.Optional;

/**
 * Where library code sends rich output that should appear, and update in place, in a notebook
 * (for example a trainer's live progress chart).
 *
 * <p>The library must not depend on the Jupyter kernel, so the kernel installs a {@link Sink} at
 * start-up and library code talks only to this class. Outside a notebook there is no sink:
 * {@link #isAvailable()} is false and callers fall back to plain text on the terminal.
 */
public final class NotebookOutput {

    /** What the kernel provides: show an object in the current cell's output, and replace it later. */
    public interface Sink {
        /**
         * Shows {@code value} (rendered like a cell result) in the output of the running cell.
         *
         * @return the display id by which {@link #update(String, Object)} replaces it
         */
        String show(Object value);

        /** Replaces the output shown under {@code displayId} with {@code value}. */
        void update(String displayId, Object value);
    }

    private static volatile Sink sink;

    private NotebookOutput() {
    }

    /** Installs the kernel's sink; called once by the kernel at start-up. */
    public static void install(Sink kernelSink) {
        sink = Objects.requireNonNull(kernelSink, "kernelSink");
    }

    /** Removes the sink (used by tests and at kernel shut-down). */
    public static void uninstall() {
        sink = null;
    }

    /** Whether code is running inside the flatline kernel, where rich output can be shown. */
    public static boolean isAvailable() {
        return sink != null;
    }

    /**
     * Shows {@code value} in the running cell's output when in a notebook.
     *
     * @return the display id to pass to {@link #update(String, Object)}, or empty outside a notebook
     */
    public static Optional<String> show(Object value) {
        Sink s = sink;
        return s == null ? Optional.empty() : Optional.of(s.show(value));
    }

    /** Replaces what {@link #show(Object)} showed; does nothing outside a notebook. */
    public static void update(String displayId, Object value) {
        Sink s = sink;
        if (s != null) {
            s.update(displayId, value);
        }
    }
}
