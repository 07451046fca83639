package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** The sample, loaded on first use (the GPU device check loads this class where Tablesaw is absent). */
    private static final class Sample {
        static final Dataset<Label> DATA = Shuttle.train(1500);
    }
    private static final Engine.Factory REFERENCE = Nd4jOpEngine::new;

    /** The engines held to the reference: the CPU fast path, and the CUDA engine where it is built and finds a GPU. */
    static Map<String, Engine.Factory> engines() {
        Map<String, Engine.Factory> engines = new LinkedHashMap<>();
        engines.put("BlasEngine", BlasEngine::new);
        try {
            engines.put("CudaEngine", Engines.cuda());
        } catch (IllegalStateException noGpu) {
            // Not built with -Pcuda13, or no GPU here: CudaPathTest covers that case.
        }
        return engines;
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

    /** A small net trained for two epochs on {@code data} with the knob applied. */
    static MlpModel train(Dataset<Label> data, UnaryOperator<MlpTrainer.Builder> knob, Engine.Factory engine) {
        MlpTrainer.Builder b = MlpTrainer.builder().hidden(32, 32).epochs(2).batchSize(64).seed(3).progress(false);
        return knob.apply(b).engine(engine).build().train(data);
    }

    private static void assertAgrees(UnaryOperator<MlpTrainer.Builder> knob, Engine.Factory engine) {
        assertAgrees(Outcome.of(train(Sample.DATA, knob, REFERENCE)), Outcome.of(train(Sample.DATA, knob, engine)));
    }

    /**
     * What the agreement compares, taken from one trained model; serialisable so the reference's outcomes can
     * travel to a machine that has no ND4J (the GPU device check, environment/gpu).
     */
    record Outcome(StopReason stopReason, String stopMessage, double initialLoss, double[] trainLosses,
                   double[] validationLosses, double[][] gradientNorms, float[] parameters) implements Serializable {
        private static final long serialVersionUID = 1L;

        static Outcome of(MlpModel model) {
            TrainingHistory h = model.history();
            double[][] norms = h.epochs().stream().map(EpochRecord::gradientNorms).toArray(double[][]::new);
            return new Outcome(h.stopReason(), h.stopMessage(), h.initialLoss(), h.trainLosses(), h.validationLosses(),
                    norms, model.parameters());
        }
    }

    /** The tested engine's outcome equals the reference's, within float rounding. */
    static void assertAgrees(Outcome b, Outcome a) {
        assertEquals(StopReason.COMPLETED, b.stopReason(), "the reference engine: " + b.stopMessage());
        assertEquals(StopReason.COMPLETED, a.stopReason(), "the tested engine: " + a.stopMessage());
        assertEquals(b.initialLoss(), a.initialLoss(), 1e-4 * Math.max(1, Math.abs(b.initialLoss())), "initial loss");
        assertEquals(b.trainLosses().length, a.trainLosses().length, "epochs run");
        for (int i = 0; i < a.trainLosses().length; i++) {
            double ta = a.trainLosses()[i];
            double tb = b.trainLosses()[i];
            assertTrue(Double.isFinite(ta) && ta >= 0, "training loss " + ta);
            assertEquals(tb, ta, 2e-4 * Math.max(1, Math.abs(tb)), "training loss of epoch " + (i + 1));
            assertEquals(b.validationLosses()[i], a.validationLosses()[i],
                    2e-4 * Math.max(1, Math.abs(tb)), "validation loss of epoch " + (i + 1));
            double[] na = a.gradientNorms()[i];
            double[] nb = b.gradientNorms()[i];
            for (int l = 0; l < na.length; l++) {
                assertEquals(nb[l], na[l], 1e-3 * Math.max(1, nb[l]), "gradient norm of layer " + (l + 1));
            }
        }
        float[] pa = a.parameters();
        float[] pb = b.parameters();
        assertEquals(pb.length, pa.length, "parameter count");
        double maxDiff = 0;
        for (int i = 0; i < pa.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(pa[i] - pb[i]));
        }
        assertTrue(maxDiff < 2e-3, "parameters differ by " + maxDiff);
    }
}
