package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.checks.Diagnosis;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checkup report as JSON: the agreed keys, one entry per finding and check, valid numbers. */
class ReportJsonTest {

    @Test
    void hasTheAgreedShape() throws Exception {
        Diagnosis report = ReportFixtures.hostileReport();
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(report));
        for (String key : List.of("dataset", "trainer", "model", "findings", "root_cause", "trials", "checks",
                "elapsed_s")) {
            assertTrue(json.has(key), key);
        }
        assertEquals(report.trainRows(), json.get("dataset").get("train_rows").asInt());
        assertEquals("MlpTrainer", json.get("trainer").get("kind").asText());
        assertEquals(report.findings().size(), json.get("findings").size());
        for (JsonNode f : json.get("findings")) {
            for (String key : List.of("id", "severity", "title", "evidence", "remedy", "notebook")) {
                assertTrue(f.has(key), key + " in " + f);
            }
            assertTrue(List.of("high", "medium", "low", "info").contains(f.get("severity").asText()));
        }
        assertEquals(report.results().size(), json.get("checks").size());
        assertEquals(report.rootCause().map(r -> r.id()).orElse(null),
                json.get("root_cause").isNull() ? null : json.get("root_cause").asText());
        assertTrue(json.get("dataset").get("class_counts").has(ReportFixtures.HOSTILE_CLASS),
                "JSON keeps names as they are (it is not HTML)");
        assertTrue(json.get("elapsed_s").asDouble() > 0);
    }
}
