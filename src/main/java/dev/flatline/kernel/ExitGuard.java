package dev.flatline.kernel;

/**
 * What cell code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}:
 * the kernel rewrites those calls in every class compiled from a cell (see {@link ExitCalls}), so a
 * line copied from a tutorial fails in its cell with {@link ExitRefusedException} instead of ending
 * the kernel — which would leave the notebook waiting for a reply that never comes.
 *
 * <p>Public only because the rewritten cell classes, loaded by the cells' own class loader, call it.
 */
public final class ExitGuard {

    /** What the learner reads. */
    public static final String MESSAGE = "System.exit would end the kernel; restart it from the menu instead";

    private ExitGuard() {
    }

    /** Replaces {@code System.exit(status)}. */
    public static void exit(int status) {
        throw new ExitRefusedException(MESSAGE + " (exit status " + status + ")");
    }

    /** Replaces {@code runtime.exit(status)}. */
    public static void exit(Runtime runtime, int status) {
        exit(status);
    }

    /** Replaces {@code runtime.halt(status)}. */
    public static void halt(Runtime runtime, int status) {
        exit(status);
    }

    /** A cell tried to end the kernel's JVM. */
    public static final class ExitRefusedException extends SecurityException {

        private static final long serialVersionUID = 1L;

        ExitRefusedException(String message) {
            super(message);
        }
    }
}
