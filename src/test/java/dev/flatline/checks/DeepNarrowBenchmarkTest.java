package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.DeepNarrowBenchmark.Case;
import dev.flatline.checks.DeepNarrowBenchmark.Network;
import dev.flatline.checks.DeepNarrowBenchmark.Task;
import dev.flatline.data.CheckData;
import dev.flatline.nn.HiddenActivation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A reduced deep-narrow benchmark (the whole one is {@code ./flatline bench deep}): one network of each
 * activation, 10 to 17 layers deep, each repaired to within {@link Repair#WITHIN} of the reference, and no
 * underperformer given a clean bill.
 */
class DeepNarrowBenchmarkTest {

    @Test
    void deepNarrowNetworksAreRepaired() {
        List<Case> cases = new ArrayList<>();
        for (Network n : List.of(new Network(Task.MOONS, 17, 5, HiddenActivation.SIGMOID, 0),
                new Network(Task.CIRCLES, 15, 3, HiddenActivation.RELU, 0),
                new Network(Task.CIRCLES, 10, 4, HiddenActivation.TANH, 0))) {
            Case c = DeepNarrowBenchmark.run(n, Duration.ofSeconds(30));
            cases.add(c);
            assertTrue(c.repaired(), c::row);
            assertFalse(c.cleanBillForUnderperformer(), c::row);
        }
        String totals = DeepNarrowBenchmark.totals(cases);
        assertTrue(totals.contains(": 3/3 (100.0%)") && totals.endsWith("clean bills for underperformers: 0/"
                + cases.stream().filter(Case::underperformer).count()), totals);
    }

    @Test
    void theTasksAreSeededAndStratified() {
        for (Task task : Task.values()) {
            CheckData a = task.data(3);
            CheckData b = task.data(3);
            assertTrue(a.train().size() == b.train().size() && a.train().getExample(0).toString()
                    .equals(b.train().getExample(0).toString()), task::name);
            assertFalse(a.train().getExample(0).toString().equals(task.data(4).train().getExample(0).toString()),
                    task::name);
            a.classCounts().asMap().forEach((c, n) -> assertTrue(n > 0, task + " " + c));
        }
    }
}
