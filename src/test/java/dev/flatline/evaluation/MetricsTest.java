package dev.flatline.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Balanced accuracy is one number wherever flatline quotes it: scored from a Tribuo evaluation it equals
 * the checkup's, and a class missing from the test set does not count (where Tribuo's
 * {@code 1 - balancedErrorRate()} would average it in).
 */
class MetricsTest {

    private static MutableDataset<Label> dataset(String... labels) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("test", factory), factory);
        for (int i = 0; i < labels.length; i++) {
            data.add(new ArrayExample<>(new Label(labels[i]), new String[] {"x"}, new double[] {i}));
        }
        return data;
    }

    @Test
    void anEvaluationScoresLikeTheCheckupAndIgnoresAClassMissingFromTheTestSet() {
        Model<Label> majority = DummyClassifierTrainer.createMostFrequentTrainer().train(dataset("a", "a", "a", "b", "c"));
        MutableDataset<Label> test = dataset("a", "a", "b");          // no "c" in the test set
        LabelEvaluation evaluation = new LabelEvaluator().evaluate(majority, test);

        Metrics fromEvaluation = Metrics.of(evaluation);
        Metrics fromModel = Metrics.of(majority, test, List.of("a", "b", "c"));
        assertEquals(0.5, fromEvaluation.balancedAccuracy(), 1e-12, "mean of recall(a) = 1 and recall(b) = 0");
        assertEquals(fromModel.balancedAccuracy(), fromEvaluation.balancedAccuracy(), 1e-12);
        assertEquals(fromModel.macroF1(), fromEvaluation.macroF1(), 1e-12);
        assertEquals(List.of("b"), fromEvaluation.neverPredicted());
        assertEquals(2.0 / 3, fromEvaluation.accuracy(), 1e-12);
        assertTrue(fromEvaluation.recall().keySet().containsAll(List.of("a", "b")));
    }

    @Test
    void entropyIsInNats() {
        assertEquals(Math.log(2), Metrics.entropy(java.util.Map.of("a", 3, "b", 3)), 1e-12);
    }
}
