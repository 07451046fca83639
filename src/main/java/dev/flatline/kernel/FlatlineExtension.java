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
 *
 * <p>Works in JJava 1.0-a6 and 1.0-a7 (both tested, see {@code JJavaNotebooksIT}): flatline is compiled
 * against 1.0-a6's {@code jjava-jupyter}, so what runs inside JJava uses only calls whose binary
 * signature is the same in both (for instance a display id is put as transient data, since
 * {@code DisplayData.setDisplayId} changed its return type).
 */
public final class FlatlineExtension implements Extension {

    /**
     * flatline's own kernel, named rather than tested with {@code instanceof}, which would load that
     * class inside JJava: it is built on 1.0-a6's {@code BaseKernel} constructor, which 1.0-a7 lacks.
     */
    static final String FLATLINE_KERNEL_CLASS = "dev.flatline.kernel.FlatlineKernel";

    /** Called by JJava (through {@link java.util.ServiceLoader}) when flatline's jar is added. */
    public FlatlineExtension() {
    }

    @Override
    public void install(BaseKernel kernel) {
        if (isFlatlineKernel(kernel)) {
            return; // it set itself up at start-up with installInto
        }
        installInto(kernel, new KernelRenderers(kernel::display));
    }

    @Override
    public void uninstall(BaseKernel kernel) {
        if (!isFlatlineKernel(kernel)) {
            NotebookOutput.uninstall();
        }
    }

    private static boolean isFlatlineKernel(BaseKernel kernel) {
        return kernel.getClass().getName().equals(FLATLINE_KERNEL_CLASS);
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
