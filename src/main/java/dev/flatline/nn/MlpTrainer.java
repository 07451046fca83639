package dev.flatline.nn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.flatline.data.StratifiedSplit;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains a multilayer perceptron classifier with ND4J: a Tribuo {@link Trainer} producing an
 * {@link MlpModel} that carries its {@link TrainingHistory}.
 *
 * <p>Every knob of the recipes is here with a sensible default (two hidden ReLU layers of 64, softmax
 * with cross-entropy, Adam at 1e-3, batch 256, 10 epochs, 10% stratified validation split, seed 1):
 * <pre>{@code
 * MlpModel model = MlpTrainer.builder().hidden(64, 64).epochs(20).balancedClassWeights().build().train(data);
 * model.history().epochs();   // losses, predicted-class histogram, gradient norms, dead units
 * }</pre>
 * Misconfigurations the notebooks demonstrate (a linear output with cross-entropy, a constant
 * initialisation, a far too high learning rate) are allowed; wrong output/loss pairings log a warning
 * that is also kept in the history. A loss that turns NaN or infinite ends training with the epoch and
 * reason in the history instead of an exception.
 */
public final class MlpTrainer implements Trainer<Label> {
    @Config(description = "Hidden layer sizes (empty: a linear softmax model).")
    private int[] hiddenSizes = {64, 64};
    @Config(description = "Hidden activation.")
    private HiddenActivation hiddenActivation = HiddenActivation.RELU;
    @Config(description = "Output activation.")
    private OutputActivation outputActivation = OutputActivation.SOFTMAX;
    @Config(description = "Loss function.")
    private LossFunction loss = LossFunction.CROSS_ENTROPY;
    @Config(description = "Focal loss gamma.")
    private double focalGamma = 2.0;
    @Config(description = "Logit adjustment strength tau.")
    private double logitAdjustmentTau = 1.0;
    @Config(description = "Optimiser.")
    private OptimiserKind optimiser = OptimiserKind.ADAM;
    @Config(description = "Learning rate.")
    private double learningRate = 1e-3;
    @Config(description = "Momentum of the SGD variants.")
    private double momentum = 0.9;
    @Config(description = "AdamW decoupled weight decay.")
    private double weightDecay = 0.01;
    @Config(description = "Epochs.")
    private int epochs = 10;
    @Config(description = "Minibatch size.")
    private int batchSize = 256;
    @Config(description = "Coupled L2 penalty on weights.")
    private double l2 = 0;
    @Config(description = "Dropout probability on hidden units.")
    private double dropout = 0;
    @Config(description = "Weight initialisation.")
    private WeightInit weightInit = WeightInit.AUTO;
    @Config(description = "Weight value for the CONSTANT initialisation.")
    private double initConstant = 0.1;
    @Config(description = "Initialise the output bias to log class priors.")
    private boolean outputBiasFromPriors = false;
    @Config(description = "Use balanced class weights n / (K n_c).")
    private boolean balancedClassWeights = false;
    @Config(description = "Explicit class weights by label name (classes not named get 1).")
    private Map<String, String> classWeights = new HashMap<>();
    @Config(description = "Fraction of the training data held out, stratified, for validation.")
    private double validationFraction = 0.1;
    @Config(description = "Early stopping patience in epochs (0: off).")
    private int patience = 0;
    @Config(description = "Random seed.")
    private long seed = 1L;
    @Config(description = "Which arithmetic implementation to use.")
    private ComputePath computePath = ComputePath.AUTO;
    @Config(description = "Show live progress (notebook display or a terminal line).")
    private boolean progress = true;

    private int invocationCount = 0;
    // Not configuration: listeners watch a run, they do not change what is trained.
    private List<TrainingListener> listeners = new ArrayList<>();

    /** A trainer with every default; for olcut configuration. Prefer {@link #builder()}. */
    public MlpTrainer() {
    }

