package dev.flatline.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * Runs JShell's snippets in the kernel's JVM and keeps each snippet's real result object, so the
 * kernel can render it (a table, a chart) rather than show JShell's string of it.
 *
 * <p>JShell asks {@link #invoke(Method)} for a string; this control answers with a key under which
 * the real value waits for {@link #takeResult(String)}. Each snippet runs on its own thread, so
 * {@link #interrupt()} can stop it: {@link Thread#interrupt()} ends sleeps, waits and library code
 * that checks the flag, and the stop checks woven into the cell's own code ({@link StopChecks},
 * {@link CancelFlag}) end its loops, so a learner's endless loop does not require a kernel restart.
 * {@code Thread.stop} is the last resort, {@value #LAST_RESORT_MILLIS} ms later, for library code that
 * ignores interrupts, on the JDKs that still have it (17–19).
 */
final class CellExecutionControl extends LocalExecutionControl {

    /** Prefix of the keys this control returns in place of value strings. */
    static final String RESULT_KEY_PREFIX = "\u0000flatline-result-";

    /** How long library code gets to notice an interrupt before {@code Thread.stop}. */
    private static final long LAST_RESORT_MILLIS = 5000;

    private final CellClassLoaderDelegate loaderDelegate;
    private final CancelFlag cancel;
    private final Map<String, Holder> results = new ConcurrentHashMap<>();
    private final AtomicLong nextKey = new AtomicLong();
    private final AtomicLong threadNumber = new AtomicLong();
    private volatile Thread running;
    private volatile boolean cellActive;
    private volatile boolean interrupted;

    CellExecutionControl(CellClassLoaderDelegate loaderDelegate) {
        super(loaderDelegate);
        this.loaderDelegate = loaderDelegate;
        this.cancel = new CancelFlag(loaderDelegate);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        if (interrupted) {
            throw new InvocationTargetException(new InterruptedException("the cell was interrupted"));
        }
        cancel.lower();
        AtomicReference<Object> value = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                value.set(doitMethod.invoke(null));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "flatline-cell-" + threadNumber.incrementAndGet());
        thread.setContextClassLoader(loaderDelegate.classLoader());
        running = thread;
        try {
            thread.start();
            thread.join();
        } finally {
            running = null;
        }
        if (interrupted) {
            throw new InvocationTargetException(new InterruptedException("the cell was interrupted"));
        }
        Throwable error = failure.get();
        if (error instanceof InvocationTargetException) {
            throw (InvocationTargetException) error;
        }
        if (error != null) {
            throw new InvocationTargetException(error);
        }
        String key = RESULT_KEY_PREFIX + nextKey.incrementAndGet();
        results.put(key, new Holder(value.get()));
        return key;
    }

    /**
     * The real value of a snippet, given the value string JShell reported for it; empty when the
     * string is not one of this control's keys (declarations that JShell did not execute).
     */
    Optional<Holder> takeResult(String valueString) {
        if (valueString == null || !valueString.startsWith(RESULT_KEY_PREFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(results.remove(valueString));
    }

    /** Forgets results nobody took (called before each cell so they cannot pile up). */
    void clearResults() {
        results.clear();
    }

    /** A cell starts: interrupts from now on stop it, even while JShell is still compiling. */
    void beginCell() {
        interrupted = false;
        cellActive = true;
    }

    /** The cell ended: later interrupts have nothing to stop. */
    void endCell() {
        cellActive = false;
    }

    /** Whether the current cell was interrupted. */
    boolean isInterrupted() {
        return interrupted;
    }

    /** Whether a snippet is running now. */
    boolean isRunning() {
        return running != null;
    }

    /**
     * Stops the running snippet, if any. Returns at once; a helper thread escalates to
     * {@code Thread.stop} when the snippet ignores the interrupt for {@value #LAST_RESORT_MILLIS} ms.
     */
    @SuppressWarnings({"deprecation", "removal"})
    void interrupt() {
        if (!cellActive) {
            return;
        }
        interrupted = true;
        Thread thread = running;
        if (thread == null) {
            return; // compiling: invoke() refuses to start the next snippet
        }
        thread.interrupt();
        cancel.raise(); // the cell's own code stops at its next loop turn or call
        Thread escalate = new Thread(() -> {
            try {
                thread.join(LAST_RESORT_MILLIS);
                if (thread.isAlive() && running == thread) {
                    // Still running: stuck in library code that ignores interrupts. Thread.stop may leave a
                    // class half-initialised, so it comes only now, and only where the JDK still has it.
                    thread.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (UnsupportedOperationException e) {
                // JDK 20+: no Thread.stop; the cell ends when the library code returns to it.
            }
        }, "flatline-interrupt");
        escalate.setDaemon(true);
        escalate.start();
    }

    @Override
    public void stop() {
        interrupt();
    }

    /** Holds a result, which may itself be null. */
    record Holder(Object value) {
    }
}
