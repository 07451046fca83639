package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.DeepNarrowBenchmark.Network;
import dev.flatline.checks.DeepNarrowBenchmark.Task;
import dev.flatline.data.CheckData;
import dev.flatline.nn.HiddenActivation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The repair: a deep narrow ReLU stack whose single remedy (leaky ReLU) leaves it far from what the data
 * allow is repaired by the next candidate, with each step's lift and the combined fix's; a healthy
 * network gets no repair.
 */
class RepairTest {

    @Test
    void aDeepNarrowReluStackThatOneFixDoesNotRepairIsRepairedByTheNextCandidate() {
        CheckData data = Task.MOONS.data(0);
        Network network = new Network(Task.MOONS, 15, 3, HiddenActivation.RELU, 0);
        Diagnosis report = Checkup.of(data).trainer(network.trainer(data.train().size())).seed(0).run();
        String text = dev.flatline.report.ReportText.summary(report);
        assertTrue(report.symptom().present(), text);
        // The benchmark's reference, scored on the same test part (the symptom's may be scored on other rows).
        double reference = DeepNarrowBenchmark.reference(data, 0, data.classCounts().classes()).balancedAccuracy();
        List<Trial> single = report.trials().stream().filter(t -> t.onTopOf().isEmpty()).toList();
        assertFalse(single.isEmpty(), text);
        // The single remedies fall short of the reference: one guess does not repair this network.
        assertTrue(single.stream().allMatch(t -> t.after().balancedAccuracy() < reference - Repair.WITHIN), text);
        assertTrue(report.repair().isPresent(), text);
        Repair repair = report.repair().get();
        assertTrue(repair.finalAfter() >= reference - Repair.WITHIN, text);
        // A candidate that no single trial tried is among the steps kept.
        List<String> triedAlone = single.stream().map(Trial::change).toList();
        assertTrue(repair.steps().stream().anyMatch(s -> s.kept() && !triedAlone.contains(s.trial().change())), text);
        // The combined fix is measured against the model as checked, and its lift beats its noise.
        Trial combined = repair.combined().orElseThrow();
        assertTrue(combined.significant(), text);
        assertTrue(Math.abs(combined.before().balancedAccuracy() - report.metrics().balancedAccuracy()) < 1e-9, text);
        assertTrue(Math.abs(combined.after().balancedAccuracy() - repair.finalAfter()) < 1e-9, text);
        assertTrue(repair.steps().size() <= Repair.MAX_STEPS, text);
        assertTrue(text.contains("the next candidates"), text);
    }

    @Test
    void aHealthyNetworkGetsNoRepair() {
        CheckData data = Task.MOONS.data(0);
        Diagnosis report = Checkup.of(data).trainer(Checkup.defaultNetwork(data.train().size()).seed(0).build()).seed(0)
                .run();
        assertFalse(report.symptom().present(), report.symptom()::summary);
        assertTrue(report.repair().isEmpty(), report::toString);
    }
}
