package dev.flatline.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.SplittableRandom;

/** One training run: the epoch loop, whatever the engine, with evaluation, history and stopping. */
final class TrainingRun {
    private static final int PROBE_ROWS = 2048;

    private final MlpSettings s;
    private final TrainingData d;
    private final Engine.Factory engines;
    private final List<TrainingListener> listeners;
    private final OutputLoss outputLoss;
    private TrainingHistory history;

    TrainingRun(MlpSettings settings, TrainingData data, Engine.Factory engines, List<TrainingListener> listeners) {
        this.s = settings;
        this.d = data;
        this.engines = engines;
        this.listeners = listeners;
        this.outputLoss = new OutputLoss(data.arch().outputActivation(), data.step(), data.arch().classes());
    }

    TrainingHistory history() {
        return history;
    }

    /** Trains and returns the parameters the model keeps. */
    float[] run() {
        Engine engine = engines.create(d.arch(), s.batchSize());
        TrainingStep step = new TrainingStep(d.arch(), d.step(), engine, d.initialParameters(), s.batchSize());
        Predictor predictor = new Predictor(d.arch(), engine);
        DenseData train = d.train();
        int k = d.arch().classes();
        DenseData probe = d.validation() != null ? d.validation() : probe(train);
        // The loss at initialisation (B2) on a fixed subset: a full pass over big data would cost an epoch's forward work.
        DenseData initialRows = train.rows <= PROBE_ROWS * 4 ? train : d.validation() == null ? probe : probe(train);
        history = new TrainingHistory(d.classNames(), lossOf(predictor, initialRows));
        String warning = s.pairingWarning();
        if (warning != null) {
            TrainingMessages.warnOnce(warning);
            history.warn(warning);
        }
        if (s.weightInit() == WeightInit.CONSTANT || s.weightInit() == WeightInit.ZERO) {
            history.warn("Every weight starts at the same value, so the units of a layer start identical and stay "
                    + "identical: use WeightInit.AUTO (R14, notebook 06-architecture).");
        }
        int batch = s.batchSize();
        // An engine that takes whole epochs (a GPU) keeps the rows, the loss and the optimiser on its device.
        ResidentEngine resident = engine instanceof ResidentEngine r && r.trainsResident(d.step()) ? r : null;
        if (resident != null) {
            resident.startTraining(d.step(), train, batch);
        }
        Minibatches batches = new Minibatches(train, batch, d.shuffleRandom());
        int[] predicted = batches.predicted;
        int[] by = batches.y;
        SplittableRandom dropoutRng = d.dropoutRandom();
        float[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int layers = d.arch().layers();
        List<TrainingListener> hearing = new ArrayList<>(listeners);
        if (s.progress()) {
            hearing.add(TrainingProgress.open());
        }
        for (TrainingListener listener : hearing) {
            listener.started(s.epochs(), d.classNames());
        }
        Warmup.stop();
        long started = System.nanoTime();
        try {
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                long t0 = System.nanoTime();
                float[] before = resident == null ? step.parameters() : null;
                if (resident != null) {
                    resident.saveParameters();
                }
                batches.shuffle();
                double lossSum = 0;
                long correct = 0;
                long[] trainCounts = new long[k];
                double[] normSums = new double[layers];
                int steps = 0;
                String failure = null;
                if (resident != null) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("Training was interrupted at epoch " + epoch
                                + "; the model was not finished.");
                    }
                    ResidentEngine.EpochTotals totals = resident.trainEpoch(batches.order(),
                            epochMasks(dropoutRng, train.rows, batch), step.learningRate());
                    for (double loss : totals.stepLosses()) {
                        int rows = Math.min(batch, train.rows - steps * batch);
                        steps++;
                        if (!Double.isFinite(loss)) {
                            failure = "The training loss became " + loss + " at epoch " + epoch + ", step " + steps
                                    + ": " + divergenceHint(step);
                            break;
                        }
                        lossSum += loss * rows;
                    }
                    correct = totals.correct();
                    trainCounts = totals.predictedCounts();
                    normSums = totals.gradientNormSums();
                }
                for (int start = 0; resident == null && start < train.rows; start += batch) {
                    if (Thread.currentThread().isInterrupted()) {
                        // A notebook's interrupt (or any caller's): stop between steps, flag kept set.
                        throw new CancellationException("Training was interrupted at epoch " + epoch + ", step "
                                + (steps + 1) + "; the model was not finished.");
                    }
                    int rows = Math.min(batch, train.rows - start);
                    batches.fill(start, rows);
                    double loss = step.train(batches.x, by, batches.w, rows, dropoutRng, predicted);
                    steps++;
                    if (!Double.isFinite(loss)) {
                        failure = "The training loss became " + loss + " at epoch " + epoch + ", step " + steps
                                + ": " + (weightless(batches.w, rows) ? ZERO_WEIGHTS_HINT : divergenceHint(step));
                        break;
                    }
                    lossSum += loss * rows;
                    for (int r = 0; r < rows; r++) {
                        trainCounts[predicted[r]]++;
                        if (predicted[r] == by[r]) {
                            correct++;
                        }
                    }
                    double[] norms = step.gradientNorms();
                    for (int l = 0; l < layers; l++) {
                        normSums[l] += norms[l];
                    }
                }
                if (failure != null) {
                    if (resident != null) {
                        resident.restoreParameters();
                    } else {
                        step.setParameters(before);
                    }
                    history.stop(StopReason.DIVERGED, failure);
                    if (!s.progress() && s.pairingWarning() == null) {
                        // With progress on, the display reports the stop; a wrong pairing was warned about
                        // at the start (its NaN included). Say it once either way.
                        TrainingMessages.print(failure);
                    }
                    break;
                }
                for (int l = 0; l < layers; l++) {
                    normSums[l] /= steps;
                }
                EpochRecord record = evaluate(predictor, step, epoch, lossSum / train.rows,
                        (double) correct / train.rows, trainCounts, normSums, probe, (System.nanoTime() - t0) / 1e9);
                history.add(record);
                double elapsed = (System.nanoTime() - started) / 1e9;
                for (TrainingListener listener : hearing) {
                    listener.epochEnded(history, elapsed);
                }
                if (d.validation() != null && s.patience() > 0) {
                    if (record.validationLoss() < bestLoss) {
                        bestLoss = record.validationLoss();
                        best = resident != null ? resident.parameters() : step.parameters();
                        history.bestEpoch(epoch);
                        sinceBest = 0;
                    } else if (++sinceBest >= s.patience()) {
                        step.setParameters(best);
                        history.stop(StopReason.EARLY_STOPPED, "Early stopping at epoch " + epoch + ": the validation "
                                + "loss has not improved for " + s.patience() + " epochs; the model keeps epoch "
                                + history.bestEpoch() + ".");
                        break;
                    }
                } else {
                    history.bestEpoch(epoch);
                }
                if (Double.isNaN(record.validationLoss()) && d.validation() != null) {
                    history.stop(StopReason.DIVERGED, "The validation loss became " + record.validationLoss()
                            + " at epoch " + epoch + ": " + divergenceHint(step));
                    break;
                }
            }
        } finally {
            double elapsed = (System.nanoTime() - started) / 1e9;
            for (TrainingListener listener : hearing) {
                listener.finished(history, elapsed);
            }
        }
        return resident != null ? resident.parameters() : step.parameters();
    }

    /**
     * An epoch's dropout masks for a {@link ResidentEngine}, drawn as {@code TrainingStep} draws them (step by
     * step, layer by layer); null without dropout.
     */
    private float[][] epochMasks(SplittableRandom rng, int rows, int batch) {
        double p = d.step().dropout();
        if (p <= 0) {
            return null;
        }
        Architecture arch = d.arch();
        float[][] masks = new float[arch.layers()][];
        int widest = 0;
        for (int l = 1; l < arch.layers(); l++) {
            masks[l] = new float[rows * arch.size(l)];
            widest = Math.max(widest, arch.size(l));
        }
        float[] one = new float[batch * widest];
        for (int start = 0; start < rows; start += batch) {
            int n = Math.min(batch, rows - start);
            for (int l = 1; l < arch.layers(); l++) {
                Initialiser.fillDropoutMask(rng, one, n * arch.size(l), p);
                System.arraycopy(one, 0, masks[l], start * arch.size(l), n * arch.size(l));
            }
        }
        return masks;
    }

    /** What to do about a loss of 0/0: a minibatch whose rows all weigh nothing. */
    static final String ZERO_WEIGHTS_HINT = "every row of this minibatch has class weight 0, so the weighted mean "
            + "loss is 0/0. A class weight of 0 usually comes from integer division (n / (K * n_c) with ints); "
            + "compute the weights in floating point (R13, notebook 02-one-example-per-class). The learning rate "
            + "is not the cause.";

    /** True when the minibatch's weights sum to zero (a weighted mean over it is 0/0). */
    static boolean weightless(float[] weights, int rows) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            sum += weights[r];
        }
        return sum == 0;
    }

    /** What to do about a loss that stopped being a number. */
    private String divergenceHint(TrainingStep step) {
        String pairing = s.pairingWarning();
        return pairing != null
                ? "the output/loss pairing produces invalid values: use SOFTMAX with CROSS_ENTROPY (R10, notebook "
                        + "06-architecture)."
                : "the updates grew until the numbers overflowed. Lower the learning rate (now " + step.learningRate()
                        + "), check that the inputs are scaled, or clip gradients (R12, notebook "
                        + "02-one-example-per-class; R8, notebook 04-learning-rate-and-optimizers).";
    }

    private EpochRecord evaluate(Predictor predictor, TrainingStep step, int epoch, double trainLoss,
                                 double trainAccuracy, long[] trainCounts, double[] gradNorms, DenseData probe,
                                 double seconds) {
        Architecture arch = d.arch();
        int k = arch.classes();
        int hiddenLayers = arch.layers() - 1;
        boolean[][] everActive = new boolean[hiddenLayers][];
        for (int l = 0; l < hiddenLayers; l++) {
            everActive[l] = new boolean[arch.fanOut(l)];
        }
        float[] out = predictor.outputs(probe.x, probe.rows, everActive);
        double[] dead = new double[hiddenLayers];
        for (int l = 0; l < hiddenLayers; l++) {
            int n = 0;
            for (boolean b : everActive[l]) {
                n += b ? 0 : 1;
            }
            dead[l] = (double) n / everActive[l].length;
        }
        double valLoss = Double.NaN;
        double valAcc = Double.NaN;
        double valBal = Double.NaN;
        long[] valCounts = new long[0];
        DenseData v = d.validation();
        if (v != null) {
            valLoss = outputLoss.lossAndGradient(outputLoss.shifted(out, v.rows), v.rows, v.y, v.w, null, false);
            valCounts = new long[k];
            long[] perClass = new long[k];
            long[] perClassRight = new long[k];
            long right = 0;
            for (int i = 0; i < v.rows; i++) {
                int pred = TrainingStep.argmax(out, i * k, k);
                valCounts[pred]++;
                perClass[v.y[i]]++;
                if (pred == v.y[i]) {
                    right++;
                    perClassRight[v.y[i]]++;
                }
            }
            valAcc = (double) right / v.rows;
            double recallSum = 0;
            int present = 0;
            for (int c = 0; c < k; c++) {
                if (perClass[c] > 0) {
                    recallSum += (double) perClassRight[c] / perClass[c];
                    present++;
                }
            }
            valBal = recallSum / present;
        }
        return new EpochRecord(epoch, trainLoss, trainAccuracy, valLoss, valAcc, valBal, trainCounts, valCounts,
                gradNorms, dead, step.learningRate(), seconds);
    }

    private double lossOf(Predictor predictor, DenseData data) {
        float[] out = predictor.outputs(data.x, data.rows, null);
        return outputLoss.lossAndGradient(outputLoss.shifted(out, data.rows), data.rows, data.y, data.w, null, false);
    }

    /** A fixed, evenly spaced subset of at most {@link #PROBE_ROWS} training rows. */
    private static DenseData probe(DenseData train) {
        int n = Math.min(PROBE_ROWS, train.rows);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = (int) ((long) i * train.rows / n);
        }
        return train.rows(idx);
    }

    /** The learning-rate range test (see {@link MlpTrainer#learningRateRangeTest}). */
    LearningRateRangeTest rangeTest(double minRate, double maxRate, int steps) {
        Engine engine = engines.create(d.arch(), s.batchSize());
        TrainingStep step = new TrainingStep(d.arch(), d.step(), engine, d.initialParameters(), s.batchSize());
        DenseData train = d.train();
        int batch = s.batchSize();
        SplittableRandom rng = d.shuffleRandom();
        Minibatches batches = new Minibatches(train, batch, rng);
        batches.shuffle();
        double[] rates = new double[steps];
        double[] losses = new double[steps];
        double smooth = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestRate = minRate;
        int done = 0;
        int cursor = 0;
        for (int i = 0; i < steps; i++) {
            double rate = minRate * Math.pow(maxRate / minRate, (double) i / (steps - 1));
            step.setLearningRate(rate);
            if (cursor + batch > train.rows) {
                batches.shuffle();
                cursor = 0;
            }
            batches.fill(cursor, batch);
            cursor += batch;
            double loss = step.train(batches.x, batches.y, batches.w, batch, rng, batches.predicted);
            smooth = i == 0 ? loss : 0.9 * smooth + 0.1 * loss;
            rates[i] = rate;
            losses[i] = smooth;
            done = i + 1;
            if (!Double.isFinite(loss) || smooth > 4 * bestLoss) {
                break;
            }
            if (smooth < bestLoss) {
                bestLoss = smooth;
                bestRate = rate;
            }
        }
        return new LearningRateRangeTest(Arrays.copyOf(rates, done), Arrays.copyOf(losses, done), bestRate / 10);
    }
}
