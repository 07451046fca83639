package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

/** {@code Charts.recallComparison}: one bar group per class, one bar per model, recall as height. */
class RecallComparisonChartTest {

    @Test
    void oneTracePerModelWithRecallPerClassMostCommonFirst() throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("rare", 3);
        rows.put("common", 12);
        MutableDataset<Label> data = TribuoFixtures.dataset(rows);
        Map<String, LabelEvaluation> evaluations = new LinkedHashMap<>();
        evaluations.put("collapsed", TribuoFixtures.collapsedEvaluation(data));
        evaluations.put("tree", new LabelEvaluator().evaluate(new CARTClassificationTrainer().train(data), data));
        JsonNode figure = new ObjectMapper().readTree(Charts.recallComparison(evaluations).toPlotlyJson());
        JsonNode traces = figure.get("data");
        assertEquals(2, traces.size());
        for (JsonNode trace : traces) {
            assertEquals("common", trace.get("x").get(0).asText(), "most test rows first");
            assertEquals("rare", trace.get("x").get(1).asText());
        }
        assertEquals(1.0, traces.get(0).get("y").get(0).asDouble());
        assertEquals(0.0, traces.get(0).get("y").get(1).asDouble(), "the collapsed model never finds 'rare'");
        assertEquals("0.00", traces.get(0).get("text").get(1).asText(), "a zero is labelled, not invisible");
        assertEquals(1.0, traces.get(1).get("y").get(1).asDouble());
        assertTrue(traces.get(0).get("name").asText().contains("collapsed (balanced accuracy 0.500)"),
                traces.get(0).get("name").asText());
        assertEquals("group", figure.get("layout").get("barmode").asText());
        assertThrows(IllegalArgumentException.class, () -> Charts.recallComparison(Map.of()));
    }
}
