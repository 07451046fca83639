package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code flatline bench mlp} prints its figures as one JSON line, last, and refuses bad input plainly. */
class BenchMlpCommandTest {

    static final Path WINE = Path.of("src/main/resources/dev/flatline/data/sklearn_wine.csv.gz");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine command = FlatlineCli.commandLine();
        StringWriter err = new StringWriter();
        command.setErr(new PrintWriter(err, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = command.execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void printsTheFiguresAsOneJsonLineLast() throws IOException {
        Run run = run("bench", "mlp", "--data", WINE.toString(), "--hidden", "16", "--batch", "32", "--epochs", "3",
                "--repeat", "2");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        for (String key : List.of("examples_per_s", "fit_s", "cold_fit_s", "cold_examples_per_s", "warm_fit_s",
                "warm_examples_per_s", "epochs", "batch", "threads", "accuracy", "balanced_accuracy", "macro_f1",
                "pred_hist")) {
            assertTrue(json.has(key), "missing " + key + " in " + json);
        }
        // Cold is the first fit, warm the median of the others (here the second of two).
        JsonNode all = json.get("fit_s_all");
        assertEquals(2, all.size());
        assertEquals(all.get(0).asDouble(), json.get("cold_fit_s").asDouble(), 1e-4);
        assertEquals(all.get(1).asDouble(), json.get("warm_fit_s").asDouble(), 1e-4);
        double examplesPerFit = 142 * 3; // wine's training part (80% of 178, stratified) times 3 epochs
        for (String kind : List.of("cold", "warm")) {
            double speed = json.get(kind + "_examples_per_s").asDouble();
            double seconds = json.get(kind + "_fit_s").asDouble();
            // Seconds are printed to 0.1 ms, so allow that rounding.
            assertEquals(examplesPerFit, speed * seconds, 0.01 * examplesPerFit + speed * 0.00005, kind);
        }
        String human = lines.get(lines.size() - 2);
        assertTrue(human.startsWith("cold (first fit in this JVM): ") && human.contains("; warm (median of the 1 fits"),
                human);
        assertEquals(3, json.get("epochs").asInt());
        assertEquals(32, json.get("batch").asInt());
        assertTrue(json.get("examples_per_s").asDouble() > 0);
        assertEquals(3, json.get("pred_hist").size(), "one count per wine class");
        int predicted = 0;
        for (JsonNode count : json.get("pred_hist")) {
            predicted += count.asInt();
        }
        assertEquals(36, predicted, "every test row (20% of 178, stratified) is predicted once");
    }

    @Test
    void aSingleFitHasNoWarmFigure() throws IOException {
        Run run = run("bench", "mlp", "--data", WINE.toString(), "--hidden", "8", "--batch", "32", "--epochs", "1");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertTrue(json.get("warm_fit_s").isNull() && json.get("warm_examples_per_s").isNull(), json.toString());
        assertEquals(json.get("fit_s").asDouble(), json.get("cold_fit_s").asDouble(), 1e-4);
        assertTrue(lines.get(lines.size() - 2).contains("warm: run with --repeat 2 or more"), lines.toString());
    }

    @Test
    void badInputIsOneClearLineAndExitTwo(@TempDir Path dir) throws IOException {
        Run missing = run("bench", "mlp", "--data", dir.resolve("nope.csv").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.csv"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace: " + missing.err());

        Path csv = Files.writeString(dir.resolve("bad.csv"), "a,b,class\n1,2,x\n3,,y\n");
        byte[] before = Files.readAllBytes(csv);
        Run badCell = run("bench", "mlp", "--data", csv.toString());
        assertEquals(2, badCell.exit());
        assertTrue(badCell.err().contains("line 3") && badCell.err().contains("'b'"), badCell.err());
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(csv), "the input file is untouched");
    }
}
