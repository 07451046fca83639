package dev.flatline.nn;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Logger;

/** One training run: the epoch loop shared by both engines, with evaluation, history and stopping. */
final class TrainingRun {
    private static final Logger LOG = Logger.getLogger(MlpTrainer.class.getName());
    private static final int PROBE_ROWS = 2048;

    private final MlpTrainer trainer;
    private final MlpTrainer.Prepared p;
    private final OutputLoss outputLoss;
    private TrainingHistory history;

    TrainingRun(MlpTrainer trainer, MlpTrainer.Prepared prepared) {
        this.trainer = trainer;
        this.p = prepared;
        this.outputLoss = new OutputLoss(p.arch.output, p.settings, p.arch.classes());
    }

    TrainingHistory history() {
        return history;
    }

    /** Trains and returns the parameters the model keeps. */
    float[] run() {
        Engine engine = trainer.newEngine(p, p.settings);
        DenseData train = p.train;
        int k = p.arch.classes();
        double initialLoss = lossOf(engine, train.rows > PROBE_ROWS * 4 ? probe(train) : train);
        history = new TrainingHistory(p.classNames, initialLoss);
        String warning = trainer.pairingWarningOrNull();
        if (warning != null) {
            LOG.warning(warning);
            history.warn(warning);
        }
        if (trainer.weightInit() == WeightInit.CONSTANT || trainer.weightInit() == WeightInit.ZERO) {
            history.warn("weights initialised to one constant: units in a layer start identical and stay identical (R14)");
        }
        DenseData probe = p.validation != null ? p.validation : probe(train);
        int batch = trainer.batchSize();
        Minibatches batches = new Minibatches(train, batch, p.rng.split());
        int[] predicted = batches.predicted;
        int[] by = batches.y;
        SplittableRandom dropoutRng = p.rng.split();
        float[] best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int layers = p.arch.layers();
        List<TrainingListener> listeners = new ArrayList<>(trainer.listeners());
        if (trainer.progress()) {
            listeners.add(TrainingProgress.open());
        }
        for (TrainingListener listener : listeners) {
            listener.started(trainer.epochs(), p.classNames);
        }
        long started = System.nanoTime();
        try {
            for (int epoch = 1; epoch <= trainer.epochs(); epoch++) {
                long t0 = System.nanoTime();
                float[] before = engine.parameters();
                batches.shuffle();
                double lossSum = 0;
                long correct = 0;
                long[] trainCounts = new long[k];
                double[] normSums = new double[layers];
                int steps = 0;
                String failure = null;
                for (int start = 0; start < train.rows; start += batch) {
                    int rows = Math.min(batch, train.rows - start);
                    batches.fill(start, rows);
                    double loss = engine.trainBatch(batches.x, by, batches.w, rows, dropoutRng, predicted);
                    steps++;
                    if (!Double.isFinite(loss)) {
                        failure = "the training loss became " + loss + " at epoch " + epoch + ", step " + steps
                                + " (R12): " + divergenceHint();
                        break;
                    }
                    lossSum += loss * rows;
                    for (int r = 0; r < rows; r++) {
                        trainCounts[predicted[r]]++;
                        if (predicted[r] == by[r]) {
                            correct++;
                        }
                    }
                    double[] norms = engine.gradientNorms();
                    for (int l = 0; l < layers; l++) {
                        normSums[l] += norms[l];
                    }
                }
                if (failure != null) {
                    engine.setParameters(before);
                    history.stop(StopReason.DIVERGED, failure);
                    LOG.warning(failure);
                    break;
                }
                for (int l = 0; l < layers; l++) {
                    normSums[l] /= steps;
                }
                EpochRecord record = evaluate(engine, epoch, lossSum / train.rows, (double) correct / train.rows,
                        trainCounts, normSums, probe, (System.nanoTime() - t0) / 1e9);
                history.add(record);
                double elapsed = (System.nanoTime() - started) / 1e9;
                for (TrainingListener listener : listeners) {
                    listener.epochEnded(history, elapsed);
                }
                if (p.validation != null && trainer.patience() > 0) {
                    if (record.validationLoss() < bestLoss) {
                        bestLoss = record.validationLoss();
                        best = engine.parameters();
                        history.bestEpoch(epoch);
                        sinceBest = 0;
                    } else if (trainer.patience() > 0 && ++sinceBest >= trainer.patience()) {
                        engine.setParameters(best);
                        history.stop(StopReason.EARLY_STOPPED, "early stopping at epoch " + epoch + ": no validation loss "
                                + "improvement for " + trainer.patience() + " epochs; kept epoch " + history.bestEpoch());
                        break;
                    }
                } else {
                    history.bestEpoch(epoch);
                }
                if (Double.isNaN(record.validationLoss()) && p.validation != null) {
                    history.stop(StopReason.DIVERGED, "the validation loss became " + record.validationLoss()
                            + " at epoch " + epoch + " (R12): " + divergenceHint());
                    break;
                }
            }
        } finally {
            double elapsed = (System.nanoTime() - started) / 1e9;
            for (TrainingListener listener : listeners) {
                listener.finished(history, elapsed);
            }
        }
        return engine.parameters();
    }

