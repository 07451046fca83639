package dev.flatline.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * What Jupyter launches: {@code java ... dev.flatline.kernel.KernelMain <connection-file>}
 * (see {@link KernelInstaller} for the whole command line).
 *
 * <p>Exit status 2 when the connection file is missing, unreadable or not a Jupyter connection
 * file. A {@code SIGINT} (Ctrl-C in the terminal that started Jupyter) interrupts the running cell
 * instead of ending the JVM; the kernelspec asks Jupyter for message-based interrupts anyway.
 */
public final class KernelMain {

    /** Exit status for a bad command line or connection file. */
    public static final int USAGE_ERROR = 2;

    private KernelMain() {
    }

    /** Starts the kernel on the given connection file and serves until Jupyter shuts it down. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java dev.flatline.kernel.KernelMain <connection-file>"
                    + " (Jupyter passes the connection file; install the kernel with: flatline kernel install)");
            System.exit(USAGE_ERROR);
        }
        KernelConnectionProperties properties;
        try {
            properties = readConnection(Path.of(args[0]));
        } catch (IllegalArgumentException e) {
            System.err.println("flatline kernel: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        KernelLogging.quiet();
        FlatlineKernel kernel = FlatlineKernel.create();
        interruptCellsOnSigint(kernel);
        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        // Threads started by cells must not keep the JVM alive after Jupyter shut the kernel down.
        System.exit(0);
    }

    /**
     * Reads and parses a connection file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static KernelConnectionProperties readConnection(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("connection file " + file.toAbsolutePath() + " does not exist");
        }
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read connection file " + file.toAbsolutePath() + ": " + e);
        }
        try {
            KernelConnectionProperties properties = KernelConnectionProperties.parse(json);
            if (properties == null || properties.getIp() == null || properties.getShellPort() <= 0) {
                throw new IllegalArgumentException("no ip or shell_port");
            }
            return properties;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("connection file " + file.toAbsolutePath()
                    + " is not a Jupyter connection file (" + e.getMessage() + ")");
        }
    }

    @SuppressWarnings("restriction")
    private static void interruptCellsOnSigint(FlatlineKernel kernel) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> kernel.interrupt());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // No SIGINT on this platform: message-based interrupts still work.
        }
    }
}
