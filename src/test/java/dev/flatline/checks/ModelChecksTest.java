package dev.flatline.checks;

import static dev.flatline.checks.CheckFixtures.assertFinding;
import static dev.flatline.checks.CheckFixtures.assertHealthy;
import static dev.flatline.checks.CheckFixtures.cart;
import static dev.flatline.checks.CheckFixtures.context;
import static dev.flatline.checks.CheckFixtures.logistic;
import static dev.flatline.checks.CheckFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.nn.LossFunction;
import dev.flatline.nn.OutputActivation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

/**
 * The checks that read any Tribuo model (its predictions, a retrained copy): each with a model that has
 * the failure and a healthy one, on real data.
 */
class ModelChecksTest {

    static final LabelledData WINE = Datasets.wine().standardised();

    @Test
    void predictionCollapseFindsAMajorityPredictorAndNotALogisticRegression() {
        Finding f = assertFinding(new PredictionCollapseCheck().run(
                context(WINE, DummyClassifierTrainer.createMostFrequentTrainer())), Severity.HIGH);
        assertEquals(1.0, (double) f.evidence().get("top_predicted_share"), 1e-9);
        assertEquals(2, ((List<?>) f.evidence().get("classes_never_predicted")).size());
        assertHealthy(new PredictionCollapseCheck().run(context(WINE, logistic())));
    }

    @Test
    void predictionCollapseNamesClassesNeverPredictedWithoutFullCollapse() {
        // A depth-1 tree on glass (6 classes) can predict at most two classes.
        var stump = new org.tribuo.classification.dtree.CARTClassificationTrainer(1);
        Finding f = assertFinding(new PredictionCollapseCheck().run(context(Datasets.glass(), stump)), Severity.LOW);
        assertTrue(((List<?>) f.evidence().get("classes_never_predicted")).size() >= 4, f::toString);
    }

    @Test
    void accuracyParadoxFindsAModelNoBetterThanDummiesAndNotARealModel() {
        LabelledData shuttle = Datasets.shuttle().subsampleTrain(3000, 0);
        Finding f = assertFinding(new AccuracyParadoxCheck().run(
                context(shuttle, DummyClassifierTrainer.createMostFrequentTrainer())), Severity.HIGH);
        assertTrue((double) f.evidence().get("accuracy") > 0.75, "high accuracy hides it: " + f);
        assertHealthy(new AccuracyParadoxCheck().run(context(WINE, logistic())));
    }

    @Test
    void inputIndependentBaselineFindsAModelThatIgnoresItsInputs() {
        assertFinding(new InputIndependentBaselineCheck().run(
                context(WINE, DummyClassifierTrainer.createStratifiedTrainer(1))), Severity.HIGH);
        assertHealthy(new InputIndependentBaselineCheck().run(context(WINE, logistic())));
        assertHealthy(new InputIndependentBaselineCheck().run(context(WINE, smallMlp().build())));
    }

    @Test
    void singleExampleOverfitFindsModelsThatCannotLearnOneExamplePerClass() {
        Finding dummy = assertFinding(new SingleExampleOverfitCheck().run(
                context(WINE, DummyClassifierTrainer.createMostFrequentTrainer())), Severity.HIGH);
        assertEquals(2, ((List<?>) dummy.evidence().get("classes_not_fitted")).size());
        // A network whose learning rate is too small to move in a few hundred steps.
        assertFinding(new SingleExampleOverfitCheck().run(
                context(WINE, smallMlp().learningRate(1e-7).build())), Severity.HIGH);
        assertHealthy(new SingleExampleOverfitCheck().run(context(WINE, smallMlp().build())));
        assertHealthy(new SingleExampleOverfitCheck().run(context(WINE, logistic())));
        assertHealthy(new SingleExampleOverfitCheck().run(context(WINE, cart())));
    }

    @Test
    void numericalHealthFindsADivergedNetworkAndNotAHealthyOne() {
        // A ReLU output under cross-entropy takes log(0): the loss turns NaN (R10, R12).
        var broken = smallMlp().output(OutputActivation.RELU, LossFunction.CROSS_ENTROPY).build();
        Finding f = assertFinding(new NumericalHealthCheck().run(context(WINE, broken)), Severity.HIGH);
        assertEquals(true, f.evidence().get("diverged"));
        assertHealthy(new NumericalHealthCheck().run(context(WINE, smallMlp().build())));
        assertHealthy(new NumericalHealthCheck().run(context(WINE, logistic())));
    }

    @Test
    void learningCurveFindsUnderfittingAndNotAFittingModel() {
        LabelledData digits = Datasets.digits().standardised();
        assertFinding(new LearningCurveCheck().run(
                context(digits, DummyClassifierTrainer.createMostFrequentTrainer())), Severity.MEDIUM);
        CheckResult healthy = new LearningCurveCheck().run(context(WINE, logistic()));
        assertHealthy(healthy);
    }

