package dev.flatline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flatline.data.ShuttleLikeFile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flatline checkup --stream}: the data checks report on every row, the model on the sample, and
 * the report says so; the same data findings as loading the file.
 */
class CheckupStreamingTest {

    @Test
    void streamsAFileChecksTheSampleAndSaysWhatRanWhere(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("big.csv");
        ShuttleLikeFile.write(csv, 30_000, 5);
        Path out = dir.resolve("report");
        var result = CheckupCommandTest.run("checkup", "--data", csv.toString(), "--stream", "--sample-rows", "6000",
                "--trainer", "logistic", "--budget", "20", "--out", out.toString());
        assertEquals(0, result.exit(), result.err());
        JsonNode json = CheckupCommandTest.json(out);
        String name = json.get("dataset").get("name").asText();
        assertTrue(name.contains("data checks on all 30,000 rows, streamed once on this machine"), name);
        assertTrue(name.contains("model, model checks and trials on a stratified sample of"), name);
        assertTrue(result.out().contains("data checks on all 30,000 rows"), result.out());
        // class-imbalance counts every row of the file, not the sample's.
        var loaded = dev.flatline.data.CsvData.from(csv).load().classCounts();
        JsonNode imbalance = finding(json, "class-imbalance");
        assertEquals(loaded.get(loaded.majority()), imbalance.get("evidence").get("majority_baseline_accuracy")
                .asDouble() * loaded.total(), 1e-6);
        assertEquals(loaded.get(loaded.minority()), imbalance.get("evidence").get("smallest_class_rows").asLong());
    }

    @Test
    void badLargeDataOptionsGetOneLine(@TempDir Path dir) throws IOException {
        // The heap running out is in LargeDataMemoryIT (a child JVM with a small heap).
        var result = CheckupCommandTest.run("checkup", "--data", dir.resolve("x.csv").toString(), "--sample-rows", "1");
        assertEquals(2, result.exit());
        assertTrue(result.err().contains("--sample-rows must be at least 2"), result.err());
        var spark = CheckupCommandTest.run("checkup", "--master", "local[2]", "--data", "x.csv");
        assertEquals(2, spark.exit());
        assertTrue(spark.err().contains("--master is for --spark"), spark.err());
        Path csv = dir.resolve("small.csv");
        ShuttleLikeFile.write(csv, 100, 1);
        var noSpark = CheckupCommandTest.run("checkup", "--spark", "--data", csv.toString());
        if (!LargeDataAvailability.sparkBuild()) {
            assertEquals(2, noSpark.exit());
            assertTrue(noSpark.err().contains("--spark needs the Spark build"), noSpark.err());
        }
    }

    /** Whether this is the -Pspark build (then --spark works and SparkCheckupTest covers it). */
    static final class LargeDataAvailability {
        static boolean sparkBuild() {
            try {
                Class.forName(LargeData.SPARK_CHECKUP);
                return true;
            } catch (ClassNotFoundException e) {
                return false;
            }
        }
    }

    static JsonNode finding(JsonNode json, String id) {
        for (JsonNode f : json.get("findings")) {
            if (f.get("id").asText().equals(id)) {
                return f;
            }
        }
        throw new AssertionError("no finding " + id + " in " + json.get("findings"));
    }
}