    /** Starts a fluent configuration with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this trainer's settings, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.t = copy();
        return b;
    }

    private MlpTrainer copy() {
        MlpTrainer c = new MlpTrainer();
        c.hiddenSizes = hiddenSizes.clone();
        c.hiddenActivation = hiddenActivation;
        c.outputActivation = outputActivation;
        c.loss = loss;
        c.focalGamma = focalGamma;
        c.logitAdjustmentTau = logitAdjustmentTau;
        c.optimiser = optimiser;
        c.learningRate = learningRate;
        c.momentum = momentum;
        c.weightDecay = weightDecay;
        c.epochs = epochs;
        c.batchSize = batchSize;
        c.l2 = l2;
        c.dropout = dropout;
        c.weightInit = weightInit;
        c.initConstant = initConstant;
        c.outputBiasFromPriors = outputBiasFromPriors;
        c.balancedClassWeights = balancedClassWeights;
        c.classWeights = new HashMap<>(classWeights);
        c.validationFraction = validationFraction;
        c.patience = patience;
        c.seed = seed;
        c.computePath = computePath;
        c.progress = progress;
        c.listeners = new ArrayList<>(listeners);
        return c;
    }

    @Override
    public void postConfig() {
        validateSettings();
    }

    private void validateSettings() {
        for (int i = 0; i < hiddenSizes.length; i++) {
            if (hiddenSizes[i] <= 0) {
                throw new IllegalArgumentException("hidden layer " + (i + 1) + " has size " + hiddenSizes[i]
                        + ": every hidden size must be >= 1 (use no hidden layers for a linear model)");
            }
        }
        optimiserSettings(); // checks the learning rate and momentum
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("L2 penalty must be a finite number >= 0, got " + l2);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(focalGamma >= 0) || Double.isInfinite(focalGamma)) {
            throw new IllegalArgumentException("focal gamma must be a finite number >= 0, got " + focalGamma);
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        if (patience > 0 && validationFraction == 0) {
            throw new IllegalArgumentException("early stopping (patience " + patience
                    + ") watches the validation loss: set a validation fraction > 0");
        }
        if (loss.needsSoftmax() && outputActivation != OutputActivation.SOFTMAX) {
            throw new IllegalArgumentException(loss + " loss is defined on a softmax output, not " + outputActivation);
        }
        for (Map.Entry<String, String> e : classWeights.entrySet()) {
            double v = parseWeight(e.getKey(), e.getValue());
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("class weight of '" + e.getKey() + "' must be a finite number >= 0, got " + v);
            }
        }
    }

    private static double parseWeight(String label, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException("class weight of '" + label + "' is not a number: '" + value + "'", ex);
        }
    }

    private Optimiser optimiserSettings() {
        return Optimiser.of(optimiser, learningRate, momentum, 0.9, 0.999, 1e-8,
                optimiser == OptimiserKind.ADAMW ? weightDecay : 0);
    }

    /** The warning for a wrong output/loss pairing (R10), or null when the pairing is right. */
    String pairingWarning() {
        if (outputActivation == OutputActivation.SOFTMAX && loss != LossFunction.MEAN_SQUARED_ERROR) {
            return null;
        }
        if (outputActivation == OutputActivation.SOFTMAX) {
            return "softmax with mean squared error trains slowly on classes (gradients vanish for confident "
                    + "wrong outputs); prefer cross-entropy (R10)";
        }
        return "output activation " + outputActivation + " with " + loss + " is a wrong pairing for single-label "
                + "classification (R10): " + (outputActivation == OutputActivation.SIGMOID
                ? "sigmoid outputs need not sum to one, so categorical cross-entropy pushes every output up"
                : "cross-entropy takes the log of outputs that can be zero or negative (NaN, R12)")
                + "; use SOFTMAX with CROSS_ENTROPY";
    }

    @Override
    public MlpModel train(Dataset<Label> examples) {
        return train(examples, Map.of());
    }

