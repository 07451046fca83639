package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flatline checkup}: writes both reports atomically and a ranked summary; refuses each kind of
 * bad input with one specific line and exit 2, leaving no output and the input untouched; copes with
 * messy real-world CSVs.
 */
class CheckupCommandTest {

    static BenchMlpCommandTest.Run run(String... args) {
        return BenchMlpCommandTest.run(args);
    }

    static JsonNode json(Path out) throws IOException {
        return new ObjectMapper().readTree(Files.readString(out.resolve("report.json")));
    }

    @Test
    void withNoArgumentsChecksTheCollapsingShuttleNetwork(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("report");
        var result = run("checkup", "--out", out.toString());
        assertEquals(0, result.exit(), result.err());
        JsonNode json = json(out);
        assertEquals("shuttle", json.get("dataset").get("name").asText());
        assertEquals("learning-rate", json.get("root_cause").asText());
        assertTrue(result.out().contains("Likely root cause: learning-rate"), result.out());
        assertTrue(result.out().indexOf("learning-rate") < result.out().indexOf("prediction-collapse"),
                "root cause printed first");
        assertTrue(Files.readString(out.resolve("report.html")).contains("Likely root cause: learning-rate"));
        assertNoTemporaryLeft(dir);
    }

    @Test
    void checksAUsersCsvWithEachTrainerAndReplacesAnOldReport(@TempDir Path dir) throws IOException {
        Path csv = copyOf(BenchMlpCommandTest.WINE, dir.resolve("wine.csv.gz"));
        byte[] before = Files.readAllBytes(csv);
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.writeString(out.resolve("report.json"), "old");
        for (String trainer : List.of("mlp", "logistic", "tree")) {
            var result = run("checkup", "--data", csv.toString(), "--trainer", trainer, "--out", out.toString(),
                    "--budget", "20");
            assertEquals(0, result.exit(), trainer + ": " + result.err());
            JsonNode json = json(out);
            assertEquals(trainer.equals("mlp") ? "MlpTrainer" : trainer.equals("tree")
                    ? "CARTClassificationTrainer" : "LogisticRegressionTrainer", json.get("trainer").get("kind").asText());
            assertEquals(18, json.get("checks").size());
        }
        var tuned = run("checkup", "--data", csv.toString(), "--lr", "0.05", "--epochs", "7", "--seed", "3",
                "--out", out.toString());
        assertEquals(0, tuned.exit(), tuned.err());
        assertTrue(json(out).get("trainer").get("description").asText().contains("epochs=7"));
        assertEquals(new String(before, StandardCharsets.ISO_8859_1),
                new String(Files.readAllBytes(csv), StandardCharsets.ISO_8859_1), "input untouched");
        assertNoTemporaryLeft(dir);
    }

