package dev.flatline.kernel;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the stack's logging out of the learner's way: SLF4J (ND4J, DL4J, jjava) at {@code warn}, so
 * ND4J's start-up banner does not flood outputs while real warnings still show; Tribuo's
 * {@code java.util.logging} loggers (chatty SGD progress) at {@link Level#WARNING}.
 */
final class KernelLogging {

    /** SLF4J-simple's property for its default level. */
    static final String SLF4J_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    // Held strongly: java.util.logging forgets the level of a logger that has been collected.
    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    private KernelLogging() {
    }

    /** Applies the quiet defaults; a level given on the command line ({@code -D}) wins. */
    static void quiet() {
        if (System.getProperty(SLF4J_LEVEL_PROPERTY) == null) {
            System.setProperty(SLF4J_LEVEL_PROPERTY, "warn");
        }
        TRIBUO.setLevel(Level.WARNING);
    }
}
