package dev.flatline.nn;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
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
 * The settings are one immutable {@link MlpSettings} ({@link #settings()}); the olcut configuration
 * fields live in the superclass so Tribuo's provenance records them. Misconfigurations the notebooks
 * demonstrate (a linear output with cross-entropy, a constant initialisation, a far too high learning
 * rate) are allowed; wrong output/loss pairings log a warning that is also kept in the history. A loss
 * that turns NaN or infinite ends training with the epoch and reason in the history instead of an
 * exception.
 */
public final class MlpTrainer extends MlpConfig implements Trainer<Label> {
    private MlpSettings settings;
    private int invocationCount = 0;
    // Not configuration: listeners watch a run and an engine only executes it; neither changes what is trained.
    private final List<TrainingListener> listeners;
    private final Engine.Factory engine;

    /** A trainer with every default; for olcut configuration. Prefer {@link #builder()}. */
    public MlpTrainer() {
        this.settings = toSettings();
        this.listeners = List.of();
        this.engine = null;
    }

    private MlpTrainer(MlpSettings settings, List<TrainingListener> listeners, Engine.Factory engine) {
        load(settings);
        this.settings = settings;
        this.listeners = List.copyOf(listeners);
        this.engine = engine;
    }

    /** A trainer with these settings. */
    public static MlpTrainer of(MlpSettings settings) {
        return new MlpTrainer(settings, List.of(), null);
    }

    /** Starts a fluent configuration with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with this trainer's settings, listeners and engine, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.draft.load(settings);
        b.listeners.addAll(listeners);
        b.engine = engine;
        return b;
    }

    /** After olcut has set the fields: checks them and makes the settings. */
    @Override
    public void postConfig() {
        settings = toSettings();
    }

    /** This trainer's settings. */
    public MlpSettings settings() {
        return settings;
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
        warmUpIfFast();
        TrainingData data = TrainingData.prepare(examples, settings, nextInvocation(invocation));
        TrainerProvenance trainerProvenance = getProvenance();
        TrainingRun run = new TrainingRun(settings, data, engineFactory(), listeners);
        float[] params = run.run();
        ModelProvenance provenance = new ModelProvenance(MlpModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), trainerProvenance, runProvenance);
        return new MlpModel("mlp", provenance, data.features(), data.outputs(), data.arch(), params, run.history());
    }

    /**
     * Learning-rate range test (B8): from a fresh initialisation, trains {@code steps} minibatches while
     * the rate grows exponentially from {@code minRate} to {@code maxRate}, and stops early once the loss
     * exceeds four times its best or stops being finite. The trainer's own settings are otherwise used.
     */
    public LearningRateRangeTest learningRateRangeTest(Dataset<Label> examples, double minRate, double maxRate, int steps) {
        if (!(minRate > 0) || !(maxRate > minRate)) {
            throw new IllegalArgumentException("The range test needs 0 < minRate < maxRate, got " + minRate + " and "
                    + maxRate + ": try 1e-5 and 10.");
        }
        if (steps < 2) {
            throw new IllegalArgumentException("The range test needs at least 2 steps, got " + steps + ": try 100.");
        }
        warmUpIfFast();
        TrainingData data = TrainingData.prepare(examples, settings, nextInvocation(INCREMENT_INVOCATION_COUNT));
        return new TrainingRun(settings, data, engineFactory(), List.of()).rangeTest(minRate, maxRate, steps);
    }

    private synchronized int nextInvocation(int invocation) {
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            invocationCount = invocation;
        }
        return invocationCount++;
    }

    /** In a fresh JVM, readies the fast path in the background while the data is prepared ({@code Warmup}). */
    private void warmUpIfFast() {
        ComputePath path = settings.computePath();
        if (engine == null && (path == ComputePath.AUTO || path == ComputePath.FAST) && Engines.isCpuBackend()) {
            Warmup.start();
        }
    }

    private Engine.Factory engineFactory() {
        return engine != null ? engine : Engines.forPath(settings.computePath());
    }

    /** Whether the fast path can run: true on ND4J's CPU backend, where OpenBLAS is bundled. */
    public static boolean isFastPathAvailable() {
        return Engines.isCpuBackend();
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("The invocation count must be >= 0, got " + count + ".");
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "MlpTrainer(" + settings + ")";
    }

    /**
     * Fluent configuration of an {@link MlpTrainer}: each method records a value, {@link #build()}
     * checks them all ({@link MlpSettings}) and says what is wrong.
     */
    public static final class Builder {
        private final MlpConfig draft = new MlpConfig();
        private final List<TrainingListener> listeners = new ArrayList<>();
        private Engine.Factory engine;

        private Builder() {
        }

        /** Hidden layer sizes; none gives a linear (multinomial logistic) model. */
        public Builder hidden(int... sizes) {
            draft.hiddenSizes = sizes.clone();
            return this;
        }

        /** Hidden activation (default ReLU). */
        public Builder hiddenActivation(HiddenActivation a) {
            draft.hiddenActivation = a;
            return this;
        }

        /** Output activation and loss together (default softmax + cross-entropy); wrong pairings warn (R10). */
        public Builder output(OutputActivation a, LossFunction l) {
            draft.outputActivation = a;
            draft.loss = l;
            return this;
        }

        /** Focal loss with the given gamma (R6); the class weights act as its alpha. */
        public Builder focalLoss(double gamma) {
            draft.outputActivation = OutputActivation.SOFTMAX;
            draft.loss = LossFunction.FOCAL;
            draft.focalGamma = gamma;
            return this;
        }

        /** Logit-adjusted cross-entropy with strength tau (B5; 1 is the usual value). */
        public Builder logitAdjustedLoss(double tau) {
            draft.outputActivation = OutputActivation.SOFTMAX;
            draft.loss = LossFunction.LOGIT_ADJUSTED;
            draft.logitAdjustmentTau = tau;
            return this;
        }

        /** Update rule and learning rate (R8). */
        public Builder optimiser(Optimiser o) {
            if (o == null) {
                throw new IllegalArgumentException("The optimiser is null: pass one, such as Optimiser.adam(1e-3).");
            }
            draft.setOptimiser(o);
            return this;
        }

        /** The learning rate, keeping the update rule. */
        public Builder learningRate(double lr) {
            draft.learningRate = lr;
            return this;
        }

        /** Passes over the training data (R9). */
        public Builder epochs(int n) {
            draft.epochs = n;
            return this;
        }

        /** Minibatch size. */
        public Builder batchSize(int n) {
            draft.batchSize = n;
            return this;
        }

        /** Coupled L2 penalty on the weights (R7). */
        public Builder l2(double lambda) {
            draft.l2 = lambda;
            return this;
        }

        /** Dropout probability on hidden units (R7). */
        public Builder dropout(double p) {
            draft.dropout = p;
            return this;
        }

        /** Weight initialisation (R14). */
        public Builder weightInit(WeightInit init) {
            draft.weightInit = init;
            return this;
        }

        /** Every weight set to {@code value} (R14: units stay identical). */
        public Builder constantInit(double value) {
            draft.weightInit = WeightInit.CONSTANT;
            draft.initConstant = value;
            return this;
        }

        /** Start the output bias at log class priors, so the initial loss is the prior's entropy (B2). */
        public Builder outputBiasFromPriors(boolean on) {
            draft.outputBiasFromPriors = on;
            return this;
        }

        /** Balanced class weights {@code n / (K n_c)} (R4), scikit-learn's rule. */
        public Builder balancedClassWeights() {
            return classWeights(ClassWeighting.balanced());
        }

        /** Explicit class weights by label name; unnamed classes get 1. */
        public Builder classWeights(Map<String, Double> weights) {
            return classWeights(ClassWeighting.of(weights));
        }

        /** Class weights of any kind ({@link ClassWeighting#none()}, balanced, explicit). */
        public Builder classWeights(ClassWeighting weights) {
            if (weights == null) {
                throw new IllegalArgumentException("The class weights are null: pass ClassWeighting.none() for none.");
            }
            draft.setClassWeights(weights);
            return this;
        }

        /**
         * Share of each class held out of the training data (stratified) to validate each epoch; 0 turns
         * validation off.
         */
        public Builder validationFraction(double f) {
            draft.validationFraction = f;
            return this;
        }

        /** Early stopping on the validation loss after {@code epochs} epochs without improvement (R9). */
        public Builder earlyStopping(int patienceEpochs) {
            draft.patience = patienceEpochs;
            return this;
        }

        /** Seed for initialisation, splitting, shuffling and dropout. */
        public Builder seed(long s) {
            draft.seed = s;
            return this;
        }

        /** Which arithmetic implementation to use (default: the fast one on the CPU). */
        public Builder computePath(ComputePath path) {
            draft.computePath = path;
            engine = null;
            return this;
        }

        /**
         * An engine of your own (for example on a GPU), used instead of the compute path's; it must
         * compute what the built-in engines compute (run the engine-agreement test on it).
         */
        public Builder engine(Engine.Factory factory) {
            if (factory == null) {
                throw new IllegalArgumentException("The engine factory is null: leave it out to use the compute path.");
            }
            engine = factory;
            return this;
        }

        /** Adds a listener that hears every epoch of each training run (kept with this trainer, not in provenance). */
        public Builder listener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("The listener is null: pass a TrainingListener.");
            }
            listeners.add(listener);
            return this;
        }

        /** Live progress on or off (default on). */
        public Builder progress(boolean on) {
            draft.progress = on;
            return this;
        }

        /** The settings as they stand, checked. */
        public MlpSettings settings() {
            return draft.toSettings();
        }

        /** The configured trainer; throws with a specific message for any invalid value. */
        public MlpTrainer build() {
            return new MlpTrainer(draft.toSettings(), listeners, engine);
        }
    }
}
