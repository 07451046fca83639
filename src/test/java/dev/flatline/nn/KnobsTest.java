package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

/** Each recipe knob does what its recipe says, including the failures notebooks demonstrate. */
class KnobsTest {
    private static final Dataset<Label> TRAIN = Shuttle.train(4000);

    private static MlpTrainer.Builder quick() {
        return MlpTrainer.builder().epochs(4).batchSize(64).progress(false);
    }

    @Test
    void historyRecordsEveryEpochAndInitialLossNearLnK() {
        TrainingHistory h = quick().build().train(TRAIN).history();
        assertEquals(4, h.epochs().size());
        assertEquals(StopReason.COMPLETED, h.stopReason());
        assertEquals(Math.log(7), h.expectedInitialLoss(), 1e-12);
        assertTrue(Math.abs(h.initialLoss() - Math.log(7)) < 1.0, "initial loss " + h.initialLoss());
        EpochRecord e = h.last();
        assertEquals(2, e.gradientNorms().length - 1, "three weight layers");
        assertEquals(2, e.deadUnitFractions().length, "two hidden layers");
        assertTrue(e.gradientNorms()[0] > 0);
        long validated = java.util.Arrays.stream(e.validationPredictedCounts()).sum();
        assertTrue(validated >= 395 && validated <= 410, "about 10% of 4000 validated: " + validated);
        assertTrue(e.validationBalancedAccuracy() > 0 && e.validationBalancedAccuracy() <= 1);
        assertTrue(h.trainLosses()[3] < h.initialLoss(), "training reduces the loss");
    }

    @Test
    void outputBiasFromPriorsStartsAtThePriorEntropy() {
        TrainingHistory plain = quick().epochs(1).hidden(8).constantInit(0).build().train(TRAIN).history();
        TrainingHistory priors = quick().epochs(1).hidden(8).constantInit(0).outputBiasFromPriors(true).build().train(TRAIN).history();
        assertEquals(Math.log(7), plain.initialLoss(), 1e-4, "zero weights: uniform outputs");
        assertTrue(priors.initialLoss() < 0.9, "prior-entropy start " + priors.initialLoss());
    }

    @Test
    void constantInitialisationKeepsUnitsIdentical() {
        MlpModel model = quick().hidden(6).constantInit(0.05).build().train(TRAIN);
        float[] p = model.parameters();
        int in = 9;
        int hidden = 6;
        for (int i = 0; i < in; i++) {
            for (int j = 1; j < hidden; j++) {
                assertEquals(p[i * hidden], p[i * hidden + j], 1e-6, "input " + i + " weights of unit " + j);
            }
        }
        assertTrue(model.history().warnings().stream().anyMatch(w -> w.contains("R14")));
    }

    @Test
    void linearOutputWithCrossEntropyDivergesToNaNWithReason() {
        TrainingHistory h = quick().output(OutputActivation.LINEAR, LossFunction.CROSS_ENTROPY).build().train(TRAIN).history();
        assertTrue(h.diverged(), h.stopMessage());
        assertTrue(h.stopMessage().contains("epoch 1") && h.stopMessage().contains("NaN"), h.stopMessage());
        assertTrue(h.warnings().stream().anyMatch(w -> w.contains("R10")));
    }

