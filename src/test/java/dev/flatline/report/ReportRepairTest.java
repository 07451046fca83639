package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.checks.Checkup;
import dev.flatline.checks.DeepNarrowBenchmark.Network;
import dev.flatline.checks.DeepNarrowBenchmark.Task;
import dev.flatline.checks.Repair;
import dev.flatline.checks.Diagnosis;
import dev.flatline.data.CheckData;
import dev.flatline.nn.HiddenActivation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The repair in the three renderings: each step's change and lift ± margin, the combined fix's lift, and
 * the final gap to the reference, the same numbers in each; a report without a repair shows none.
 */
class ReportRepairTest {

    private static Diagnosis report;

    @BeforeAll
    static void checkADeepNarrowReluStack() {
        CheckData data = Task.MOONS.data(0);
        Network network = new Network(Task.MOONS, 15, 3, HiddenActivation.RELU, 0);
        report = Checkup.of(data).trainer(network.trainer(data.train().size())).seed(0).run();
    }

    @Test
    void textShowsEachStepTheCombinedFixAndTheGap() {
        Repair repair = report.repair().orElseThrow();
        String text = ReportText.summary(report);
        for (Repair.Step step : repair.steps()) {
            assertTrue(text.contains(step.trial().change() + " (" + step.source() + ")"), text);
            assertTrue(text.contains("lift " + step.trial().liftText()), text);
        }
        assertTrue(text.contains("combined lift " + repair.combined().orElseThrow().liftText()), text);
        assertTrue(text.contains(repair.summary()), text);
    }

    @Test
    void jsonHoldsTheSameNumbers() throws Exception {
        Repair repair = report.repair().orElseThrow();
        JsonNode json = new ObjectMapper().readTree(ReportJson.write(report)).get("repair");
        assertEquals(repair.steps().size(), json.get("steps").size());
        JsonNode first = json.get("steps").get(0);
        assertEquals(repair.steps().get(0).trial().lift(), first.get("trial").get("lift").asDouble(), 1e-9);
        assertEquals(repair.steps().get(0).kept(), first.get("kept").asBoolean());
        assertEquals(repair.combined().orElseThrow().margin(), json.get("combined").get("lift_margin_95").asDouble(),
                1e-9);
        assertEquals(repair.gap(), json.get("gap_to_reference").asDouble(), 1e-9);
    }

    @Test
    void htmlHasARepairTableAndNoneWithoutARepair() {
        String html = ReportHtml.fragment(report);
        assertTrue(html.contains("<h2>Repair</h2>"), html);
        assertTrue(html.contains(report.repair().orElseThrow().combined().orElseThrow().liftText()), html);
        Diagnosis healthy = Checkup.of(Task.MOONS.data(0))
                .trainer(Checkup.defaultNetwork(Task.MOONS.data(0).train().size()).seed(0).build()).seed(0).run();
        assertTrue(healthy.repair().isEmpty());
        assertFalse(ReportHtml.fragment(healthy).contains("<h2>Repair</h2>"));
        assertFalse(ReportText.summary(healthy).contains("the next candidates"));
        assertFalse(ReportJson.tree(healthy).has("repair"));
    }
}
