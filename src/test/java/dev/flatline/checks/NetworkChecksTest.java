package dev.flatline.checks;

import static dev.flatline.checks.CheckFixtures.assertFinding;
import static dev.flatline.checks.CheckFixtures.assertHealthy;
import static dev.flatline.checks.CheckFixtures.assertNotApplicable;
import static dev.flatline.checks.CheckFixtures.cart;
import static dev.flatline.checks.CheckFixtures.context;
import static dev.flatline.checks.CheckFixtures.logistic;
import static dev.flatline.checks.CheckFixtures.modified;
import static dev.flatline.checks.CheckFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.LossFunction;
import dev.flatline.nn.OutputActivation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import tech.tablesaw.api.DoubleColumn;

/**
 * The checks that need a flatline network's internals: each with the failure and the healthy case,
 * and "not applicable" (never a guess) for Tribuo's logistic regression and CART.
 */
class NetworkChecksTest {

    static final LabelledData WINE = Datasets.wine().standardised();
    static final List<Check> NETWORK_ONLY = List.of(new InitLossCheck(), new LearningRateCheck(),
            new DeadUnitsCheck(), new WeightSymmetryCheck(), new OutputActivationCheck(),
            new VanishingGradientsCheck(), new TrainingLengthCheck());

    @Test
    void networkChecksSayNotApplicableForOtherModels() {
        for (Trainer<Label> other : List.of(logistic(), cart())) {
            CheckContext context = context(WINE, other);
            for (Check check : NETWORK_ONLY) {
                assertEquals(Check.Need.NETWORK, check.needs(), check::id);
                CheckResult result = check.runIfApplicable(context);
                assertNotApplicable(result);
                assertTrue(!result.note().isBlank());
            }
        }
        // A flatline network has what they need: they run.
        assertEquals(CheckResult.Status.HEALTHY,
                new InitLossCheck().runIfApplicable(context(WINE, smallMlp().build())).status());
    }

    @Test
    void initLossFindsUnscaledInputsAndNotAStandardisedNetwork() {
        LabelledData scaled = modified(WINE, t -> {
            DoubleColumn first = (DoubleColumn) t.column(0);
            t.replaceColumn(0, first.multiply(1e6).setName(first.name()));
        });
        Finding f = assertFinding(new InitLossCheck().run(context(scaled, smallMlp().build())), Severity.HIGH);
        assertTrue((double) f.evidence().get("initial_loss") > 10 * Math.log(3), f::toString);
        assertHealthy(new InitLossCheck().run(context(WINE, smallMlp().build())));
    }

    @Test
    void initLossSuggestsPriorBiasForImbalancedClassesUnlessItIsSet() {
        LabelledData shuttle = Datasets.shuttle().standardised().subsampleTrain(2000, 0);
        Finding f = assertFinding(new InitLossCheck().run(context(shuttle, smallMlp().epochs(1).build())),
                Severity.LOW);
        assertTrue(f.remedy().code().contains("outputBiasFromPriors"));
        assertHealthy(new InitLossCheck().run(context(shuttle,
                smallMlp().epochs(1).outputBiasFromPriors(true).build())));
    }

    @Test
    void learningRateFindsTooHighAndTooLowAndAcceptsAGoodRate() {
        LabelledData shuttle = Datasets.shuttle().standardised().subsampleTrain(4000, 0);
        var base = smallMlp().hidden(32, 32).epochs(5).batchSize(64);
        Finding high = assertFinding(new LearningRateCheck().run(context(shuttle, base.learningRate(0.3).build())),
                Severity.MEDIUM);
        assertTrue(high.title().contains("too high"), high.title());
        assertTrue((double) high.evidence().get("best_rate") < 0.3);
        Finding low = assertFinding(new LearningRateCheck().run(context(WINE,
                smallMlp().epochs(5).learningRate(1e-5).build())), Severity.MEDIUM);
        assertTrue(low.title().contains("too low"), low.title());
        assertHealthy(new LearningRateCheck().run(context(WINE, smallMlp().build())));
    }

    @Test
    void aRateIsFarOutsideOnlyWhenMoreThanADecadeFromEveryRateThatWorks() {
        // Rates 1e-4..1e-1: 1e-3 and 1e-2 work (within the margin of the best, 0.90), 1e-1 collapses.
        double[] rates = {1e-4, 1e-3, 1e-2, 1e-1};
        double[] balanced = {0.70, 0.88, 0.90, 0.14};
        double[] loss = {0.9, 0.4, 0.3, 2.0};
        int[] predicted = {3, 3, 3, 1};
        double[] dead = {0, 0, 0, 0};
        RateSweep nextTo = new RateSweep(rates, balanced, loss.clone(), loss, predicted, dead, 1e-4, 100);
        assertEquals(1.0, nextTo.decadesFromWorking(LearningRateCheck.MARGIN), 1e-9,
                "1e-4 is one decade from 1e-3: next to the working rates, a tuning option");
        RateSweep far = new RateSweep(rates, balanced, loss.clone(), loss, predicted, dead, 1e-1, 100);
        assertEquals(1.0, far.decadesFromWorking(LearningRateCheck.MARGIN), 1e-9);
        assertTrue(far.broken(3), "a rate that collapses the model is a cause however near a working one");
        RateSweep twoDecades = new RateSweep(new double[] {1e-5, 1e-4, 1e-3, 1e-2, 1e-1},
                new double[] {0.30, 0.70, 0.88, 0.90, 0.14}, new double[5], new double[] {0.9, 0.9, 0.4, 0.3, 2.0},
                new int[] {3, 3, 3, 3, 1}, new double[5], 1e-5, 100);
        assertEquals(2.0, twoDecades.decadesFromWorking(LearningRateCheck.MARGIN), 1e-9);
    }

