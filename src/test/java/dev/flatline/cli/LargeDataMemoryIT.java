package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.data.ShuttleLikeFile;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The memory bound, for real: a Shuttle-like file of ten million rows (330 MB; {@code -Dflatline.largeRows}
 * to change) checked by {@code flatline checkup} in a child JVM with a 1 GB heap, its peak resident memory
 * read from {@code /proc}; and the same file with a sample far larger than a tiny heap, which must end in
 * one line, not a stack trace.
 */
class LargeDataMemoryIT {

    static final long ROWS = Long.getLong("flatline.largeRows", 10_000_000L);
    /** The goal for 50 million rows; ten million must stay well inside it. */
    static final long PEAK_RSS_LIMIT_KB = 2L * 1024 * 1024;
    static Path dir;
    static Path file;

    @BeforeAll
    static void writeFile() throws IOException {
        dir = Files.createTempDirectory("flatline-large-");
        file = dir.resolve("shuttle-" + ROWS + ".csv");
        ShuttleLikeFile.write(file, ROWS, 0);
    }

    @AfterAll
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
        try (var left = Files.walk(dir)) {
            left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aFileOfTenMillionRowsIsCheckedInBoundedMemoryAndRemediesAreTried() throws Exception {
        Path out = dir.resolve("report");
        Child child = run("-Xmx1g", "checkup", "--data", file.toString(), "--out", out.toString());
        assertEquals(0, child.exit, child.output);
        System.out.printf(Locale.ROOT, "LargeDataMemoryIT: %,d rows, %,d MB, %.1f s, peak RSS %,d MB%n", ROWS,
                Files.size(file) / 1_000_000, child.seconds, child.peakKb / 1024);
        assertTrue(child.peakKb < PEAK_RSS_LIMIT_KB, "peak resident " + child.peakKb / 1024 + " MB");
        JsonNode json = new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
        String name = json.get("dataset").get("name").asText();
        assertTrue(name.contains(String.format(Locale.ROOT, "data checks on all %,d rows", ROWS)), name);
        assertTrue(json.get("trials").size() > 0, "remedies tried within the default budget: " + json.get("trials"));
        assertTrue(child.output.contains("reading " + file.getFileName()), "a progress line: " + child.output);
    }

    @Test
    void aSampleLargerThanTheHeapEndsInOneLine() throws Exception {
        Child child = run("-Xmx96m", "checkup", "--data", file.toString(), "--sample-rows", "5000000",
                "--out", dir.resolve("never").toString());
        assertEquals(2, child.exit, child.output);
        String last = child.output.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.contains("Out of memory") && last.contains("--sample-rows"), child.output);
        assertFalse(child.output.contains("\tat ") || child.output.contains("Exception in thread"), child.output);
        assertFalse(Files.exists(dir.resolve("never")));
    }

    record Child(int exit, String output, long peakKb, double seconds) {
    }

    static Child run(String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), heap, "-cp", classPath(), "dev.flatline.cli.FlatlineCli"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "child", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long t0 = System.nanoTime();
        long peak = 0;
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        while (p.isAlive()) {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {   // the kernel's own high-water mark of resident memory
                        peak = Math.max(peak, Long.parseLong(line.replaceAll("\\D", "")));
                    }
                }
            } catch (IOException gone) {
                break;
            }
            Thread.sleep(100);
        }
        int exit = p.waitFor();
        return new Child(exit, Files.readString(log, StandardCharsets.UTF_8), peak, (System.nanoTime() - t0) / 1e9);
    }

    static String classPath() throws IOException {
        Path target = Path.of("target");
        try (var jars = Files.list(target)) {
            Path jar = jars.filter(f -> f.getFileName().toString().matches("flatline-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target/: run mvn package"));
            return jar + File.pathSeparator + target.resolve("lib") + File.separator + "*";
        }
    }
}
