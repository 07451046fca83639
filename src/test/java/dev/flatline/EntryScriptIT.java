package dev.flatline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry script as a newcomer meets it: a copy of the working tree as a fresh clone has it (no
 * {@code target/}, no {@code build/}), then the commands, then each prerequisite broken on purpose.
 * Every failure must say in one line what failed and what to do, and exit non-zero; nothing may
 * fail silently (a fresh clone's {@code ./flatline run} once exited 1 printing nothing).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntryScriptIT {

    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    static Path clone;

    record Result(int exit, String output) {
    }

    /** The files a fresh clone has: tracked and untracked-but-not-ignored, nothing built. */
    @BeforeAll
    static void freshCopyOfTheWorkingTree() throws Exception {
        Process list = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(ROOT.toFile()).start();
        String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(list.waitFor(1, TimeUnit.MINUTES));
        for (String name : names.split("\0")) {
            Path source = ROOT.resolve(name);
            if (name.isEmpty() || !Files.isRegularFile(source)) {
                continue;   // deleted but not yet committed
            }
            Path target = clone.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target);
            target.toFile().setExecutable(source.toFile().canExecute());
        }
        assertFalse(Files.exists(clone.resolve("target")));
        assertFalse(Files.exists(clone.resolve("build")));
    }

    static Result flatline(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", clone.resolve("flatline").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(clone.toFile()).redirectErrorStream(true);
        builder.environment().put("FLATLINE_NO_INSTALL", "1");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "./flatline " + String.join(" ", args) + " hung");
        return new Result(process.exitValue(), output);
    }

    /** A PATH holding only the given programs (links into the real ones), to take the others away. */
    static String pathWith(Path dir, String... programs) throws IOException {
        Files.createDirectories(dir);
        for (String program : programs) {
            for (String folder : System.getenv("PATH").split(":")) {
                Path real = Path.of(folder, program);
                if (Files.isExecutable(real)) {
                    Files.createSymbolicLink(dir.resolve(program), real);
                    break;
                }
            }
        }
        return dir.toString();
    }

    static void requireOneLineFailure(Result result, String... parts) {
        assertTrue(result.exit() != 0, "must exit non-zero:\n" + result.output());
        assertFalse(result.output().isBlank(), "must not fail silently");
        for (String part : parts) {
            assertTrue(result.output().contains(part), "expected '" + part + "' in:\n" + result.output());
        }
        assertFalse(result.output().contains("\tat "), "no stack trace:\n" + result.output());
    }

    @Test
    @Order(1)
    void helpWorksOnAFreshClone() throws Exception {
        Result help = flatline(Map.of(), "help");
        assertEquals(0, help.exit(), help.output());
        assertTrue(help.output().contains("./flatline run"), help.output());
        assertTrue(help.output().contains("once flatline is built"), help.output());
    }

    @Test
    @Order(2)
    void aJavaCommandBuildsAFreshCloneFirst(@TempDir Path jupyter) throws Exception {
        Result install = flatline(Map.of(), "kernel", "install", "--jupyter-path", jupyter.toString());
        assertEquals(0, install.exit(), install.output());
        assertTrue(install.output().contains("building (mvn package"), install.output());
        assertTrue(Files.isRegularFile(jupyter.resolve("kernels/flatline/kernel.json")), install.output());
        Result help = flatline(Map.of(), "help");
        assertEquals(0, help.exit(), help.output());
        assertTrue(help.output().contains("kernel"), "the Java commands are listed once built:\n" + help.output());
    }

    @Test
    @Order(3)
    void badInputToAJavaCommandKeepsItsOwnMessageAndExitStatus() throws Exception {
        Result bench = flatline(Map.of(), "bench", "mlp", "--data", clone.resolve("no-such.csv").toString(),
                "--target", "class");
        assertEquals(2, bench.exit(), bench.output());
        assertTrue(bench.output().contains("no-such.csv"), bench.output());
        assertFalse(bench.output().contains("unexpected failure"), "the script adds nothing to the command's own message:\n"
                + bench.output());
    }

    @Test
    @Order(3)
    void theFirstCheckupAfterABuildMakesTheClassArchiveSilentlyAndAStaleOneIsRemade() throws Exception {
        Result first = flatline(Map.of(), "checkup", "--out", clone.resolve("checkup-1").toString());
        assertEquals(0, first.exit(), first.output());
        Path jar;
        try (var jars = Files.list(clone.resolve("target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("flatline-.*\\.jar")).findFirst().orElseThrow();
        }
        List<Path> archives;
        try (var files = Files.list(clone.resolve("target"))) {
            archives = files.filter(p -> p.getFileName().toString().startsWith("flatline-cds-")).toList();
        }
        assertEquals(1, archives.size(), "one archive, no temporary file left: " + archives);
        Path archive = archives.get(0);
        assertTrue(archive.getFileName().toString().endsWith(".jsa"), archive.toString());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0);

        // An archive older than the jar no longer matches it: the next checkup runs without it and remakes it.
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() - 60_000));
        Result second = flatline(Map.of(), "checkup", "--out", clone.resolve("checkup-2").toString());
        assertEquals(0, second.exit(), second.output());
        assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0,
                "the stale archive was remade");
        for (Result r : List.of(first, second)) {
            assertTrue(r.output().contains("Likely root cause: learning-rate"), r.output());
            assertFalse(r.output().toLowerCase(java.util.Locale.ROOT).matches("(?s).*(\\[warning|\\[cds|shared archive).*"),
                    "the JVM's class-sharing messages never reach the user:\n" + r.output());
        }
    }

    /**
     * The checkup of small data runs on the JVM's quick compiler only, that of a larger file on both compilers, and a
     * compiler the user chose is kept: seen through a {@code java} that logs its arguments before running the real one.
     */
    @Test
    @Order(3)
    void aCheckupOfSmallDataUsesTheQuickCompilerOnly(@TempDir Path bins) throws Exception {
        Path log = bins.resolve("java-arguments.log");
        Path realJava = null;
        for (String folder : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(folder, "java"))) {
                realJava = Path.of(folder, "java").toRealPath();
                break;
            }
        }
        Path logging = bins.resolve("bin/java");
        Files.createDirectories(logging.getParent());
        Files.writeString(logging, "#!/bin/sh\necho \"$*\" >> '" + log + "'\nexec '" + realJava + "' \"$@\"\n");
        logging.toFile().setExecutable(true);
        Map<String, String> env = Map.of("PATH", logging.getParent() + ":" + System.getenv("PATH"));
        Path small = bins.resolve("small.csv");
        Files.writeString(small, "x,class\n1,a\n2,b\n");
        Path large = bins.resolve("large.csv");
        try (var file = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            file.setLength(4L << 20);   // 4 MiB, the size is all the script reads
        }
        List<String> runs = new ArrayList<>();
        for (List<String> args : List.of(List.of("--help"), List.of("--data", small.toString(), "--help"),
                List.of("--data=" + large, "--help"), List.of("--data", small.toString(), "--test", large.toString(),
                        "--help"))) {
            Files.deleteIfExists(log);
            List<String> command = new ArrayList<>(List.of("checkup"));
            command.addAll(args);
            Result help = flatline(env, command.toArray(String[]::new));
            assertEquals(0, help.exit(), help.output());
            String checkupLine = Files.readAllLines(log).stream().filter(l -> l.contains("FlatlineCli checkup"))
                    .findFirst().orElseThrow(() -> new AssertionError("no checkup JVM started:\n" + help.output()));
            runs.add(checkupLine);
        }
        assertTrue(runs.get(0).contains("-XX:TieredStopAtLevel=1"), "bundled data: " + runs.get(0));
        assertTrue(runs.get(1).contains("-XX:TieredStopAtLevel=1"), "a small file: " + runs.get(1));
        assertFalse(runs.get(2).contains("TieredStopAtLevel"), "a 4 MiB file: " + runs.get(2));
        assertFalse(runs.get(3).contains("TieredStopAtLevel"), "a small file and a 4 MiB test file: " + runs.get(3));

        Map<String, String> chosen = new java.util.HashMap<>(env);
        chosen.put("JAVA_TOOL_OPTIONS", "-XX:-TieredCompilation");
        Files.deleteIfExists(log);
        Result help = flatline(chosen, "checkup", "--help");
        assertEquals(0, help.exit(), help.output());
        assertFalse(Files.readString(log).contains("TieredStopAtLevel"), "the user's compiler choice is kept");
    }

    @Test
    @Order(4)
    void missingJavaMavenOrJupyterEachSayWhatToInstall(@TempDir Path bins) throws Exception {
        String noJava = pathWith(bins.resolve("no-java"), "dirname", "readlink", "env", "id");
        requireOneLineFailure(flatline(Map.of("PATH", noJava), "run"), "Java is not installed", "openjdk-17");

        String noMaven = pathWith(bins.resolve("no-maven"), "dirname", "readlink", "env", "id", "java", "awk");
        requireOneLineFailure(flatline(Map.of("PATH", noMaven), "run"), "Maven is not installed", "apt-get install maven");

        Path noJupyter = bins.resolve("python-without-jupyter");
        Files.writeString(noJupyter, "#!/bin/sh\nexit 1\n");
        noJupyter.toFile().setExecutable(true);
        requireOneLineFailure(flatline(Map.of("FLATLINE_PYTHON", noJupyter.toString()), "run"),
                "Jupyter (nbclient", "is missing", "apt-get install", "python3-nbclient", "pip install");
    }

    @Test
    @Order(5)
    void aKernelThatCannotBeInstalledSaysWhere() throws Exception {
        Files.writeString(clone.resolve("build"), "a file where the build folder should be\n");
        try {
            requireOneLineFailure(flatline(Map.of(), "run"), "could not install the flatline kernel", "build/jupyter");
        } finally {
            Files.delete(clone.resolve("build"));
        }
    }

    @Test
    @Order(6)
    void aBrokenBuildSaysTheBuildFailedAndWhatToDo() throws Exception {
        Path source = clone.resolve("src/main/java/dev/flatline/package-info.java");
        Files.writeString(source, Files.readString(source) + "\nthis is not Java\n");
        Result run = flatline(Map.of(), "run");
        requireOneLineFailure(run, "the build failed", "mvn -B package -DskipTests");
        Result bench = flatline(Map.of(), "bench", "mlp");
        requireOneLineFailure(bench, "the build failed");
    }
}
