package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.data.Datasets;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.TrainingHistory;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live chart as a learner reads it: losses on a log axis (a large first epoch must not flatten the
 * rest), the class bands listed in the legend in the order they are stacked, and no class drawn grey.
 * Ten digit classes, so that plotly's default colour cycle would reach its grey (the eighth colour).
 */
class TrainingProgressChartTest {
    static final String PLOTLY_GREY = "#7f7f7f";
    static TrainingHistory history;

    @BeforeAll
    static void trainOnTenClasses() {
        var digits = Datasets.digits().standardised().subsampleTrain(400, 0);
        history = MlpTrainer.builder().hidden(16).epochs(3).batchSize(32).seed(0).progress(false).build()
                .train(digits.train()).history();
    }

    static JsonNode figure() throws Exception {
        return new ObjectMapper().readTree(TrainingProgressChart.of(history, 3, 1.0, true).toPlotlyJson());
    }

    @Test
    void theLossAxisIsLogarithmic() throws Exception {
        JsonNode layout = figure().get("layout");
        assertEquals("log", layout.at("/yaxis/type").asText(), layout.toString());
        assertTrue(layout.at("/yaxis/title/text").asText().contains("log"), "the axis title says so");
        assertEquals("share of predictions", layout.at("/yaxis2/title/text").asText());
    }

    @Test
    void theLegendListsTheBandsTopOfTheStackFirstAfterTheLosses() throws Exception {
        JsonNode data = figure().get("data");
        assertEquals("normal", figure().at("/layout/legend/traceorder").asText(),
                "plotly would reverse a stacked legend by default, undoing the ranks");
        assertEquals(2 + 10, data.size());
        assertTrue(data.get(0).get("legendrank").asInt() < data.get(1).get("legendrank").asInt(), "training loss first");
        int previous = Integer.MAX_VALUE;
        for (int i = 2; i < data.size(); i++) {
            JsonNode band = data.get(i);
            assertEquals("one", band.get("stackgroup").asText());
            int rank = band.get("legendrank").asInt();
            assertTrue(rank > data.get(1).get("legendrank").asInt(), "bands after the losses");
            // Plotly stacks the first band at the bottom; the legend must list it last.
            assertTrue(rank < previous, "band " + i + " ranks above the band below it: " + rank + " vs " + previous);
            previous = rank;
        }
    }

    @Test
    void noClassIsGreyAndEveryClassHasItsOwnColour() throws Exception {
        JsonNode data = figure().get("data");
        Set<String> colours = new HashSet<>();
        for (int i = 2; i < data.size(); i++) {
            String colour = data.get(i).at("/line/color").asText();
            assertFalse(colour.isEmpty(), "band " + i + " has an explicit colour");
            assertEquals(colour, data.get(i).get("fillcolor").asText());
            colours.add(colour.toLowerCase());
        }
        assertEquals(10, colours.size(), "ten classes, ten colours: " + colours);
        assertFalse(colours.contains(PLOTLY_GREY), "no class is drawn grey: " + colours);
    }

    @Test
    void theHistoryChartsUseTheSameClassColours() throws Exception {
        JsonNode shares = new ObjectMapper().readTree(TrainingCharts.predictedShares(history).toPlotlyJson());
        JsonNode live = figure().get("data");
        for (int c = 0; c < 10; c++) {
            assertEquals(live.get(2 + c).at("/line/color").asText(), shares.at("/data/" + c + "/line/color").asText());
        }
        JsonNode loss = new ObjectMapper().readTree(TrainingCharts.lossCurves(history).toPlotlyJson());
        assertEquals("log", loss.at("/layout/yaxis/type").asText());
    }
}
