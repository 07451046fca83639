package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every notebook, lessons and solutions, run in the real JJava kernels (1.0-a6 and 1.0-a7, built from
 * their release tags, in {@code ../shared/jjava/}) exactly as the README tells JJava users: the
 * README's own cell (one {@code %classpath} line with flatline's jar and {@code target/lib/*}, then
 * {@code %load} of the imports) in front of each notebook, executed by nbclient. No cell may fail;
 * charts, tables and evaluations must come out as flatline's HTML (charts with Plotly's figure as a
 * JSON object); the live training display must update in place; no result may show an object's
 * identity ({@code java.io.PrintStream@…}). The two kernels run side by side (one JVM each).
 *
 * <p>Without {@code ../shared/jjava} (or the folder {@code FLATLINE_JJAVA_KERNELS} names) the test is
 * skipped with a message saying where the kernels go, except under {@code CI=true}, where it fails:
 * CI always has them beside the clone.
 */
class JJavaNotebooksIT {

    static final Path ROOT = Path.of("").toAbsolutePath();
    /** The kernels' folder: {@code ../shared/jjava}, or {@code FLATLINE_JJAVA_KERNELS} (a clone elsewhere). */
    static final Path KERNELS = kernelsFolder();
    static final List<String> VERSIONS = List.of("1.0-a6", "1.0-a7");
    /** The README's JJava cell is the code block under this heading. */
    static final String README_HEADING = "### Running the notebooks under JJava or IJava";

    @TempDir
    static Path tmp;

    static List<Path> notebooks;
    /** Per version, per notebook name: what the runner reported. */
    static final Map<String, Map<String, Run>> RUNS = new LinkedHashMap<>();
    static final Map<String, String> OUTPUTS = new LinkedHashMap<>();

    @BeforeAll
    static void runEveryNotebookInBothKernels() throws Exception {
        if (!Files.isDirectory(KERNELS)) {
            String message = "no JJava kernels at " + KERNELS + " (the shared folder beside the clone holds "
                    + "jjava-1.0-a6-kernelspec.zip and jjava-1.0-a7-kernelspec.zip)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + "; CI must provide them");
            }
            System.out.println("JJavaNotebooksIT skipped: " + message);
            Assumptions.abort(message + "; skipped");
        }
        notebooks = notebooks();
        assertTrue(notebooks.size() >= 2, "no notebooks found: " + notebooks);
        Path firstCell = Files.writeString(tmp.resolve("first-cell.txt"), readmeCell());

        long started = System.nanoTime();
        Map<String, CompletableFuture<String>> running = new LinkedHashMap<>();
        for (String version : VERSIONS) {
            Path jupyter = tmp.resolve("jupyter-" + version);
            unzip(KERNELS.resolve("jjava-" + version + "-kernelspec.zip"), jupyter.resolve("kernels/jjava"));
            List<String> args = new ArrayList<>(List.of("/usr/bin/python3",
                    ROOT.resolve("src/test/python/run_jjava_notebooks.py").toString(),
                    "--first-cell", firstCell.toString(), "--out", tmp.resolve("executed-" + version).toString()));
            notebooks.forEach(n -> args.add(n.toString()));
            running.put(version, CompletableFuture.supplyAsync(() -> python(version, jupyter, args)));
        }
        for (String version : VERSIONS) {
            String output = running.get(version).get(60, TimeUnit.MINUTES);
            OUTPUTS.put(version, output);
            RUNS.put(version, parse(output));
        }
        System.out.printf("JJava notebooks: %d notebooks x %d kernels in %.0f s%n", notebooks.size(), VERSIONS.size(),
                (System.nanoTime() - started) / 1e9);
    }

    @Test
    void everyNotebookRunsWithoutErrorsInEveryKernel() {
        for (String version : VERSIONS) {
            for (Path notebook : notebooks) {
                Run run = run(version, notebook);
                assertEquals(0, run.errors, "JJava " + version + ", " + notebook.getFileName() + ":\n"
                        + lines(version, "ERROR " + notebook.getFileName()));
            }
        }
    }

    @Test
    void noResultShowsAnObjectsIdentity() {
        for (String version : VERSIONS) {
            for (Path notebook : notebooks) {
                assertEquals(0, run(version, notebook).stray, "JJava " + version + ", " + notebook.getFileName()
                        + " shows stray results:\n" + lines(version, "STRAY " + notebook.getFileName()));
            }
        }
    }

    /**
     * Charts, tables, evaluations and reports are flatline's HTML in both kernels, the same outputs
     * in each notebook (a kernel where the extension broke shows fewer), and each kind appears.
     */
    @Test
    void chartsTablesAndEvaluationsAreRichAndTheSameInBothKernels() {
        Map<String, Run> first = RUNS.get(VERSIONS.get(0));
        for (String version : VERSIONS) {
            Run total = new Run(0, 0, 0, 0, 0, 0, 0);
            for (Path notebook : notebooks) {
                Run run = run(version, notebook);
                Run reference = first.get(notebook.getFileName().toString());
                assertEquals(reference.rich(), run.rich(), notebook.getFileName() + ": charts, tables, evaluations, "
                        + "reports in JJava " + VERSIONS.get(0) + " vs " + version);
                total = total.plus(run);
            }
            assertTrue(total.charts > 0 && total.tables > 0 && total.evaluations > 0 && total.reports > 0,
                    "JJava " + version + " shows every kind rich: " + total);
        }
    }

    /** The notebook that shows the symptom trains with the live chart; it updates in place in both kernels. */
    @Test
    void theLiveTrainingDisplayUpdatesInPlace() {
        for (String version : VERSIONS) {
            Run symptom = RUNS.get(version).get("00-the-symptom.ipynb");
            assertTrue(symptom != null && symptom.live >= 2, "JJava " + version + ": live display updates " + symptom);
            for (Path notebook : notebooks) {
                assertEquals(run(VERSIONS.get(0), notebook).live > 0, run(version, notebook).live > 0,
                        notebook.getFileName() + ": a live display in one kernel and not the other");
            }
        }
    }

    /** The README's JJava cell: one %classpath line (two in one cell lose the second under 1.0-a7), then %load. */
    static String readmeCell() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int heading = readme.indexOf(README_HEADING);
        assertTrue(heading >= 0, "README has no '" + README_HEADING + "'");
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(heading), "no ```java block under " + README_HEADING);
        String cell = block.group(1).replace("/path/to/flatline", ROOT.toString());
        List<String> lines = cell.lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("%classpath")).count(), "one %classpath line: " + cell);
        assertTrue(lines.get(lines.size() - 1).startsWith("%load "), "the imports are loaded last: " + cell);
        Matcher jar = Pattern.compile("^%classpath (\\S+\\.jar) ").matcher(lines.get(0));
        assertTrue(jar.find() && Files.isRegularFile(Path.of(jar.group(1))),
                "the README's jar must exist (mvn package builds it): " + lines.get(0));
        return cell;
    }

    private static Path kernelsFolder() {
        String configured = System.getenv("FLATLINE_JJAVA_KERNELS");
        return configured == null || configured.isBlank() ? ROOT.resolveSibling("shared").resolve("jjava")
                : Path.of(configured).toAbsolutePath();
    }

    static List<Path> notebooks() throws IOException {
        List<Path> found = new ArrayList<>();
        for (Path folder : List.of(ROOT.resolve("notebooks"), ROOT.resolve("notebooks/solutions"))) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(found::add);
            }
        }
        return found;
    }

    private static String python(String version, Path jupyterPath, List<String> command) {
        try {
            Path log = tmp.resolve("jjava-" + version + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
            builder.environment().put("PYTHONUNBUFFERED", "1");
            builder.environment().put("OMP_NUM_THREADS", "1");
            Process process = builder.start();
            if (!process.waitFor(60, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("JJava " + version + ": notebooks did not finish in 60 minutes");
            }
            String output = Files.readString(log);
            System.out.println("[jjava " + version + "]\n" + output);
            assertEquals(0, process.exitValue(), "JJava " + version + " runner failed:\n" + output);
            return output;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("JJava " + version + ": " + e, e);
        }
    }

    private static final Pattern NOTEBOOK_LINE = Pattern.compile("^NOTEBOOK (\\S+) seconds=\\S+ errors=(\\d+) "
            + "charts=(\\d+) tables=(\\d+) evaluations=(\\d+) reports=(\\d+) live=(\\d+) stray=(\\d+)$", Pattern.MULTILINE);

    static Map<String, Run> parse(String output) {
        Map<String, Run> runs = new LinkedHashMap<>();
        Matcher m = NOTEBOOK_LINE.matcher(output);
        while (m.find()) {
            runs.put(m.group(1), new Run(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                    Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8))));
        }
        return runs;
    }

    private static Run run(String version, Path notebook) {
        Run run = RUNS.get(version).get(notebook.getFileName().toString());
        if (run == null) {
            fail("JJava " + version + " did not report " + notebook.getFileName() + ":\n" + OUTPUTS.get(version));
        }
        return run;
    }

    private static String lines(String version, String prefix) {
        return String.join("\n", OUTPUTS.get(version).lines().filter(l -> l.startsWith(prefix)).toList());
    }

    private static void unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(zip + " has an entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy((InputStream) in, target);
                }
            }
        }
    }

    /** What the runner counted in one notebook (see src/test/python/run_jjava_notebooks.py). */
    record Run(int errors, int charts, int tables, int evaluations, int reports, int live, int stray) {

        List<Integer> rich() {
            return List.of(charts, tables, evaluations, reports);
        }

        Run plus(Run o) {
            return new Run(errors + o.errors, charts + o.charts, tables + o.tables, evaluations + o.evaluations,
                    reports + o.reports, live + o.live, stray + o.stray);
        }
    }
}
