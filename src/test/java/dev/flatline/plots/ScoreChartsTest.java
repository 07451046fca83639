package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.remedies.BinaryScores;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Precision-recall, ROC and reliability charts: one line per score set, summary in the legend. */
class ScoreChartsTest {

    private static Map<String, BinaryScores> two() {
        boolean[] y = {false, false, true, true, false, true};
        Map<String, BinaryScores> scores = new LinkedHashMap<>();
        scores.put("good", new BinaryScores("p", y, new double[] {0.1, 0.2, 0.8, 0.9, 0.3, 0.7}));
        scores.put("poor", new BinaryScores("p", y, new double[] {0.6, 0.2, 0.3, 0.9, 0.8, 0.4}));
        return scores;
    }

    private static JsonNode data(FigureChart chart) throws Exception {
        return new ObjectMapper().readTree(chart.toPlotlyJson()).path("data");
    }

    @Test
    void rocHasALinePerModelAndTheChanceDiagonal() throws Exception {
        JsonNode data = data(Charts.roc(two()));
        assertEquals(3, data.size());
        assertEquals("good (AUC 1.000)", data.get(0).path("name").asText());
        assertEquals("dot", data.get(2).path("line").path("dash").asText());
    }

    @Test
    void precisionRecallShowsEachPrevalenceFloor() throws Exception {
        JsonNode data = data(Charts.precisionRecall(two()));
        assertEquals(4, data.size());
        assertTrue(data.get(0).path("name").asText().startsWith("good (AP 1.000"), data.get(0).path("name").asText());
        assertTrue(data.get(1).path("name").asText().contains("prevalence 0.500"));
    }

    @Test
    void reliabilityNamesTheBrierScore() throws Exception {
        FigureChart chart = Charts.reliability(two());
        JsonNode data = data(chart);
        assertTrue(data.get(0).path("name").asText().contains("Brier"), data.toString());
        assertTrue(chart.title().contains("10 bins"));
        assertThrows(IllegalArgumentException.class, () -> Charts.roc(Map.of()));
    }
}
