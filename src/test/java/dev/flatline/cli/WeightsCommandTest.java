package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.data.Datasets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flatline weights} prints scikit-learn's balanced weights as one JSON object. */
class WeightsCommandTest {

    static final Path GLASS = Path.of("src/main/resources/dev/flatline/data/glass.csv.gz");

    @Test
    void printsTheBalancedFormulaForEveryClass() throws IOException {
        BenchMlpCommandTest.Run run = BenchMlpCommandTest.run("weights", "--data", GLASS.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(1, run.out().lines().count(), "one JSON object, one line: " + run.out());
        JsonNode json = new ObjectMapper().readTree(run.out());
        Map<String, Integer> counts = new TreeMap<>();
        for (String label : Datasets.glass().table().stringColumn("class").asObjectArray()) {
            counts.merge(label, 1, Integer::sum);
        }
        assertEquals(counts.size(), json.size());
        counts.forEach((label, count) -> assertEquals(214.0 / (counts.size() * count), json.get(label).asDouble(), 1e-12,
                label));
    }

    @Test
    void badInputIsOneLineAndExitTwo(@TempDir Path dir) {
        BenchMlpCommandTest.Run missing = BenchMlpCommandTest.run("weights", "--data", dir.resolve("no.csv").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no.csv") && missing.err().contains("does not exist"), missing.err());
        BenchMlpCommandTest.Run target = BenchMlpCommandTest.run("weights", "--data", GLASS.toString(), "--target", "kind");
        assertEquals(2, target.exit());
        assertTrue(target.err().contains("'kind'"), target.err());
        assertFalse(target.err().contains("\tat "), target.err());
        assertEquals("", target.out());
    }
}
