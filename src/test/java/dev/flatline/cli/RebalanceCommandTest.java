package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flatline rebalance} on Glass: counts after each method, the input's header, column order and
 * cell text kept, and every refusal (input as output, existing output, bad options) is one line, exit 2,
 * with nothing written.
 */
class RebalanceCommandTest {

    private static Path glassCsv(Path dir) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(WeightsCommandTest.GLASS))) {
            return Files.write(dir.resolve("glass.csv"), in.readAllBytes());
        }
    }

    private static Map<String, Integer> counts(List<String> lines, int column) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            counts.merge(line.split(",")[column], 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void oversampleKeepsEveryLineAndBringsClassesToTheMajority(@TempDir Path dir) throws IOException {
        Path input = glassCsv(dir);
        byte[] before = Files.readAllBytes(input);
        Path out = dir.resolve("over.csv");
        BenchMlpCommandTest.Run run = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--method",
                "oversample", "--seed", "3", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> in = Files.readAllLines(input);
        List<String> lines = Files.readAllLines(out);
        assertEquals(in, lines.subList(0, in.size()), "header and every original line first, text unchanged");
        int target = List.of(in.get(0).split(",")).indexOf("class");
        counts(lines, target).values().forEach(count -> assertEquals(76, count));
        for (String line : lines.subList(in.size(), lines.size())) {
            assertTrue(in.contains(line), "a drawn row is a copy of an input line: " + line);
        }
        assertTrue(run.out().contains("before") && run.out().contains("after") && run.out().contains("76"), run.out());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(input), "input untouched");
    }

    @Test
    void undersampleWritesASubsetAtTheMinorityCount(@TempDir Path dir) throws IOException {
        Path input = glassCsv(dir);
        Path out = dir.resolve("under.csv");
        BenchMlpCommandTest.Run run = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--method",
                "undersample", "--out", out.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> in = Files.readAllLines(input);
        List<String> lines = Files.readAllLines(out);
        assertEquals(in.get(0), lines.get(0));
        int target = List.of(in.get(0).split(",")).indexOf("class");
        Map<String, Integer> counts = counts(lines, target);
        assertEquals(6, counts.size());
        counts.values().forEach(count -> assertEquals(9, count));
        Map<String, Integer> available = new HashMap<>();
        in.subList(1, in.size()).forEach(line -> available.merge(line, 1, Integer::sum));
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(available.merge(line, -1, Integer::sum) >= 0, "not a subset: " + line);
        }
    }

    @Test
    void smoteKeepsColumnOrderWithTheTargetFirstAndIsSeeded(@TempDir Path dir) throws IOException {
        // The class column first, quoted class names with a comma, integer-looking cells: all kept as written.
        StringBuilder csv = new StringBuilder("kind,a,b\n");
        for (int i = 0; i < 30; i++) {
            csv.append("\"big, common\",").append(i).append(",0").append(i % 7).append('\n');
        }
        for (int i = 0; i < 6; i++) {
            csv.append("rare,").append(100 + i).append(',').append(i * 2).append('\n');
        }
        Path input = Files.writeString(dir.resolve("small.csv"), csv);
        Path out1 = dir.resolve("s1.csv");
        Path out2 = dir.resolve("s2.csv");
        for (Path out : List.of(out1, out2)) {
            BenchMlpCommandTest.Run run = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--target",
                    "kind", "--method", "SMOTE", "--k", "2", "--seed", "5", "--out", out.toString());
            assertEquals(0, run.exit(), run.err());
        }
        assertEquals(Files.readString(out1), Files.readString(out2), "same seed, same file");
        List<String> lines = Files.readAllLines(out1);
        assertEquals(Files.readAllLines(input), lines.subList(0, 37));
        assertEquals(37 + 24, lines.size());
        for (String line : lines.subList(37, lines.size())) {
            String[] cells = line.split(",");
            assertEquals("rare", cells[0]);
            double a = Double.parseDouble(cells[1]);
            double b = Double.parseDouble(cells[2]);
            assertTrue(a >= 100 && a <= 105 && b >= 0 && b <= 10, "inside the rare class's range: " + line);
        }
    }

    @Test
    void refusesToOverwriteTheInputOrAnExistingFileWithoutForce(@TempDir Path dir) throws IOException {
        Path input = glassCsv(dir);
        byte[] before = Files.readAllBytes(input);
        for (String force : new String[] {"--force", "--seed=0"}) {
            BenchMlpCommandTest.Run self = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--method",
                    "oversample", "--out", dir.resolve(".").resolve("glass.csv").toString(), force);
            assertEquals(2, self.exit());
            assertTrue(self.err().contains("is the input file"), self.err());
        }
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(input));

        Path existing = Files.writeString(dir.resolve("keep.csv"), "precious\n");
        BenchMlpCommandTest.Run refused = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--method",
                "undersample", "--out", existing.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("exists") && refused.err().contains("--force"), refused.err());
        assertEquals("precious\n", Files.readString(existing));

        BenchMlpCommandTest.Run forced = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--method",
                "undersample", "--out", existing.toString(), "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertEquals(55, Files.readAllLines(existing).size());
        assertNoTemporaryFiles(dir);
    }

    @Test
    void badOptionsAndDataAreOneLineExitTwoAndWriteNothing(@TempDir Path dir) throws IOException {
        Path input = glassCsv(dir);
        Path out = dir.resolve("out.csv");
        String[][] cases = {
            {"--method", "smote", "--k", "9"},          // Glass's smallest class has 9 rows: k must be at most 8
            {"--method", "oversample", "--k", "3"},     // --k only with smote
            {"--method", "smote", "--k", "0"},
            {"--method", "bootstrap"},
            {"--method", "smote", "--target", "kind"},
        };
        String[] expected = {"class '6' has 9", "--k applies only", "at least 1", "bootstrap", "'kind'"};
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new ArrayList<>(List.of("rebalance", "--data", input.toString(), "--out", out.toString()));
            Collections.addAll(args, cases[i]);
            BenchMlpCommandTest.Run run = BenchMlpCommandTest.run(args.toArray(new String[0]));
            assertEquals(2, run.exit(), String.join(" ", cases[i]) + ": " + run.err());
            assertTrue(run.err().contains(expected[i]), run.err());
            assertFalse(run.err().contains("\tat "), run.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", cases[i]));
        }
        BenchMlpCommandTest.Run noDir = BenchMlpCommandTest.run("rebalance", "--data", input.toString(), "--method",
                "oversample", "--out", dir.resolve("missing/out.csv").toString());
        assertEquals(2, noDir.exit());
        assertTrue(noDir.err().contains("does not exist"), noDir.err());
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,class\n1,2,x\n3,oops,y\n");
        BenchMlpCommandTest.Run badCell = BenchMlpCommandTest.run("rebalance", "--data", bad.toString(), "--method",
                "oversample", "--out", out.toString());
        assertEquals(2, badCell.exit());
        assertTrue(badCell.err().contains("line 3") && badCell.err().contains("'b'"), badCell.err());
        assertFalse(Files.exists(out));
        assertNoTemporaryFiles(dir);
    }

    private static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> temps = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
            assertTrue(temps.isEmpty(), "temporary files left: " + temps);
        }
    }
}