    private String divergenceHint() {
        return trainer.pairingWarningOrNull() != null
                ? "the output/loss pairing produces invalid values; " + trainer.pairingWarningOrNull()
                : "lower the learning rate (currently " + p.settings.optimiser().learningRate()
                        + "), check the inputs are scaled, or clip gradients";
    }

    private EpochRecord evaluate(Engine engine, int epoch, double trainLoss, double trainAccuracy, long[] trainCounts,
                                 double[] gradNorms, DenseData probe, double seconds) {
        int k = p.arch.classes();
        int hiddenLayers = p.arch.layers() - 1;
        boolean[][] everActive = new boolean[hiddenLayers][];
        for (int l = 0; l < hiddenLayers; l++) {
            everActive[l] = new boolean[p.arch.fanOut(l)];
        }
        float[] out = engine.forward(probe.x, probe.rows, everActive);
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
        if (p.validation != null) {
            DenseData v = p.validation;
            valLoss = outputLoss.lossAndGradient(FloatBuffer.wrap(outputLoss.shifted(out, v.rows)), v.rows, v.y, v.w, null, false);
            valCounts = new long[k];
            long[] perClass = new long[k];
            long[] perClassRight = new long[k];
            long right = 0;
            for (int i = 0; i < v.rows; i++) {
                int pred = BlasEngine.argmax(FloatBuffer.wrap(out), i * k, k);
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
                gradNorms, dead, p.settings.optimiser().learningRate(), seconds);
    }

    private double lossOf(Engine engine, DenseData data) {
        float[] out = engine.forward(data.x, data.rows, null);
        return outputLoss.lossAndGradient(FloatBuffer.wrap(outputLoss.shifted(out, data.rows)), data.rows, data.y, data.w, null, false);
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
        Engine engine = trainer.newEngine(p, p.settings);
        DenseData train = p.train;
        int batch = trainer.batchSize();
        SplittableRandom rng = p.rng.split();
        Minibatches batches = new Minibatches(train, batch, rng);
        batches.shuffle();
        double[] rates = new double[steps];
        double[] losses = new double[steps];
        double smooth = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        double bestRate = minRate;
        int done = 0;
        int cursor = 0;
        for (int s = 0; s < steps; s++) {
            double rate = minRate * Math.pow(maxRate / minRate, (double) s / (steps - 1));
            engine.setLearningRate(rate);
            if (cursor + batch > train.rows) {
                batches.shuffle();
                cursor = 0;
            }
            batches.fill(cursor, batch);
            cursor += batch;
            double loss = engine.trainBatch(batches.x, batches.y, batches.w, batch, rng, batches.predicted);
            smooth = s == 0 ? loss : 0.9 * smooth + 0.1 * loss;
            double corrected = smooth;
            rates[s] = rate;
            losses[s] = corrected;
            done = s + 1;
            if (!Double.isFinite(loss) || corrected > 4 * bestLoss) {
                break;
            }
            if (corrected < bestLoss) {
                bestLoss = corrected;
                bestRate = rate;
            }
        }
        return new LearningRateRangeTest(Arrays.copyOf(rates, done), Arrays.copyOf(losses, done),
                bestRate / 10);
    }
}