    @Test
    void sigmoidOutputWithCategoricalCrossEntropyLosesTheRanking() {
        MlpModel good = quick().build().train(TRAIN);
        MlpModel bad = quick().output(OutputActivation.SIGMOID, LossFunction.CROSS_ENTROPY).build().train(TRAIN);
        LabelEvaluation g = new LabelEvaluator().evaluate(good, Shuttle.test());
        LabelEvaluation b = new LabelEvaluator().evaluate(bad, Shuttle.test());
        assertTrue(b.balancedErrorRate() > g.balancedErrorRate(), "bad pairing " + b.balancedErrorRate()
                + " vs " + g.balancedErrorRate());
        // The mechanism: nothing pushes wrong classes down, so every sigmoid output drifts towards 1.
        float[][] out = bad.outputs(Shuttle.test().getData().subList(0, 200));
        double mean = java.util.Arrays.stream(out).flatMapToDouble(r -> {
            double[] d = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                d[i] = r[i];
            }
            return java.util.Arrays.stream(d);
        }).average().orElseThrow();
        assertTrue(mean > 0.5, "mean sigmoid output " + mean);
    }

    @Test
    void hugeLearningRateCollapsesOrDiverges() {
        TrainingHistory h = quick().optimiser(Optimiser.sgd(50)).build().train(TRAIN).history();
        boolean collapsed = !h.epochs().isEmpty() && h.last().classesPredicted() <= 2;
        assertTrue(h.diverged() || collapsed, h.toString());
    }

    @Test
    void earlyStoppingRestoresTheBestEpoch() {
        TrainingHistory h = quick().epochs(40).optimiser(Optimiser.adam(0.05)).earlyStopping(2).build().train(TRAIN).history();
        assertEquals(StopReason.EARLY_STOPPED, h.stopReason(), h.toString());
        assertEquals(h.epochs().size() - 2, h.bestEpoch());
        double[] val = h.validationLosses();
        double min = java.util.Arrays.stream(val).min().orElseThrow();
        assertEquals(min, val[h.bestEpoch() - 1], 1e-12);
    }

    @Test
    void classWeightsAndFocalLossRaiseMinorityRecall() {
        // Rare classes: everything but the two largest (High is index-independent, so use the names).
        LabelEvaluator ev = new LabelEvaluator();
        MlpTrainer.Builder base = MlpTrainer.builder().epochs(6).batchSize(64).progress(false).validationFraction(0);
        LabelEvaluation plain = ev.evaluate(base.build().train(TRAIN), Shuttle.test());
        LabelEvaluation weighted = ev.evaluate(base.balancedClassWeights().build().train(TRAIN), Shuttle.test());
        LabelEvaluation focal = ev.evaluate(MlpTrainer.builder().epochs(6).batchSize(64).progress(false)
                .validationFraction(0).balancedClassWeights().focalLoss(2).build().train(TRAIN), Shuttle.test());
        double p = 1 - plain.balancedErrorRate();
        double w = 1 - weighted.balancedErrorRate();
        double f = 1 - focal.balancedErrorRate();
        assertTrue(w > p + 0.02, "balanced accuracy: weighted " + w + " vs plain " + p);
        assertTrue(f > p + 0.02, "balanced accuracy: focal+alpha " + f + " vs plain " + p);
    }

    @Test
    void logitAdjustedLossRaisesBalancedAccuracy() {
        LabelEvaluator ev = new LabelEvaluator();
        MlpTrainer.Builder base = MlpTrainer.builder().epochs(6).batchSize(64).progress(false).validationFraction(0);
        double p = 1 - ev.evaluate(base.build().train(TRAIN), Shuttle.test()).balancedErrorRate();
        double la = 1 - ev.evaluate(base.logitAdjustedLoss(1).build().train(TRAIN), Shuttle.test()).balancedErrorRate();
        assertTrue(la > p, "logit adjusted " + la + " vs plain " + p);
    }

    @Test
    void deadReluUnitsAreCounted() {
        TrainingHistory h = quick().optimiser(Optimiser.sgd(5)).hidden(32).build().train(TRAIN).history();
        TrainingHistory healthy = quick().hidden(32).build().train(TRAIN).history();
        assertTrue(healthy.last().deadUnitFractions()[0] < 0.5, "healthy " + healthy.last().deadUnitFractions()[0]);
        assertTrue(h.diverged() || h.last().deadUnitFractions()[0] > healthy.last().deadUnitFractions()[0], h.toString());
    }

    @Test
    void learningRateRangeTestRisesAtHighRates() {
        LearningRateRangeTest r = quick().build().learningRateRangeTest(TRAIN, 1e-5, 10, 60);
        assertTrue(r.learningRates().length >= 10);
        assertEquals(1e-5, r.learningRates()[0], 1e-12);
        assertTrue(r.suggestedLearningRate() > 1e-6 && r.suggestedLearningRate() < 1, "suggested " + r.suggestedLearningRate());
        assertFalse(Double.isNaN(r.losses()[0]));
    }
}