    @Override
    public MlpModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public MlpModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance, int invocation) {
        validateSettings();
        Prepared prep = prepare(examples, invocation);
        TrainerProvenance trainerProvenance = getProvenance();
        TrainingRun run = new TrainingRun(this, prep);
        float[] params = run.run();
        ModelProvenance provenance = new ModelProvenance(MlpModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new MlpModel("mlp", provenance, prep.features, prep.outputs, prep.arch, params, run.history());
    }

    /** Everything a run needs, derived from the dataset and the settings. */
    static final class Prepared {
        ImmutableFeatureMap features;
        ImmutableOutputInfo<Label> outputs;
        List<String> classNames;
        Architecture arch;
        DenseData train;
        DenseData validation;
        StepSettings settings;
        float[] initialParameters;
        SplittableRandom rng;
    }

    private Prepared prepare(Dataset<Label> examples, int invocation) {
        if (examples == null) {
            throw new IllegalArgumentException("dataset is null");
        }
        if (examples.size() == 0) {
            throw new IllegalArgumentException("the training dataset is empty: a network needs examples of at least two classes");
        }
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        if (outputs.size() < 2) {
            throw new IllegalArgumentException("the training dataset has only one class (" + outputs.getDomain()
                    + "): a classifier needs at least two; check the label column or the split");
        }
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (features.size() == 0) {
            throw new IllegalArgumentException("the training dataset has no features");
        }
        synchronized (this) {
            if (invocation != INCREMENT_INVOCATION_COUNT) {
                invocationCount = invocation;
            }
            invocation = invocationCount++;
        }
        Prepared p = new Prepared();
        p.features = features;
        p.outputs = outputs;
        p.rng = new SplittableRandom(seed + 0x9E3779B97F4A7C15L * invocation);
        int k = outputs.size();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(outputs.getOutput(c).getLabel());
        }
        p.classNames = names;
        DenseData all = DenseData.of(examples, features, outputs, true);
        if (validationFraction > 0) {
            StratifiedSplit split = StratifiedSplit.split(all.labelNames(), validationFraction, p.rng.nextLong());
            p.train = all.rows(split.trainRows());
            p.validation = split.heldOutRows().length > 0 ? all.rows(split.heldOutRows()) : null;
        } else {
            p.train = all;
        }
        if (batchSize > p.train.rows) {
            throw new IllegalArgumentException("batch size " + batchSize + " is larger than the " + p.train.rows
                    + " training rows" + (validationFraction > 0 ? " left after the validation split" : "")
                    + ": use a batch size <= " + p.train.rows);
        }
        int[] sizes = new int[hiddenSizes.length + 2];
        sizes[0] = features.size();
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[sizes.length - 1] = k;
        p.arch = new Architecture(sizes, hiddenActivation, outputActivation);

        long[] counts = p.train.classCounts(k);
        double[] priors = new double[k];
        for (int c = 0; c < k; c++) {
            priors[c] = Math.max(counts[c], 0.5) / p.train.rows;
        }
        float[] weights = classWeightVector(names, counts, p.train.rows);
        applyClassWeights(p.train, weights);
        if (p.validation != null) {
            applyClassWeights(p.validation, weights);
        }
        float[] shift = null;
        if (loss == LossFunction.LOGIT_ADJUSTED) {
            shift = new float[k];
            for (int c = 0; c < k; c++) {
                shift[c] = (float) (logitAdjustmentTau * Math.log(priors[c]));
            }
        }
        float[] bias = null;
        if (outputBiasFromPriors) {
            bias = new float[k];
            for (int c = 0; c < k; c++) {
                bias[c] = (float) Math.log(priors[c]);
            }
        }
        p.settings = new StepSettings(loss, focalGamma, shift, l2, dropout, optimiserSettings());
        p.initialParameters = Initialiser.initialise(p.arch, weightInit, (float) initConstant, p.rng.split(), bias);
        return p;
    }

    private float[] classWeightVector(List<String> names, long[] counts, int rows) {
        float[] w = new float[names.size()];
        for (int c = 0; c < w.length; c++) {
            if (balancedClassWeights) {
                w[c] = counts[c] == 0 ? 0f : (float) (rows / ((double) w.length * counts[c]));
            } else {
                String given = classWeights.get(names.get(c));
                w[c] = given == null ? 1f : (float) parseWeight(names.get(c), given);
            }
        }
        return w;
    }

    private static void applyClassWeights(DenseData data, float[] weights) {
        for (int i = 0; i < data.rows; i++) {
            data.w[i] *= weights[data.y[i]];
        }
    }

    Engine newEngine(Prepared p, StepSettings settings) {
        boolean fast = computePath == ComputePath.FAST
                || (computePath == ComputePath.AUTO && isCpuBackend());
        return fast ? new BlasEngine(p.arch, settings, p.initialParameters, batchSize)
                : new Nd4jOpEngine(p.arch, settings, p.initialParameters);
    }

    /** Whether the fast path can run: true on ND4J's CPU backend, where OpenBLAS is bundled. */
    public static boolean isFastPathAvailable() {
        return isCpuBackend();
    }

    static boolean isCpuBackend() {
        return Nd4j.getBackend().getClass().getName().toLowerCase().contains("cpu");
    }

    /**
     * Learning-rate range test (B8): from a fresh initialisation, trains {@code steps} minibatches while
     * the rate grows exponentially from {@code minRate} to {@code maxRate}, and stops early once the loss
     * exceeds four times its best or stops being finite. The trainer's own settings are otherwise used.
     */
    public LearningRateRangeTest learningRateRangeTest(Dataset<Label> examples, double minRate, double maxRate, int steps) {
        if (!(minRate > 0) || !(maxRate > minRate)) {
            throw new IllegalArgumentException("need 0 < minRate < maxRate, got " + minRate + " and " + maxRate);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps must be >= 2, got " + steps);
        }
        validateSettings();
        Prepared p = prepare(examples, INCREMENT_INVOCATION_COUNT);
        return new TrainingRun(this, p).rangeTest(minRate, maxRate, steps);
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be >= 0, got " + count);
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    // Package-private accessors for TrainingRun.
    int epochs() { return epochs; }
    int batchSize() { return batchSize; }
    int patience() { return patience; }
    boolean progress() { return progress; }

    List<TrainingListener> listeners() { return listeners; }
    String pairingWarningOrNull() { return pairingWarning(); }
    WeightInit weightInit() { return weightInit; }

    @Override
    public String toString() {
        return "MlpTrainer(hidden=" + Arrays.toString(hiddenSizes) + ", " + hiddenActivation + ", " + outputActivation
                + "+" + loss + ", " + optimiserSettings() + ", epochs=" + epochs + ", batch=" + batchSize
                + (l2 > 0 ? ", l2=" + l2 : "") + (dropout > 0 ? ", dropout=" + dropout : "")
                + ", init=" + weightInit + (balancedClassWeights ? ", balanced class weights" : "")
                + (patience > 0 ? ", patience=" + patience : "") + ", seed=" + seed + ")";
    }

    /** Fluent configuration of an {@link MlpTrainer}; every setter checks its value. */
    public static final class Builder {
        private MlpTrainer t = new MlpTrainer();

        private Builder() {
        }

        /** Hidden layer sizes; none gives a linear (multinomial logistic) model. */
        public Builder hidden(int... sizes) {
            t.hiddenSizes = sizes.clone();
            return this;
        }

        /** Hidden activation (default ReLU). */
        public Builder hiddenActivation(HiddenActivation a) {
            t.hiddenActivation = a;
            return this;
        }

        /** Output activation and loss together (default softmax + cross-entropy); wrong pairings warn (R10). */
        public Builder output(OutputActivation a, LossFunction l) {
            t.outputActivation = a;
            t.loss = l;
            return this;
        }

        /** Focal loss with the given gamma (R6); the class weights act as its alpha. */
        public Builder focalLoss(double gamma) {
            t.outputActivation = OutputActivation.SOFTMAX;
            t.loss = LossFunction.FOCAL;
            t.focalGamma = gamma;
            return this;
        }

        /** Logit-adjusted cross-entropy with strength tau (B5; 1 is the usual value). */
        public Builder logitAdjustedLoss(double tau) {
            t.outputActivation = OutputActivation.SOFTMAX;
            t.loss = LossFunction.LOGIT_ADJUSTED;
            t.logitAdjustmentTau = tau;
            return this;
        }

        /** Update rule and learning rate (R8). */
        public Builder optimiser(Optimiser o) {
            t.optimiser = o.kind();
            t.learningRate = o.learningRate();
            t.momentum = o.kind() == OptimiserKind.MOMENTUM || o.kind() == OptimiserKind.NESTEROV ? o.momentum() : t.momentum;
            t.weightDecay = o.kind() == OptimiserKind.ADAMW ? o.weightDecay() : t.weightDecay;
            return this;
        }

        /** The learning rate, keeping the update rule. */
        public Builder learningRate(double lr) {
            t.learningRate = lr;
            return this;
        }

        /** Passes over the training data (R9). */
        public Builder epochs(int n) {
            t.epochs = n;
            return this;
        }

        /** Minibatch size. */
        public Builder batchSize(int n) {
            t.batchSize = n;
            return this;
        }

        /** Coupled L2 penalty on the weights (R7). */
        public Builder l2(double lambda) {
            t.l2 = lambda;
            return this;
        }

        /** Dropout probability on hidden units (R7). */
        public Builder dropout(double p) {
            t.dropout = p;
            return this;
        }

        /** Weight initialisation (R14). */
        public Builder weightInit(WeightInit init) {
            t.weightInit = init;
            return this;
        }

        /** Every weight set to {@code value} (R14: units stay identical). */
        public Builder constantInit(double value) {
            t.weightInit = WeightInit.CONSTANT;
            t.initConstant = value;
            return this;
        }

        /** Start the output bias at log class priors, so the initial loss is the prior's entropy (B2). */
        public Builder outputBiasFromPriors(boolean on) {
            t.outputBiasFromPriors = on;
            return this;
        }

        /** Balanced class weights {@code n / (K n_c)} (R4), scikit-learn's rule. */
        public Builder balancedClassWeights() {
            t.balancedClassWeights = true;
            t.classWeights = new HashMap<>();
            return this;
        }

        /** Explicit class weights by label name; unnamed classes get 1. */
        public Builder classWeights(Map<String, Double> weights) {
            t.balancedClassWeights = false;
            t.classWeights = new HashMap<>();
            weights.forEach((k, v) -> t.classWeights.put(k, Double.toString(v)));
            return this;
        }

        /** Fraction of the data held out (stratified) to validate each epoch; 0 turns validation off. */
        public Builder validationFraction(double f) {
            t.validationFraction = f;
            return this;
        }

        /** Early stopping on the validation loss after {@code epochs} epochs without improvement (R9). */
        public Builder earlyStopping(int patienceEpochs) {
            t.patience = patienceEpochs;
            return this;
        }

        /** Seed for initialisation, splitting, shuffling and dropout. */
        public Builder seed(long s) {
            t.seed = s;
            return this;
        }

        /** Which arithmetic implementation to use (default: the fast one on the CPU). */
        public Builder computePath(ComputePath path) {
            t.computePath = path;
            return this;
        }

        /** Adds a listener that hears every epoch of each training run (kept with this trainer, not in provenance). */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener is null");
            }
            t.listeners.add(listener);
            return this;
        }

        /** Live progress on or off (default on). */
        public Builder progress(boolean on) {
            t.progress = on;
            return this;
        }

        /** The configured trainer; throws with a specific message for any invalid value. */
        public MlpTrainer build() {
            MlpTrainer built = t.copy();
            built.validateSettings();
            return built;
        }
    }
}
