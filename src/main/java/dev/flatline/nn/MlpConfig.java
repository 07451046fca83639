package dev.flatline.nn;

import com.oracle.labs.mlrg.olcut.config.Config;
import java.util.HashMap;
import java.util.Map;

/**
 * The olcut form of {@link MlpSettings}: one {@link Config} field per setting, so that olcut can
 * configure an {@link MlpTrainer} (which extends this class) from a file and Tribuo can record the
 * settings in provenance. It is also the builder's draft. Holds no logic but the two conversions;
 * every check happens in {@link MlpSettings}.
 */
class MlpConfig {
    @Config(description = "Hidden layer sizes (empty: a linear softmax model).")
    int[] hiddenSizes = {64, 64};
    @Config(description = "Hidden activation.")
    HiddenActivation hiddenActivation = HiddenActivation.RELU;
    @Config(description = "Output activation.")
    OutputActivation outputActivation = OutputActivation.SOFTMAX;
    @Config(description = "Loss function.")
    LossFunction loss = LossFunction.CROSS_ENTROPY;
    @Config(description = "Focal loss gamma.")
    double focalGamma = 2.0;
    @Config(description = "Logit adjustment strength tau.")
    double logitAdjustmentTau = 1.0;
    @Config(description = "Optimiser.")
    OptimiserKind optimiser = OptimiserKind.ADAM;
    @Config(description = "Learning rate.")
    double learningRate = 1e-3;
    @Config(description = "Momentum of the SGD variants.")
    double momentum = 0.9;
    @Config(description = "AdamW decoupled weight decay.")
    double weightDecay = 0.01;
    @Config(description = "Epochs.")
    int epochs = 10;
    @Config(description = "Minibatch size.")
    int batchSize = 256;
    @Config(description = "Coupled L2 penalty on weights.")
    double l2 = 0;
    @Config(description = "Dropout probability on hidden units.")
    double dropout = 0;
    @Config(description = "Weight initialisation.")
    WeightInit weightInit = WeightInit.AUTO;
    @Config(description = "Weight value for the CONSTANT initialisation.")
    double initConstant = 0.1;
    @Config(description = "Initialise the output bias to log class priors.")
    boolean outputBiasFromPriors = false;
    @Config(description = "Use balanced class weights n / (K n_c).")
    boolean balancedClassWeights = false;
    @Config(description = "Explicit class weights by label name, as decimal numbers (classes not named get 1).")
    Map<String, String> classWeights = new HashMap<>();
    @Config(description = "Share of each class held out of the training data, stratified, for validation.")
    double validationFraction = 0.1;
    @Config(description = "Early stopping patience in epochs (0: off).")
    int patience = 0;
    @Config(description = "Random seed.")
    long seed = 1L;
    @Config(description = "Which arithmetic implementation to use.")
    ComputePath computePath = ComputePath.AUTO;
    @Config(description = "Show live progress (notebook display or a terminal line).")
    boolean progress = true;

    /** The checked value these fields describe (class weights are parsed here, once). */
    final MlpSettings toSettings() {
        return new MlpSettings(hiddenSizes, hiddenActivation, outputActivation, loss, focalGamma, logitAdjustmentTau,
                Optimiser.of(optimiser, learningRate, momentum, weightDecay), epochs, batchSize, l2, dropout,
                weightInit, initConstant, outputBiasFromPriors,
                ClassWeighting.fromConfig(balancedClassWeights, classWeights), validationFraction, patience, seed,
                computePath, progress);
    }

    /** Sets every field from {@code s}. */
    final void load(MlpSettings s) {
        hiddenSizes = s.hiddenSizes();
        hiddenActivation = s.hiddenActivation();
        outputActivation = s.outputActivation();
        loss = s.loss();
        focalGamma = s.focalGamma();
        logitAdjustmentTau = s.logitAdjustmentTau();
        setOptimiser(s.optimiser());
        epochs = s.epochs();
        batchSize = s.batchSize();
        l2 = s.l2();
        dropout = s.dropout();
        weightInit = s.weightInit();
        initConstant = s.initConstant();
        outputBiasFromPriors = s.outputBiasFromPriors();
        setClassWeights(s.classWeights());
        validationFraction = s.validationFraction();
        patience = s.patience();
        seed = s.seed();
        computePath = s.computePath();
        progress = s.progress();
    }

    /** The optimiser fields from an {@link Optimiser} (momentum and decay only where the rule uses them). */
    final void setOptimiser(Optimiser o) {
        optimiser = o.kind();
        learningRate = o.learningRate();
        if (o.kind() == OptimiserKind.MOMENTUM || o.kind() == OptimiserKind.NESTEROV) {
            momentum = o.momentum();
        }
        if (o.kind() == OptimiserKind.ADAMW) {
            weightDecay = o.weightDecay();
        }
    }

    /** The class-weight fields from a {@link ClassWeighting}. */
    final void setClassWeights(ClassWeighting w) {
        balancedClassWeights = w.isBalanced();
        classWeights = new HashMap<>();
        w.explicitWeights().forEach((label, v) -> classWeights.put(label, Double.toString(v)));
    }
}
