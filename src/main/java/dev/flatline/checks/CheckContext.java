package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpModel;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.TrainingHistory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * What the checks of one checkup share: the data, the trainer, the model trained once on the
 * training part and its test metrics, a seed, and the results of the costlier analyses (the
 * learning-rate sweep, the learning curve) computed at most once whichever check asks first.
 *
 * <p>Every fit goes through {@link #fit(Trainer, Dataset)}, which passes invocation 0 so that the
 * same trainer on the same data always gives the same model.
 */
public final class CheckContext {

    /** Most training rows used by the quick fits of sweeps and curves (enough for a stable answer). */
    public static final int QUICK_ROWS = 4000;

    private final CheckData data;
    private final Trainer<Label> trainer;
    private final long seed;
    private final long deadlineNanos;
    private final List<String> classes;
    private final Map<String, Object> memo = new HashMap<>();
    private Model<Label> model;
    private double fitSeconds;
    private Metrics metrics;

    /**
     * @param data    the data to check
     * @param trainer the trainer whose model is checked ({@link MlpTrainer}s should have progress off)
     * @param seed    seed for every sample the checks draw
     * @param budget  time after which costly work is skipped
     */
    public CheckContext(CheckData data, Trainer<Label> trainer, long seed, Duration budget) {
        this.data = data;
        this.trainer = trainer;
        this.seed = seed;
        this.deadlineNanos = System.nanoTime() + budget.toNanos();
        this.classes = data.classCounts().classes();
    }

    /** The data. */
    public CheckData data() {
        return data;
    }

    /** The trainer under examination. */
    public Trainer<Label> trainer() {
        return trainer;
    }

    /** The seed for samples. */
    public long seed() {
        return seed;
    }

    /** Training classes, largest first: the order of every per-class map. */
    public List<String> classes() {
        return classes;
    }

    /** Seconds until the budget is spent (negative once it is). */
    public double secondsLeft() {
        return (deadlineNanos - System.nanoTime()) / 1e9;
    }

    /** The model trained on the whole training part (trained on first use). */
    public synchronized Model<Label> model() {
        if (model == null) {
            long t0 = System.nanoTime();
            model = fit(trainer, data.train());
            fitSeconds = (System.nanoTime() - t0) / 1e9;
        }
        return model;
    }

    /** Seconds the main model took to train (0 before {@link #model()}). */
    public synchronized double fitSeconds() {
        return fitSeconds;
    }

    /** The main model's metrics on the test part. */
    public synchronized Metrics metrics() {
        if (metrics == null) {
            metrics = evaluate(model(), data.test());
        }
        return metrics;
    }

    /** The trainer as a flatline network trainer, if it is one. */
    public Optional<MlpTrainer> mlpTrainer() {
        return trainer instanceof MlpTrainer m ? Optional.of(m) : Optional.empty();
    }

    /** The main model's training history, if it is a flatline network. */
    public Optional<TrainingHistory> history() {
        return model() instanceof MlpModel m ? Optional.of(m.history()) : Optional.empty();
    }

    /** The main model as a flatline network, if it is one. */
    public Optional<MlpModel> mlpModel() {
        return model() instanceof MlpModel m ? Optional.of(m) : Optional.empty();
    }

    /** Trains deterministically (invocation 0). */
    public Model<Label> fit(Trainer<Label> someTrainer, Dataset<Label> dataset) {
        return someTrainer.train(dataset, Map.of(), 0);
    }

    /** Scores a model on a test set, with this checkup's class order. */
    public Metrics evaluate(Model<Label> someModel, Dataset<Label> test) {
        return Metrics.of(someModel, test, classes);
    }

    /** The data with at most {@link #QUICK_ROWS} training rows (stratified, seeded), for quick fits. */
    public CheckData quickData() {
        return memo("quick-data", () -> data.subsampleTrain(QUICK_ROWS, seed));
    }

    /**
     * A network trainer adapted to a small training set: the batch no larger than a quarter of it
     * (so validation and several steps per epoch still fit), and epochs raised so that the number of
     * steps matches that of {@code epochs} epochs over {@code stepsOfRows} rows (capped at 8x the epochs).
     */
    static MlpTrainer forRows(MlpTrainer base, int rows, int stepsOfRows, int epochs, int batch) {
        int newBatch = Math.max(1, Math.min(batch, rows / 4));
        int newEpochs = (int) Math.min(8L * epochs, Math.max(epochs,
                Math.round((double) epochs * stepsOfRows / Math.max(1, rows))));
        return base.toBuilder().batchSize(newBatch).epochs(newEpochs).progress(false).build();
    }

    /** Memoises work shared by several checks (the sweep, the curve). */
    @SuppressWarnings("unchecked")
    synchronized <T> T memo(String key, Supplier<T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            value = compute.get();
            memo.put(key, value);
        }
        return (T) value;
    }

    /** A memoised value if some check computed it. */
    @SuppressWarnings("unchecked")
    synchronized <T> Optional<T> memoised(String key) {
        return Optional.ofNullable((T) memo.get(key));
    }
}
