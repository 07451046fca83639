package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/** The fast OpenBLAS engine computes what the reference ND4J-op engine computes, knob by knob. */
class FastPathTest {
    private static final Dataset<Label> DATA = Shuttle.train(1500);

    private static void assertSame(MlpTrainer.Builder config) {
        MlpModel fast = config.computePath(ComputePath.FAST).progress(false).epochs(3).batchSize(64).build().train(DATA);
        MlpModel ref = config.computePath(ComputePath.REFERENCE).progress(false).epochs(3).batchSize(64).build().train(DATA);
        double[] a = fast.history().trainLosses();
        double[] b = ref.history().trainLosses();
        assertEquals(b.length, a.length, "epochs run");
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 2e-4 * Math.max(1, Math.abs(b[i])), "training loss of epoch " + (i + 1));
            assertEquals(ref.history().validationLosses()[i], fast.history().validationLosses()[i],
                    2e-4 * Math.max(1, Math.abs(b[i])), "validation loss of epoch " + (i + 1));
        }
        float[] pa = fast.parameters();
        float[] pb = ref.parameters();
        double maxDiff = 0;
        for (int i = 0; i < pa.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
        }
        assertTrue(maxDiff < 2e-3, "parameters differ by " + maxDiff);
        assertTrue(a[0] > 0 && Double.isFinite(a[a.length - 1]), "losses are real numbers");
    }

    @Test
    void adamWithCrossEntropy() {
        assertSame(MlpTrainer.builder());
    }

    @Test
    void sgdVariantsWithL2() {
        assertSame(MlpTrainer.builder().optimiser(Optimiser.sgd(0.05)).l2(1e-3));
        assertSame(MlpTrainer.builder().optimiser(Optimiser.momentum(0.003, 0.9)));
        assertSame(MlpTrainer.builder().optimiser(Optimiser.nesterov(0.003, 0.9)).hiddenActivation(HiddenActivation.LEAKY_RELU));
    }

    @Test
    void adamWTanhDropoutAndPriorBias() {
        assertSame(MlpTrainer.builder().optimiser(Optimiser.adamW(3e-3, 0.01)).hiddenActivation(HiddenActivation.TANH)
                .dropout(0.2).outputBiasFromPriors(true));
    }

    @Test
    void weightedFocalAndLogitAdjustedLosses() {
        assertSame(MlpTrainer.builder().focalLoss(2).balancedClassWeights().hiddenActivation(HiddenActivation.SIGMOID));
        assertSame(MlpTrainer.builder().logitAdjustedLoss(1.0).hidden(16));
    }

    @Test
    void nonSoftmaxPairings() {
        assertSame(MlpTrainer.builder().output(OutputActivation.SIGMOID, LossFunction.CROSS_ENTROPY));
        assertSame(MlpTrainer.builder().output(OutputActivation.SOFTMAX, LossFunction.MEAN_SQUARED_ERROR).hidden());
    }
}
