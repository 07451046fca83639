package dev.flatline.nn;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The lines training prints on standard error without progress on (a run stopped because its loss became NaN, a
 * warning about the settings), and the scope in which they are withheld.
 *
 * <p>A person who trains a model with progress off learns of a diverged run only from that line. A checkup trains
 * many models of its own (a rate sweep that tries rates the person never chose, remedies, learning-curve fits), reads
 * each one's {@link TrainingHistory}, and reports what matters as findings: its fits' lines would be noise, and some
 * misleading ("lower the learning rate (now 10.0)" for a rate only the sweep tried). It runs its fits
 * {@link #withheld(Supplier) withheld}. The histories keep every message either way.
 */
public final class TrainingMessages {

    /** Whether this thread's training lines are withheld. */
    private static final ThreadLocal<Boolean> WITHHELD = ThreadLocal.withInitial(() -> false);
    /** Warnings already printed by this JVM: a cell that trains five models with one slip shows one line. */
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private TrainingMessages() {
    }

    /**
     * Runs {@code work} with the training lines of this thread withheld (threads it starts are not covered: wrap
     * their work too).
     */
    public static <T> T withheld(Supplier<T> work) {
        boolean outer = WITHHELD.get();
        WITHHELD.set(true);
        try {
            return work.get();
        } finally {
            WITHHELD.set(outer);
        }
    }

    /** {@link #withheld(Supplier)} for work without a result. */
    public static void withheld(Runnable work) {
        withheld(() -> {
            work.run();
            return null;
        });
    }

    /** One line on standard error, unless withheld on this thread. */
    static void print(String line) {
        if (!WITHHELD.get()) {
            System.err.println(line);
        }
    }

    /**
     * One short warning line on standard error, once per distinct message (no logger header, no timestamp), unless
     * withheld on this thread (a withheld warning is printed when the person's own training meets it).
     */
    static void warnOnce(String message) {
        if (!WITHHELD.get() && SAID.add(message)) {
            System.err.println("Warning: " + message);
        }
    }
}
