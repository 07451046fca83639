package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Each kind of bad input fails early with a message that names the value. */
class BadInputTest {
    private static MutableDataset<Label> data(double[][] x, String... labels) {
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()), new LabelFactory());
        for (int i = 0; i < x.length; i++) {
            Example<Label> e = new ArrayExample<>(new Label(labels[i]), new String[] {"a", "b"}, x[i]);
            d.add(e);
        }
        return d;
    }

    private static void assertMessage(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "message '" + e.getMessage() + "' should mention " + p);
        }
    }

    private static MlpTrainer.Builder small() {
        return MlpTrainer.builder().batchSize(2).validationFraction(0).progress(false).epochs(1);
    }

    @Test
    void emptyDataset() {
        assertMessage(() -> small().build().train(data(new double[0][])), "empty");
    }

    @Test
    void oneClassOnly() {
        assertMessage(() -> small().build().train(data(new double[][] {{1, 2}, {3, 4}}, "x", "x")), "one class", "x");
    }

    @Test
    void nanOrInfiniteFeature() {
        // Tribuo refuses NaN when an example is added, so corrupt the values afterwards (as a
        // transformation or an in-place edit could).
        MutableDataset<Label> withNaN = data(new double[][] {{1, 2}, {3, 4}}, "x", "y");
        withNaN.getExample(1).set(new Feature("a", Double.NaN));
        assertMessage(() -> small().build().train(withNaN), "'a'", "example 1", "NaN");
        MutableDataset<Label> withInf = data(new double[][] {{1, 2}, {3, 4}}, "x", "y");
        withInf.getExample(0).set(new Feature("b", Double.POSITIVE_INFINITY));
        assertMessage(() -> small().build().train(withInf), "'b'", "example 0", "Infinity");
    }

    @Test
    void batchLargerThanData() {
        assertMessage(() -> small().batchSize(50).build().train(data(new double[][] {{1, 2}, {3, 4}}, "x", "y")),
                "batch size 50", "2 training rows");
    }

    @Test
    void badHyperparameters() {
        assertMessage(() -> small().learningRate(0).build(), "learning rate", "0.0");
        assertMessage(() -> small().learningRate(-1e-3).build(), "learning rate", "-0.001");
        assertMessage(() -> Optimiser.adam(-1), "learning rate", "-1.0");
        assertMessage(() -> small().hidden(64, 0).build(), "hidden layer 2", "size 0");
        assertMessage(() -> small().hidden(-3).build(), "size -3");
        assertMessage(() -> small().dropout(1).build(), "dropout", "1.0");
        assertMessage(() -> small().earlyStopping(3).build(), "validation fraction");
        assertMessage(() -> small().output(OutputActivation.LINEAR, LossFunction.FOCAL).build(), "FOCAL", "LINEAR");
        assertMessage(() -> small().classWeights(java.util.Map.of("x", -1.0)).build(), "'x'", "-1.0");
        assertTrue(List.of(1).size() == 1);
    }

    @Test
    void zeroClassWeightsAreNamedAsTheCauseOfANaNLossNotTheLearningRate() {
        double[][] x = new double[22][];
        String[] labels = new String[22];
        for (int i = 0; i < 22; i++) {
            x[i] = new double[] {i % 3, i % 5};
            labels[i] = i < 20 ? "a" : "b";
        }
        MlpModel zero = small().epochs(2).classWeights(java.util.Map.of("a", 0.0, "b", 1.0)).build()
                .train(data(x, labels));
        assertTrue(zero.history().diverged(), zero.history().stopMessage());
        assertTrue(zero.history().stopMessage().contains("class weight 0"), zero.history().stopMessage());
        assertFalse(zero.history().stopMessage().contains("Lower the learning rate"), zero.history().stopMessage());

        MlpModel healthy = small().epochs(2).classWeights(java.util.Map.of("a", 1.0, "b", 1.0)).build()
                .train(data(x, labels));
        assertFalse(healthy.history().diverged(), healthy.history().stopMessage());
    }
}