    @Test
    void learningCurveSaysWhenMoreDataWouldHelp() {
        LabelledData glass = Datasets.glass().standardised();
        Finding f = assertFinding(new LearningCurveCheck().run(context(glass,
                Checkup.defaultNetwork(glass.trainSize()).seed(0).build())), Severity.LOW);
        // Glass's curve rises steeply enough to be evidence of too little data (the slope is shown).
        assertTrue(f.title().contains("Too little training data"), f.title());
        assertTrue((double) f.evidence().get("last_doubling_gain") >= LearningCurveCheck.PROVEN);
        assertTrue((double) f.evidence().get("slope_per_doubling") >= LearningCurveCheck.PROVEN);
        assertTrue((double) f.evidence().get("last_doubling_gain")
                > (double) f.evidence().get("last_doubling_gain_margin"), "the last doubling beats its noise");
        assertTrue(String.valueOf(f.evidence().get("more_rows_would_help")).startsWith("learning-curve slope"),
                () -> String.valueOf(f.evidence()));
        assertFalse(f.evidence().containsKey("proven_by"), "a slope is no proof of a cause");
        // Yet a slope is evidence that more rows help, not a symptom (the healthy glass control of FaultBenchmarkTest
        // gets no root cause from it).
        assertEquals(false, f.evidence().get(LearningCurveCheck.DATA_LIMITED), f::toString);
    }

    @Test
    void aTinyCurveCountsRowsPerClass() {
        // 3 rows of each of 10 classes: 1 and 2 rows per class, then all 30 rows.
        assertEquals(List.of(10, 20, 30), java.util.Arrays.stream(LearningCurve.tinySizes(10, 30)).boxed().toList());
        assertEquals(List.of(2, 4, 8), java.util.Arrays.stream(LearningCurve.tinySizes(2, 8)).boxed().toList());
        assertEquals(List.of(1, 3), java.util.Arrays.stream(LearningCurve.tinySizes(3, 3)).boxed().toList());
    }

    @Test
    void learningCurveProvesTinyDataTooFewAndNotTheWholeDigitsData() {
        // Digits with 3 training rows per class (the test part unchanged): each doubling of the rows per class
        // lifts the network steeply, far beyond the curve's noise.
        LabelledData digits = Datasets.digits().standardised();
        LabelledData tiny = digits.subsampleTrain(30, 0);
        CheckContext tinyContext = context(tiny, Checkup.defaultNetwork(tiny.trainSize()).seed(0).build());
        LearningCurve curve = LearningCurveCheck.curve(tinyContext);
        assertEquals(List.of(10, 20, 30), java.util.Arrays.stream(curve.rows()).boxed().toList());
        assertTrue(curve.slopePerDoubling() >= 0.10, curve::toString);
        // The test part holds 12 times the training rows: more labelled rows are tried, and they lift the model
        // far beyond their noise, the strongest proof, which the finding gives.
        Finding f = assertFinding(new LearningCurveCheck().run(tinyContext), Severity.HIGH);
        assertEquals(true, f.evidence().get(LearningCurveCheck.DATA_LIMITED), f::toString);
        assertTrue((double) f.evidence().get("more_rows_lift") > Symptom.FAR_BELOW, f::toString);
        assertTrue((double) f.evidence().get("more_rows_lift") > (double) f.evidence().get("more_rows_lift_margin"));
        assertTrue(String.valueOf(f.evidence().get("proven_by")).startsWith("trained on its 30 training rows plus"),
                () -> String.valueOf(f.evidence().get("proven_by")));
        // The whole training part (1,438 rows): the curve has levelled off and the test part is too small to add a
        // doubling: no proof of too few rows.
        CheckContext wholeContext = context(digits, Checkup.defaultNetwork(digits.trainSize()).seed(0).build());
        CheckResult whole = new LearningCurveCheck().run(wholeContext);
        assertTrue(MoreRows.of(wholeContext).isEmpty(), "no more rows to try");
        assertTrue(whole.findings().stream().noneMatch(w -> w.evidence().containsKey("proven_by")
                || w.evidence().containsKey("more_rows_would_help")), whole::toString);
    }

    @Test
    void moreRowsLiftALearnerAndNotAModelThatIgnoresItsInputs() {
        // 40 training rows of breast cancer, the test part unchanged (114 rows, out of fold: each half predicted by a
        // model trained on the training rows plus the other half).
        LabelledData tiny = Datasets.breastCancer().standardised().subsampleTrain(40, 1);
        MoreRows dummy = MoreRows.of(context(tiny, DummyClassifierTrainer.createMostFrequentTrainer())).orElseThrow();
        assertEquals(40, dummy.rows());
        assertEquals(0.0, dummy.lift(), 1e-9, "a majority guess gains nothing from more rows");
        assertTrue(!dummy.proves());
        // A network on 3 rows per class gains from the 50 or so added rows, beyond the noise.
        LabelledData three = Datasets.digits().standardised().subsampleTrain(30, 1);
        MoreRows network = MoreRows.of(context(three, Checkup.defaultNetwork(30).seed(1).build())).orElseThrow();
        assertTrue(network.proves(), network::proof);
        assertEquals(network.lift(), network.trial().lift(), 1e-9, "the trial is the experiment");
    }
}
