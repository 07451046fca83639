package dev.flatline.kernel;

import dev.flatline.cli.FlatlineCli;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs /usr/bin/python3 against the installed kernelspec, streaming its output into the test log. */
final class PythonProcess {

    /** The Jupyter data folder the ITs install the kernelspec into. */
    static final Path JUPYTER_DIR = Path.of("target", "jupyter-test").toAbsolutePath();

    private PythonProcess() {
    }

    /** Installs the kernelspec through the real CLI command; the JavaCPP cache is the tests' one. */
    static void installKernel() {
        List<String> args = new ArrayList<>(List.of("kernel", "install", "--jupyter-path", JUPYTER_DIR.toString()));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            args.add("--javacpp-cache");
            args.add(cache);
        }
        int status = FlatlineCli.commandLine().execute(args.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("flatline kernel install failed with status " + status);
        }
    }

    /** Runs python3 with the arguments; returns its exit status and the output lines. */
    static Result run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("/usr/bin/python3");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JUPYTER_PATH", JUPYTER_DIR.toString());
        builder.environment().put("PYTHONUNBUFFERED", "1");
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println("[python] " + line);
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                System.out.println("[python] output lost: " + e);
            }
        });
        pump.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            pump.join(5000);
            throw new AssertionError("python did not finish in " + timeoutSeconds + " s: " + command);
        }
        pump.join(5000);
        synchronized (lines) {
            return new Result(process.exitValue(), List.copyOf(lines));
        }
    }

    /** Exit status and output of a python run. */
    record Result(int status, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }
}
