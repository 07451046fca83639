package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;

class ChartsTest {

    private static final ObjectMapper STRICT = new ObjectMapper();

    private static JsonNode json(Chart chart) throws Exception {
        return STRICT.readTree(chart.toPlotlyJson());
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Map<String, Integer> shuttleLike() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("Rad.Flow", 4558);
        counts.put("High", 890);
        counts.put("Bpv.Close", 1);
        return counts;
    }

    @Test
    void classDistributionKeepsTheGivenOrderAndCounts() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("zeta", 30);
        counts.put("alpha", 20);
        counts.put("mid", 10);
        JsonNode figure = json(Charts.classDistribution(counts));
        assertEquals(List.of("zeta", "alpha", "mid"), texts(figure.at("/data/0/x")));
        assertEquals(List.of("30.0", "20.0", "10.0"), texts(figure.at("/data/0/y")));
        assertEquals(List.of("30", "20", "10"), texts(figure.at("/data/0/text")));
        assertEquals("Rows per class", figure.at("/layout/title/text").asText());
        assertEquals("rows", figure.at("/layout/yaxis/title/text").asText());
        assertEquals("class", figure.at("/layout/xaxis/title/text").asText());
        assertEquals("linear", figure.at("/layout/yaxis/type").asText(), "3-fold imbalance stays linear");
        assertEquals("category", figure.at("/layout/xaxis/type").asText());
        assertTrue(figure.at("/data/0/hovertemplate").asText().contains("%{y:,} rows"));
    }

    @Test
    void classDistributionTurnsLogWhenSmallClassesWouldVanish() throws Exception {
        JsonNode auto = json(Charts.classDistribution(shuttleLike()));
        assertEquals("log", auto.at("/layout/yaxis/type").asText());
        assertEquals("Rows per class (log scale)", auto.at("/layout/title/text").asText());
        assertEquals("rows (log scale)", auto.at("/layout/yaxis/title/text").asText());
        JsonNode linear = json(Charts.classDistribution(shuttleLike(), AxisScale.LINEAR));
        assertEquals("linear", linear.at("/layout/yaxis/type").asText());
        assertEquals("4,558", linear.at("/data/0/text/0").asText());
    }

    @Test
    void aLogCountAxisIsTickedAtPowersOfTenOnly() throws Exception {
        // plotly's default log ticks also label 2 and 5 in every decade, which crowd over five decades.
        JsonNode log = json(Charts.classDistribution(shuttleLike()));
        assertEquals(1, log.at("/layout/yaxis/dtick").asInt(), "one tick per decade: " + log.at("/layout/yaxis"));
        JsonNode linear = json(Charts.classDistribution(shuttleLike(), AxisScale.LINEAR));
        assertTrue(linear.at("/layout/yaxis/dtick").isMissingNode(), "a linear axis keeps plotly's ticks");
    }

    @Test
    void classDistributionOfADatasetPutsTheMostCommonClassFirst() throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("b", 3);
        rows.put("a", 12);
        rows.put("c", 3);
        JsonNode figure = json(Charts.classDistribution(TribuoFixtures.dataset(rows)));
        assertEquals(List.of("a", "b", "c"), texts(figure.at("/data/0/x")));
        assertEquals(List.of("12.0", "3.0", "3.0"), texts(figure.at("/data/0/y")));
    }

    @Test
    void classDistributionOfLabelledDataCountsTheWholeDatasetOnALogAxis() throws Exception {
        JsonNode figure = json(Charts.classDistribution(dev.flatline.data.Datasets.shuttle()));
        assertEquals(List.of("Rad.Flow", "High", "Bypass", "Fpv.Open", "Fpv.Close", "Bpv.Open", "Bpv.Close"),
                texts(figure.at("/data/0/x")));
        assertEquals(List.of("45,586", "8,903", "3,267", "171", "50", "13", "10"), texts(figure.at("/data/0/text")));
        assertEquals("log", figure.at("/layout/yaxis/type").asText());
        assertTrue(figure.at("/layout/title/text").asText().startsWith("Rows per class, shuttle"));
    }

    @Test
    void predictedVsTrueShowsClassesNeverPredicted() throws Exception {
        List<String> truth = List.of("a", "a", "a", "b", "c", "b");
        List<String> predicted = List.of("a", "a", "a", "a", "a", "d");
        JsonNode figure = json(Charts.predictedVsTrue(truth, predicted));
        assertEquals(List.of("a", "b", "c", "d"), texts(figure.at("/data/0/x")));
        assertEquals("true", figure.at("/data/0/name").asText());
        assertEquals("predicted", figure.at("/data/1/name").asText());
        assertEquals(List.of("3.0", "2.0", "1.0", "0.0"), texts(figure.at("/data/0/y")));
        assertEquals(List.of("5.0", "0.0", "0.0", "1.0"), texts(figure.at("/data/1/y")));
        assertEquals("group", figure.at("/layout/barmode").asText());
        assertEquals("True vs predicted rows per class", figure.at("/layout/title/text").asText());
    }

    @Test
    void predictedVsTrueFromTribuoIncludesEveryClassOfTheDomain() throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("big", 20);
        rows.put("small", 5);
        rows.put("tiny", 1);
        MutableDataset<Label> data = TribuoFixtures.dataset(rows);
        LabelEvaluation evaluation = TribuoFixtures.collapsedEvaluation(data);
        for (Chart chart : List.of(Charts.predictedVsTrue(evaluation), Charts.predictedVsTrue(evaluation.getPredictions()))) {
            JsonNode figure = json(chart);
            assertEquals(List.of("big", "small", "tiny"), texts(figure.at("/data/0/x")), chart.toPlotlyJson());
            assertEquals(List.of("20.0", "5.0", "1.0"), texts(figure.at("/data/0/y")));
            assertEquals(List.of("26.0", "0.0", "0.0"), texts(figure.at("/data/1/y")));
        }
    }

    @Test
    void confusionMatrixPutsTrueDownPredictedAcrossWithCountsAsText() throws Exception {
        Map<String, Integer> rows = new LinkedHashMap<>();
        rows.put("small", 5);
        rows.put("big", 20);
        rows.put("tiny", 1);
        LabelEvaluation evaluation = TribuoFixtures.collapsedEvaluation(TribuoFixtures.dataset(rows));
        JsonNode figure = json(Charts.confusionMatrix(evaluation));
        assertEquals(List.of("big", "small", "tiny"), texts(figure.at("/data/0/x")));
        assertEquals(List.of("big", "small", "tiny"), texts(figure.at("/data/0/y")));
        // Row "small" (5 rows) all predicted "big": share 1.0 in column 0, text "5".
        assertEquals(1.0, figure.at("/data/0/z/1/0").asDouble());
        assertEquals(0.0, figure.at("/data/0/z/1/1").asDouble());
        assertEquals("5", figure.at("/data/0/text/1/0").asText());
        assertEquals("0", figure.at("/data/0/text/2/2").asText());
        assertEquals("%{text}", figure.at("/data/0/texttemplate").asText());
        assertTrue(figure.at("/data/0/reversescale").asBoolean(), "fuller cells darker");
        assertEquals("predicted class", figure.at("/layout/xaxis/title/text").asText());
        assertEquals("true class", figure.at("/layout/yaxis/title/text").asText());
        assertEquals("reversed", figure.at("/layout/yaxis/autorange").asText());
        assertTrue(figure.at("/layout/title/text").asText().startsWith("Confusion matrix"));

        JsonNode counts = json(Charts.confusionMatrix(evaluation, CellColour.COUNT));
        assertEquals(5.0, counts.at("/data/0/z/1/0").asDouble());
        assertEquals(20.0, counts.at("/data/0/zmax").asDouble());
    }

    @Test
    void badInputIsRefusedWithAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.predictedVsTrue(List.of("a"), List.of("a", "b"))).getMessage().contains("1 true labels but 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.classDistribution(Map.of())).getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.classDistribution(Map.of("a", -1))).getMessage().contains("class 'a' has count -1"));
        List<String> withNull = new ArrayList<>(List.of("a", "b"));
        withNull.set(1, null);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.predictedVsTrue(List.of("a", "b"), withNull)).getMessage().contains("index 1"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Charts.confusionMatrix(null)).getMessage().contains("evaluation is null"));
    }
}
