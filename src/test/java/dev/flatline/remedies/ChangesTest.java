package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.CheckData;
import dev.flatline.data.Datasets;
import dev.flatline.nn.ClassWeighting;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.MlpTrainer;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;

/** Every change makes new data or a new trainer and leaves the ones it is given as they were. */
class ChangesTest {

    private static CheckData glass() {
        return CheckData.of(Datasets.glass());
    }

    @Test
    void dataChangesMakeNewDataAndLeaveTheOriginalAsItWas() {
        CheckData raw = glass();
        double first = raw.train().getExample(0).lookup(raw.featureNames().get(0)).getValue();
        MlpTrainer network = MlpTrainer.builder().build();

        Change.Attempt standardised = Changes.standardise().apply(raw, network);
        assertTrue(standardised.data().standardised());
        assertTrue(standardised.retrain());
        assertFalse(raw.standardised());
        assertEquals(first, raw.train().getExample(0).lookup(raw.featureNames().get(0)).getValue(), 0.0);

        String dropped = raw.featureNames().get(0);
        Change.Attempt fewer = Changes.dropColumns(List.of(dropped)).apply(raw, network);
        assertFalse(fewer.data().featureNames().contains(dropped));
        assertTrue(raw.featureNames().contains(dropped));
        assertTrue(Changes.dropColumns(List.of(dropped)).code().contains("\"" + dropped + "\""));

        // A test-side change scores the same model on a changed test part: nothing is retrained.
        Change.Attempt aligned = Changes.testAlignedToTrain().apply(raw, network);
        assertFalse(aligned.retrain());
        assertSame(network, aligned.trainer());
    }

    @Test
    void classWeightsGoIntoANetworksLossOrOntoTheRowsOfAnyOtherTrainer() {
        CheckData raw = glass();
        MlpTrainer network = MlpTrainer.builder().build();
        Change.Attempt weighted = Changes.balancedClassWeights(true).apply(raw, network);
        assertNotEquals(ClassWeighting.none(), ((MlpTrainer) weighted.trainer()).settings().classWeights());
        assertSame(raw, weighted.data(), "a network weighs its loss: the rows stay as they are");
        assertEquals(ClassWeighting.none(), network.settings().classWeights());

        Change.Attempt rows = Changes.balancedClassWeights(false).apply(raw, new CARTClassificationTrainer());
        Set<Float> weights = new java.util.HashSet<>();
        for (Example<Label> e : rows.data().train()) {
            weights.add(e.getWeight());
        }
        assertTrue(weights.size() > 1, "rare classes' rows weigh more: " + weights);
        for (Example<Label> e : raw.train()) {
            assertEquals(1.0f, e.getWeight(), "the original rows keep weight 1");
        }
    }

    @Test
    void networkChangesChangeOneSettingAndAreRefusedForOtherTrainers() {
        MlpTrainer network = MlpTrainer.builder().learningRate(0.3).build();
        MlpTrainer slower = (MlpTrainer) Changes.learningRate(0.01, "from the sweep").apply(glass(), network)
                .trainer();
        assertEquals(0.01, slower.settings().optimiser().learningRate(), 1e-12);
        assertEquals(0.3, network.settings().optimiser().learningRate(), 1e-12);
        assertEquals(network.settings().hiddenActivation(), slower.settings().hiddenActivation());
        MlpTrainer leaky = (MlpTrainer) Changes.leakyRelu().apply(glass(), network).trainer();
        assertEquals(HiddenActivation.LEAKY_RELU, leaky.settings().hiddenActivation());
        assertEquals(30, ((MlpTrainer) Changes.tripleEpochs(10).apply(glass(), network).trainer()).settings().epochs());

        assertThrows(IllegalStateException.class,
                () -> Changes.leakyRelu().apply(glass(), new CARTClassificationTrainer()));
    }

    @Test
    void twoChangesAreTheSameWhenTheySayAndShowTheSame() {
        assertEquals(Changes.learningRate(0.01, "from the sweep"), Changes.learningRate(0.01, "from the sweep"));
        assertNotEquals(Changes.learningRate(0.01, "from the sweep"), Changes.learningRate(0.001, "from the sweep"));
    }
}
