package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/** Balanced weights are scikit-learn's formula; applied weights land on copies, never on the input. */
class ClassWeightsTest {

    @Test
    void balancedWeightsAreTheFormulaOnShuttleAndGlass() {
        for (Dataset<Label> train : new Dataset[] {Fixtures.shuttle().train(), Fixtures.glassTrain()}) {
            Map<String, Integer> counts = Fixtures.count(train);
            ClassWeights weights = ClassWeights.balanced(train);
            assertEquals(counts.keySet(), weights.asMap().keySet());
            double weightedRows = 0;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                double expected = (double) train.size() / (counts.size() * entry.getValue());
                assertEquals(expected, weights.weight(entry.getKey()), 1e-12, entry.getKey());
                weightedRows += entry.getValue() * weights.weight(entry.getKey());
            }
            // The defining property: every class carries the same total weight, n / K, so the weights sum to n.
            assertEquals(train.size(), weightedRows, 1e-6);
        }
    }

    @Test
    void shuttleRarestClassWeighsThousandsOfTimesTheMajority() {
        ClassWeights weights = ClassWeights.balanced(Fixtures.shuttle().train());
        double majority = weights.weight("Rad.Flow");
        double rarest = weights.asMap().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(majority < 0.2, "the 36k-row majority weighs " + majority);
        assertTrue(rarest / majority > 3000, "ratio " + rarest / majority);
    }

    @Test
    void applyToWeighsCopiesAndLeavesTheInputAlone() {
        Dataset<Label> train = Fixtures.glassTrain();
        ClassWeights weights = ClassWeights.balanced(train);
        Dataset<Label> weighted = weights.applyTo(train);
        assertEquals(train.size(), weighted.size());
        int i = 0;
        for (Example<Label> example : weighted) {
            Example<Label> original = train.getExample(i++);
            assertEquals(1.0f, original.getWeight(), "input untouched");
            assertEquals((float) weights.weight(example.getOutput().getLabel()), example.getWeight(), 1e-6f);
            assertEquals(original.getOutput(), example.getOutput());
        }
    }

    @Test
    void userWeightsDefaultToOneAndTyposAreErrors() {
        Dataset<Label> train = Fixtures.glassTrain();
        String some = Fixtures.count(train).keySet().iterator().next();
        ClassWeights mine = ClassWeights.of(Map.of(some, 4.0));
        Dataset<Label> weighted = mine.applyTo(train);
        for (Example<Label> example : weighted) {
            assertEquals(example.getOutput().getLabel().equals(some) ? 4.0f : 1.0f, example.getWeight());
        }
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> ClassWeights.of(Map.of("no-such-class", 2.0)).applyTo(train));
        assertTrue(typo.getMessage().contains("no-such-class"), typo.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(Map.of(some, -1.0)));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.of(Map.of(some, Double.NaN)));
        assertThrows(IllegalArgumentException.class, () -> ClassWeights.balanced(Map.of("a", 3, "b", 0)));
    }
}
