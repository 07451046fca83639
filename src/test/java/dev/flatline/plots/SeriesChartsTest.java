package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.data.Datasets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/** Line and scatter charts: one trace per series or group, in order, with the values given. */
class SeriesChartsTest {

    private static JsonNode json(Chart chart) throws Exception {
        return new ObjectMapper().readTree(chart.toPlotlyJson());
    }

    @Test
    void linesDrawOneTracePerSeriesInOrderOnALogAxisWhenAsked() throws Exception {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put("accuracy", new double[] {0.1, 0.9, 0.8});
        series.put("balanced accuracy", new double[] {0.1, 0.5, 0.4});
        JsonNode figure = json(SeriesCharts.lines("sweep", "rate", true, "score", new double[] {1e-3, 1e-2, 1e-1},
                series));
        JsonNode data = figure.path("data");
        assertEquals(2, data.size());
        assertEquals("accuracy", data.get(0).path("name").asText());
        assertEquals(0.5, data.get(1).path("y").get(1).asDouble(), 1e-12);
        assertTrue(figure.toString().contains("\"log\""), figure.toString());
        assertThrows(IllegalArgumentException.class, () -> SeriesCharts.lines("t", "x", false, "y",
                new double[] {1, 2}, Map.of("short", new double[] {1})));
    }

    @Test
    void featureScatterCapsEachGroupAndSaysHowManyThereWere() throws Exception {
        Dataset<Label> train = Datasets.glass().train();
        Map<String, Dataset<Label>> groups = new LinkedHashMap<>();
        groups.put("all rows", train);
        JsonNode figure = json(SeriesCharts.featureScatter("glass", "RI", "Na", groups, 10));
        JsonNode trace = figure.path("data").get(0);
        assertEquals(10, trace.path("x").size());
        assertEquals("all rows (10 of " + train.size() + ")", trace.path("name").asText());
        assertEquals(train.getExample(0).lookup("RI").getValue(), trace.path("x").get(0).asDouble(), 1e-9);
    }
}
