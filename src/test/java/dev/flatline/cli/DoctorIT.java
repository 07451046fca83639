package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./flatline doctor} on this machine, healthy and then with one prerequisite broken on purpose
 * each time: every broken one is named with what to do, and the command exits 1.
 *
 * <p>This machine has no JupyterLab (not in Debian, no PyPI here); the healthy case puts a stand-in
 * {@code jupyterlab} module on PYTHONPATH, since the doctor only checks that the module imports.
 */
class DoctorIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    static Path tmp;

    static Path goodJupyter;
    static Path stubLab;

    @BeforeAll
    static void installKernelAndStubFrontEnd() throws IOException {
        goodJupyter = tmp.resolve("jupyter-good");
        List<String> args = new ArrayList<>(List.of("kernel", "install", "--jupyter-path", goodJupyter.toString()));
        String cache = System.getProperty("org.bytedeco.javacpp.cachedir");
        if (cache != null) {
            args.addAll(List.of("--javacpp-cache", cache));
        }
        assertEquals(0, FlatlineCli.commandLine().execute(args.toArray(String[]::new)));
        stubLab = Files.createDirectories(tmp.resolve("pythonpath/jupyterlab"));
        Files.writeString(stubLab.resolve("__init__.py"), "# stand-in: JupyterLab cannot be installed here\n");
    }

    /**
     * The environment of a healthy machine: the kernel installed (on JUPYTER_PATH), a front end
     * importable, no project-local kernel (so that one in this clone's build/jupyter, which
     * {@code ./flatline run} leaves, does not count).
     */
    private static Map<String, String> healthy() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("JUPYTER_PATH", goodJupyter.toString());
        env.put("JUPYTER_DATA_DIR", tmp.resolve("empty-data").toString());
        env.put("FLATLINE_JUPYTER_DIR", tmp.resolve("no-project-kernel").toString());
        env.put("PYTHONPATH", stubLab.getParent().toString());
        env.remove("FLATLINE_PYTHON");
        return env;
    }

    @Test
    void healthyMachinePassesEveryCheck() throws Exception {
        Result r = doctor(healthy());
        assertEquals(0, r.status, r.output);
        for (String check : List.of("Java", "Maven", "Jupyter", "Jupyter front end", "kernel", "JavaCPP cache",
                "ND4J natives", "memory", "disk (JavaCPP cache)", "disk (project)")) {
            assertTrue(r.output.contains("ok   " + check + ": "), check + " missing in:\n" + r.output);
        }
        assertTrue(!r.output.contains("FIX"), r.output);
        assertTrue(r.output.contains("ok   kernel: on JUPYTER_PATH, in " + goodJupyter.resolve("kernels/flatline")), r.output);
    }

    /** Right after {@code ./flatline run}: only the project-local kernel it installed; that is all it needs. */
    @Test
    void projectLocalKernelIsFoundAndEnough() throws Exception {
        Map<String, String> env = healthy();
        env.put("JUPYTER_PATH", Files.createDirectories(tmp.resolve("jupyter-none")).toString());
        env.put("FLATLINE_JUPYTER_DIR", goodJupyter.toString());
        Result r = doctor(env);
        assertEquals(0, r.status, r.output);
        assertTrue(r.output.contains("ok   kernel: project-local, in " + goodJupyter.resolve("kernels/flatline")
                + " (./flatline run and ./flatline lab use it)"), r.output);
        assertTrue(!r.output.contains("FIX"), r.output);
    }

    /** A kernel installed with {@code kernel install --user} (in the user's Jupyter data folder) is named so. */
    @Test
    void userInstalledKernelIsFoundAndNamed() throws Exception {
        Path data = tmp.resolve("user-data");
        assertEquals(0, FlatlineCli.commandLine().execute("kernel", "install", "--jupyter-path", data.toString()));
        Map<String, String> env = healthy();
        env.remove("JUPYTER_PATH");
        env.put("JUPYTER_DATA_DIR", data.toString());
        Result r = doctor(env);
        assertEquals(0, r.status, r.output);
        assertTrue(r.output.contains("ok   kernel: user-installed, in " + data.resolve("kernels/flatline")), r.output);
        assertTrue(!r.output.contains("project-local"), r.output);
    }

    @Test
    void noJavaOnPath() throws Exception {
        // A PATH holding every command of /usr/bin and /bin except java.
        Path bin = Files.createDirectories(tmp.resolve("bin-without-java"));
        for (String dir : List.of("/usr/bin", "/bin")) {
            try (Stream<Path> files = Files.list(Path.of(dir))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    String name = f.getFileName().toString();
                    Path link = bin.resolve(name);
                    if (!name.startsWith("java") && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, f);
                    }
                }
            }
        }
        Map<String, String> env = healthy();
        env.put("PATH", bin.toString());
        env.remove("JAVA_HOME");
        Result r = doctor(env);
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("FIX  Java: no java on PATH. Install JDK 17 or newer"), r.output);
        assertTrue(r.output.contains("FIX  ND4J natives, memory, disk: not checked"), r.output);
        assertTrue(r.output.contains("FIX  Maven: "), "Maven cannot run without Java either:\n" + r.output);
        assertTrue(r.output.contains("ok   Jupyter: "), "the other checks still run:\n" + r.output);
    }

    @Test
    void pythonWithoutNbclient() throws Exception {
        Path venv = tmp.resolve("bare-venv");
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "venv", "--without-pip", venv.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
        Map<String, String> env = healthy();
        env.put("FLATLINE_PYTHON", venv.resolve("bin/python").toString());
        env.remove("PYTHONPATH");
        Result r = doctor(env);
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("FIX  Jupyter: " + venv.resolve("bin/python")
                + " lacks nbclient nbconvert nbformat jupyter_client. Install:"), r.output);
        assertTrue(r.output.contains("FIX  Jupyter front end: "), r.output);
        assertTrue(r.output.contains("ok   ND4J natives: "), "the JVM checks still run:\n" + r.output);
    }

    @Test
    void noKernelspec() throws Exception {
        Map<String, String> env = healthy();
        env.put("JUPYTER_PATH", Files.createDirectories(tmp.resolve("jupyter-empty")).toString());
        Result r = doctor(env);
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("FIX  kernel: no 'flatline' kernel, neither project-local ("
                + tmp.resolve("no-project-kernel") + ") nor one Jupyter finds"), r.output);
        assertTrue(r.output.contains("Run: ./flatline setup (for ./flatline run and lab), or ./flatline kernel install --user"),
                r.output);
    }

    @Test
    void staleKernelspec() throws Exception {
        Path kernel = Files.createDirectories(tmp.resolve("jupyter-stale/kernels/flatline"));
        String json = Files.readString(goodJupyter.resolve("kernels/flatline/kernel.json"))
                .replaceAll("\"[^\"]*flatline-[^\"/]*\\.jar", "\"/moved/away/flatline.jar");
        Files.writeString(kernel.resolve("kernel.json"), json);
        Map<String, String> env = healthy();
        env.put("JUPYTER_PATH", tmp.resolve("jupyter-stale").toString());
        Result r = doctor(env);
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("FIX  kernel: the kernelspec on JUPYTER_PATH in " + kernel
                        + " is stale: its jar /moved/away/flatline.jar does not exist. Run: ./flatline kernel install --user"),
                r.output);
    }

    @Test
    void staleProjectLocalKernelspec() throws Exception {
        Path kernel = Files.createDirectories(tmp.resolve("project-stale/kernels/flatline"));
        String json = Files.readString(goodJupyter.resolve("kernels/flatline/kernel.json"))
                .replaceAll("\"[^\"]*flatline-[^\"/]*\\.jar", "\"/moved/away/flatline.jar");
        Files.writeString(kernel.resolve("kernel.json"), json);
        Map<String, String> env = healthy();
        env.put("FLATLINE_JUPYTER_DIR", tmp.resolve("project-stale").toString());
        Result r = doctor(env);
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("FIX  kernel: the project-local kernelspec in " + kernel
                + " is stale: its jar /moved/away/flatline.jar does not exist. Run: ./flatline setup"), r.output);
        assertTrue(r.output.contains("ok   kernel: on JUPYTER_PATH"), "the other kernel is still named:\n" + r.output);
    }

    @Test
    void javacppCacheThatCannotBeWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Path jupyter = tmp.resolve("jupyter-bad-cache");
        assertEquals(0, FlatlineCli.commandLine().execute("kernel", "install", "--jupyter-path", jupyter.toString(),
                "--javacpp-cache", file.resolve("cache").toString()));
        Map<String, String> env = healthy();
        env.put("JUPYTER_PATH", jupyter.toString());
        Result r = doctor(env);
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("FIX  JavaCPP cache: " + file.resolve("cache") + " cannot be written"), r.output);
        assertTrue(r.output.contains("ok   kernel: "), r.output);
    }

    private static Result doctor(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("flatline").toString(), "doctor")
                .directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(300, TimeUnit.SECONDS), "doctor did not finish");
        String output = new String(out, StandardCharsets.UTF_8);
        System.out.println("[doctor]\n" + output);
        assertTrue(!output.contains("unexpected failure"), "a deliberate exit status is not a crash:\n" + output);
        return new Result(process.exitValue(), output);
    }

    private record Result(int status, String output) {
    }
}
