package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * Every engine trains what the reference engine ({@link Nd4jOpEngine}, ND4J's op API) trains: the same
 * losses epoch by epoch, the same validation losses and the same parameters, for every knob across its
 * range, on real data (a stratified 1,500-row sample of standardised Shuttle, two epochs).
 *
 * <p>To test a new engine, add its factory to {@link #engines()}.
 */
class EngineAgreementTest {
    private static final Dataset<Label> DATA = Shuttle.train(1500);
    private static final Engine.Factory REFERENCE = Nd4jOpEngine::new;

    /** The engines held to the reference. */
    static Map<String, Engine.Factory> engines() {
        return Map.of("BlasEngine", BlasEngine::new);
    }

    /** Every knob, several values each; names say which. */
    static List<Map.Entry<String, UnaryOperator<MlpTrainer.Builder>>> knobs() {
        List<Map.Entry<String, UnaryOperator<MlpTrainer.Builder>>> k = new ArrayList<>();
        k.add(Map.entry("defaults (Adam, ReLU, cross-entropy)", b -> b));
        // Focal loss across (0, 5]; at a high rate some rows reach p_t = 1, where gamma < 1 used to give NaN.
        for (double gamma : new double[] {0.25, 0.5, 0.99, 1, 2, 5}) {
            k.add(Map.entry("focal gamma " + gamma, b -> b.focalLoss(gamma).optimiser(Optimiser.adam(1e-2))));
        }
        k.add(Map.entry("focal gamma 2 with balanced alpha", b -> b.focalLoss(2).balancedClassWeights()));
        for (double tau : new double[] {0.5, 1, 2}) {
            k.add(Map.entry("logit-adjusted tau " + tau, b -> b.logitAdjustedLoss(tau)));
        }
        k.add(Map.entry("balanced class weights", MlpTrainer.Builder::balancedClassWeights));
        k.add(Map.entry("explicit class weights", b -> b.classWeights(Map.of("Rad.Flow", 0.2, "Bpv.Close", 5.0, "High", 0.0))));
        k.add(Map.entry("SGD", b -> b.optimiser(Optimiser.sgd(0.05))));
        k.add(Map.entry("momentum", b -> b.optimiser(Optimiser.momentum(0.01, 0.9))));
        k.add(Map.entry("Nesterov", b -> b.optimiser(Optimiser.nesterov(0.01, 0.5))));
        k.add(Map.entry("Adam 1e-2", b -> b.optimiser(Optimiser.adam(1e-2))));
        k.add(Map.entry("AdamW", b -> b.optimiser(Optimiser.adamW(3e-3, 0.1))));
        for (HiddenActivation a : HiddenActivation.values()) {
            k.add(Map.entry("hidden " + a, b -> b.hiddenActivation(a)));
        }
        for (double l2 : new double[] {1e-4, 1e-2}) {
            k.add(Map.entry("L2 " + l2, b -> b.l2(l2)));
        }
        for (double p : new double[] {0.1, 0.5}) {
            k.add(Map.entry("dropout " + p, b -> b.dropout(p)));
        }
        k.add(Map.entry("dropout with tanh and SGD", b -> b.dropout(0.3).hiddenActivation(HiddenActivation.TANH)
                .optimiser(Optimiser.sgd(0.05))));
        k.add(Map.entry("constant init 0.05", b -> b.constantInit(0.05)));
        k.add(Map.entry("zero init", b -> b.weightInit(WeightInit.ZERO)));
        k.add(Map.entry("Xavier init", b -> b.weightInit(WeightInit.XAVIER)));
        k.add(Map.entry("output bias from priors", b -> b.outputBiasFromPriors(true)));
        k.add(Map.entry("linear model", b -> b.hidden()));
        k.add(Map.entry("three hidden layers, no validation", b -> b.hidden(16, 8, 8).validationFraction(0)));
        k.add(Map.entry("sigmoid output with cross-entropy (R10)",
                b -> b.output(OutputActivation.SIGMOID, LossFunction.CROSS_ENTROPY)));
        k.add(Map.entry("softmax with mean squared error", b -> b.output(OutputActivation.SOFTMAX,
                LossFunction.MEAN_SQUARED_ERROR)));
        k.add(Map.entry("ReLU output with MSE", b -> b.output(OutputActivation.RELU, LossFunction.MEAN_SQUARED_ERROR)));
        return k;
    }

    @TestFactory
    Stream<DynamicTest> everyEngineAgreesWithTheReferenceOnEveryKnob() {
        List<DynamicTest> tests = new ArrayList<>();
        engines().forEach((engineName, engine) -> knobs().forEach(knob -> tests.add(DynamicTest.dynamicTest(
                engineName + ": " + knob.getKey(), () -> assertAgrees(knob.getValue(), engine)))));
        return tests.stream();
    }

    private static MlpModel train(UnaryOperator<MlpTrainer.Builder> knob, Engine.Factory engine) {
        MlpTrainer.Builder b = MlpTrainer.builder().hidden(32, 32).epochs(2).batchSize(64).seed(3).progress(false);
        return knob.apply(b).engine(engine).build().train(DATA);
    }

    private static void assertAgrees(UnaryOperator<MlpTrainer.Builder> knob, Engine.Factory engine) {
        MlpModel tested = train(knob, engine);
        MlpModel ref = train(knob, REFERENCE);
        TrainingHistory a = tested.history();
        TrainingHistory b = ref.history();
        assertEquals(StopReason.COMPLETED, b.stopReason(), "the reference engine: " + b.stopMessage());
        assertEquals(StopReason.COMPLETED, a.stopReason(), "the tested engine: " + a.stopMessage());
        assertEquals(b.initialLoss(), a.initialLoss(), 1e-4 * Math.max(1, Math.abs(b.initialLoss())), "initial loss");
        assertEquals(b.epochs().size(), a.epochs().size(), "epochs run");
        for (int i = 0; i < a.epochs().size(); i++) {
            double ta = a.trainLosses()[i];
            double tb = b.trainLosses()[i];
            assertTrue(Double.isFinite(ta) && ta >= 0, "training loss " + ta);
            assertEquals(tb, ta, 2e-4 * Math.max(1, Math.abs(tb)), "training loss of epoch " + (i + 1));
            assertEquals(b.validationLosses()[i], a.validationLosses()[i],
                    2e-4 * Math.max(1, Math.abs(tb)), "validation loss of epoch " + (i + 1));
            EpochRecord ea = a.epochs().get(i);
            EpochRecord eb = b.epochs().get(i);
            for (int l = 0; l < ea.gradientNorms().length; l++) {
                assertEquals(eb.gradientNorms()[l], ea.gradientNorms()[l], 1e-3 * Math.max(1, eb.gradientNorms()[l]),
                        "gradient norm of layer " + (l + 1));
            }
        }
        float[] pa = tested.parameters();
        float[] pb = ref.parameters();
        double maxDiff = 0;
        for (int i = 0; i < pa.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
        }
        assertTrue(maxDiff < 2e-3, "parameters differ by " + maxDiff);
    }
}
