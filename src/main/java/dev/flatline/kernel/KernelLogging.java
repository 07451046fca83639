package dev.flatline.kernel;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the stack's logging out of the learner's way: SLF4J (ND4J, DL4J, jjava) at {@code warn}, so
 * ND4J's start-up banner does not flood outputs while real warnings still show; Tribuo's
 * {@code java.util.logging} loggers (chatty SGD progress) at {@link Level#WARNING}.
 *
 * <p>In a kernel that is not flatline's (IJava, or JJava before the extension is loaded), the one
 * line {@code dev.flatline.kernel.KernelLogging.quiet();} before the first ND4J call does the same.
 * It works after SLF4J has started, as long as ND4J's loggers have not been made yet: SLF4J-simple
 * reads a logger's level from the system properties when the logger is created; SLF4J routed to
 * {@code java.util.logging} follows the levels set here too.
 */
public final class KernelLogging {

    /** SLF4J-simple's property for its default level. */
    static final String SLF4J_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /** SLF4J-simple's prefix for one logger's (and its children's) level. */
    static final String SLF4J_LOGGER_PREFIX = "org.slf4j.simpleLogger.log.";

    /** The chatty parts of the stack. */
    static final List<String> QUIETED = List.of("org.nd4j", "org.deeplearning4j", "org.bytedeco", "org.tribuo");

    // Held strongly: java.util.logging forgets the level of a logger that has been collected.
    private static final List<Logger> JUL_LOGGERS = QUIETED.stream().map(Logger::getLogger).toList();

    private KernelLogging() {
    }

    /** Applies the quiet defaults; a level given on the command line ({@code -D}) wins. */
    public static void quiet() {
        if (System.getProperty(SLF4J_LEVEL_PROPERTY) == null) {
            System.setProperty(SLF4J_LEVEL_PROPERTY, "warn");
        }
        for (String name : QUIETED) {
            if (System.getProperty(SLF4J_LOGGER_PREFIX + name) == null) {
                System.setProperty(SLF4J_LOGGER_PREFIX + name, "warn");
            }
        }
        JUL_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
    }
}