    @Test
    void deadUnitsFindsAKilledLayerAndNotAHealthyNetwork() {
        LabelledData shuttle = Datasets.shuttle().standardised().subsampleTrain(8000, 0);
        var collapsing = smallMlp().hidden(32, 32).epochs(5).batchSize(64).learningRate(0.3).build();
        Finding f = assertFinding(new DeadUnitsCheck().run(context(shuttle, collapsing)), Severity.MEDIUM);
        assertTrue((double) f.evidence().get("worst_dead_share") >= 0.5);
        assertHealthy(new DeadUnitsCheck().run(context(WINE, smallMlp().build())));
        assertNotApplicable(new DeadUnitsCheck().run(context(WINE,
                smallMlp().hiddenActivation(HiddenActivation.TANH).build())));
    }

    @Test
    void weightSymmetryFindsAConstantInitialisationAndNotARandomOne() {
        Finding f = assertFinding(new WeightSymmetryCheck().run(context(WINE,
                smallMlp().hidden(16, 16).constantInit(0.1).build())), Severity.HIGH);
        assertEquals("CONSTANT", f.evidence().get("weight_init"));
        assertHealthy(new WeightSymmetryCheck().run(context(WINE, smallMlp().hidden(16, 16).build())));
    }

    @Test
    void outputActivationFindsAWrongPairingAndNotSoftmaxWithCrossEntropy() {
        assertFinding(new OutputActivationCheck().run(context(WINE,
                smallMlp().output(OutputActivation.SIGMOID, LossFunction.CROSS_ENTROPY).build())), Severity.HIGH);
        assertFinding(new OutputActivationCheck().run(context(WINE,
                smallMlp().output(OutputActivation.SOFTMAX, LossFunction.MEAN_SQUARED_ERROR).build())),
                Severity.MEDIUM);
        assertHealthy(new OutputActivationCheck().run(context(WINE, smallMlp().build())));
    }

    @Test
    void vanishingGradientsFindsADeepSigmoidStackAndNotTwoReluLayers() {
        var deep = smallMlp().hidden(16, 16, 16, 16, 16, 16, 16, 16).hiddenActivation(HiddenActivation.SIGMOID)
                .epochs(5).build();
        Finding f = assertFinding(new VanishingGradientsCheck().run(context(WINE, deep)), Severity.MEDIUM);
        assertTrue((double) f.evidence().get("first_to_last_ratio") < 1e-2, f::toString);
        assertHealthy(new VanishingGradientsCheck().run(context(WINE, smallMlp().hidden(16, 16).build())));
    }

    /**
     * Ten sigmoid layers on Landsat: the gradient shrinks through the middle layers and grows again toward the 36
     * inputs, so the first layer's ratio alone (about 0.3) misses it; the weakest hidden layer's shows it. The
     * default two-layer network on the same data is not flagged.
     */
    @Test
    void vanishingGradientsFindsADeepSigmoidStackWhoseMiddleLayersBarelyLearn() {
        LabelledData satellite = Datasets.satellite(1).standardised();
        int[] ten = {16, 16, 16, 16, 16, 16, 16, 16, 16, 16};
        var deep = Checkup.defaultNetwork(satellite.train().size()).seed(1).hidden(ten)
                .hiddenActivation(HiddenActivation.SIGMOID).build();
        Finding f = assertFinding(new VanishingGradientsCheck().run(context(satellite, deep)), Severity.MEDIUM);
        assertTrue((double) f.evidence().get("first_to_last_ratio") > VanishingGradientsCheck.VANISHED * 10,
                f::toString);
        assertTrue((double) f.evidence().get("weakest_to_last_ratio") < VanishingGradientsCheck.WEAKEST_IN_DEEP_STACK,
                f::toString);
        assertHealthy(new VanishingGradientsCheck().run(context(satellite,
                Checkup.defaultNetwork(satellite.train().size()).seed(1).build())));
    }

    @Test
    void trainingLengthFindsTooFewEpochsAndTooEagerStoppingAndNotAConvergedRun() {
        Finding short_ = assertFinding(new TrainingLengthCheck().run(context(WINE,
                smallMlp().epochs(3).learningRate(1e-3).build())), Severity.MEDIUM);
        assertTrue(short_.remedy().code().contains("epochs("));
        Finding eager = assertFinding(new TrainingLengthCheck().run(context(WINE,
                smallMlp().epochs(200).learningRate(0.05).validationFraction(0.2).earlyStopping(1).build())),
                Severity.LOW);
        assertTrue(eager.title().contains("Early stopping"), eager.title());
        assertHealthy(new TrainingLengthCheck().run(context(WINE,
                smallMlp().epochs(200).validationFraction(0.2).earlyStopping(5).build())));
    }
}