    @Test
    void aSeparateTestFileIsUsedAsTheTestPart(@TempDir Path dir) throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), table(300, 4, 3, 1));
        Path test = Files.writeString(dir.resolve("test.csv"), table(90, 4, 3, 2));
        Path out = dir.resolve("out");
        var result = run("checkup", "--data", train.toString(), "--test", test.toString(), "--trainer", "logistic",
                "--out", out.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals(300, json(out).get("dataset").get("train_rows").asInt());
        assertEquals(90, json(out).get("dataset").get("test_rows").asInt());
    }

    @Test
    void badInputIsOneSpecificLineExitTwoAndNoOutput(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        record Case(String name, String csv, List<String> extra, List<String> mustSay) {
        }
        List<Case> cases = List.of(
                new Case("missing file", null, List.of(), List.of("does not exist")),
                new Case("unknown target", "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n", List.of(),
                        List.of("'class'", "label")),
                new Case("empty", "", List.of(), List.of("empty")),
                new Case("header only", "a,b,class\n", List.of(), List.of("line")),
                new Case("single class", "a,b,class\n1,2,x\n3,4,x\n5,6,x\n", List.of(), List.of("single class", "'x'")),
                new Case("non-numeric", "a,b,class\n1,2,x\n3,red,y\n5,6,x\n7,8,y\n", List.of(),
                        List.of("'red'", "'b'", "line 3")),
                new Case("missing value", "a,b,class\n1,2,x\n3,4,y\n5,,x\n7,8,y\n", List.of(),
                        List.of("'b'", "line 4")),
                new Case("unknown trainer", "a,b,class\n1,2,x\n3,4,y\n", List.of("--trainer", "forest"),
                        List.of("forest", "mlp")),
                new Case("lr for a tree", "a,b,class\n1,2,x\n3,4,y\n", List.of("--trainer", "tree", "--lr", "0.1"),
                        List.of("--lr")));
        for (Case c : cases) {
            Path csv = dir.resolve(c.name().replace(' ', '-') + ".csv");
            if (c.csv() != null) {
                Files.writeString(csv, c.csv());
            }
            List<String> args = new ArrayList<>(List.of("checkup", "--data", csv.toString(), "--out", out.toString()));
            args.addAll(c.extra());
            var result = run(args.toArray(new String[0]));
            assertEquals(2, result.exit(), c.name() + ": " + result.err());
            String err = result.err().strip();
            assertEquals(1, err.lines().count(), c.name() + " gives one line: " + err);
            assertTrue(err.startsWith("flatline checkup: "), err);
            for (String part : c.mustSay()) {
                assertTrue(err.contains(part), c.name() + " should mention " + part + ": " + err);
            }
            assertFalse(Files.exists(out), c.name() + ": nothing written");
            if (c.csv() != null) {
                assertEquals(c.csv(), Files.readString(csv), c.name() + ": input untouched");
            }
        }
        assertNoTemporaryLeft(dir);
    }

    @Test
    void anOutFolderThatIsAFileIsRefused(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "mine");
        var result = run("checkup", "--data", BenchMlpCommandTest.WINE.toString(), "--out", file.toString());
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("is a file"), result.err());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void messyCsvsAreCheckedToo(@TempDir Path dir) throws IOException {
        // Odd headers and quoted fields with commas, quotes and HTML in names.
        String odd = "\"sepal, length\",\" spaced \",\"naïve \"\"quoted\"\"\",<b>bold</b>,class\n";
        StringBuilder oddCsv = new StringBuilder(odd);
        Random random = new Random(1);
        for (int i = 0; i < 200; i++) {
            int k = i % 3;
            oddCsv.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%d,\"kind %s, <i>%d</i>\"%n",
                    k + random.nextGaussian(), random.nextGaussian(), 2 * k + random.nextGaussian(), i % 5,
                    "\"\"q\"\"", k));
        }
        // A class with a single row, beside two ordinary classes.
        String single = table(150, 3, 2, 4) + "9,9,9,lonely\n";
        Path singleCsv = dir.resolve("single.csv");
        Files.writeString(singleCsv, single);
        for (Path csv : List.of(Files.writeString(dir.resolve("odd.csv"), oddCsv), singleCsv,
                Files.writeString(dir.resolve("many-classes.csv"), table(26 * 12, 5, 26, 5)),
                Files.writeString(dir.resolve("wide.csv"), table(240, 120, 3, 6)))) {
            Path out = dir.resolve("out-" + csv.getFileName());
            var result = run("checkup", "--data", csv.toString(), "--out", out.toString(), "--epochs", "5",
                    "--budget", "20");
            assertEquals(0, result.exit(), csv.getFileName() + ": " + result.err());
            JsonNode json = json(out);
            assertTrue(json.get("checks").size() == 18);
            for (JsonNode check : json.get("checks")) {
                assertFalse(check.get("status").asText().equals("failed"), csv.getFileName() + ": " + check);
            }
            String html = Files.readString(out.resolve("report.html"));
            assertFalse(html.contains("<b>bold</b>") || html.contains("<i>0</i>"), "names escaped in the HTML");
        }
        assertEquals(single, Files.readString(singleCsv));
    }

    /** A CSV of {@code rows} rows, {@code features} numeric columns and {@code classes} separable classes. */
    static String table(int rows, int features, int classes, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder();
        for (int j = 0; j < features; j++) {
            csv.append("f").append(j).append(',');
        }
        csv.append("class\n");
        for (int i = 0; i < rows; i++) {
            int k = i % classes;
            for (int j = 0; j < features; j++) {
                double centre = (j % classes == k) ? 2 : 0;
                csv.append(String.format(Locale.ROOT, "%.4f,", centre + random.nextGaussian()));
            }
            csv.append("c").append((char) ('A' + k % 26)).append(k / 26).append('\n');
        }
        return csv.toString();
    }

    static Path copyOf(Path source, Path target) throws IOException {
        return Files.write(target, Files.readAllBytes(source));
    }

    static void assertNoTemporaryLeft(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".flatline-checkup-")),
                    "no temporary folder left");
        }
    }
}
