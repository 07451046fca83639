package dev.flatline.kernel;

import dev.flatline.plots.NotebookOutput;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;

/**
 * flatline as a JJava extension: a JJava kernel that gets flatline's jar with {@code %classpath}
 * finds this class through {@code META-INF/services/org.dflib.jjava.jupyter.Extension} and calls
 * {@link #install(BaseKernel)}, which gives it what flatline's own kernel has: tables, charts (with
 * plotly.js loaded as the flatline kernel loads it) and evaluations rendered as HTML, the live
 * training display, and quiet logging.
 *
 * <p>{@link #installInto(BaseKernel)} is the one place that sets a kernel up; the flatline kernel
 * calls it at start-up and does not load extensions, and {@link #install(BaseKernel)} leaves a
 * flatline kernel alone, so nothing is registered twice.
 */
public final class FlatlineExtension implements Extension {

    /** Called by JJava (through {@link java.util.ServiceLoader}) when flatline's jar is added. */
    public FlatlineExtension() {
    }

    @Override
    public void install(BaseKernel kernel) {
        if (kernel instanceof FlatlineKernel) {
            return; // it set itself up at start-up with installInto
        }
        installInto(kernel, new KernelRenderers(kernel::display));
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        if (!(kernel instanceof FlatlineKernel)) {
            NotebookOutput.uninstall();
        }
    }

    /**
     * Registers flatline's renderers on the kernel's renderer, makes the kernel the notebook output of
     * library code (the live training display) and quiets the stack's logging.
     *
     * @param renderers the kernel session's renderers (one set per session: it tracks which output
     *                  carries plotly.js); they send plotly.js through the kernel's {@code display}
     */
    static void installInto(BaseKernel kernel, KernelRenderers renderers) {
        KernelLogging.quiet();
        renderers.registerAll(kernel.getRenderer());
        NotebookOutput.install(new KernelOutputSink(kernel));
    }
}
