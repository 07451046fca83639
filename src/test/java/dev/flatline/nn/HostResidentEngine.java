package dev.flatline.nn;

import java.util.Arrays;

/**
 * A {@link ResidentEngine} on the CPU, for testing {@code TrainingRun}'s whole-epoch path without a GPU:
 * {@link BlasEngine} for the passes and the host's own {@link OutputLoss} and {@link OptimiserState} for the
 * rest, taking the row order and the per-epoch dropout masks it is handed. It repeats {@code TrainingStep}'s
 * sequence (and its L2 and norm loops) on purpose: trained through the epoch path it must give exactly
 * what the host step gives, which checks how the trainer draws masks, counts steps and keeps the history.
 */
final class HostResidentEngine implements ResidentEngine {
    private final Architecture arch;
    private final BlasEngine engine;
    private StepSettings settings;
    private DenseData train;
    private int batch;
    private OutputLoss loss;
    private OptimiserState optimiser;
    private float[] theta;
    private float[] saved;
    /** How many epochs ran through {@link #trainEpoch}. */
    int epochs;

    HostResidentEngine(Architecture arch, int batchSize) {
        this.arch = arch;
        this.engine = new BlasEngine(arch, batchSize);
    }

    @Override
    public int maxRows() {
        return engine.maxRows();
    }

    @Override
    public void setParameters(float[] parameters) {
        theta = Arrays.copyOf(parameters, arch.parameterCount());
        engine.setParameters(theta);
    }

    @Override
    public void forward(float[] x, int firstRow, int rows, float[][] masks, float[] logits, boolean[][] everActive) {
        engine.forward(x, firstRow, rows, masks, logits, everActive);
    }

    @Override
    public void backward(float[] logitGradient, int rows, float[] gradient) {
        engine.backward(logitGradient, rows, gradient);
    }

    @Override
    public boolean trainsResident(StepSettings settings) {
        return true;
    }

    @Override
    public void startTraining(StepSettings settings, DenseData train, int batchSize) {
        this.settings = settings;
        this.train = train;
        this.batch = batchSize;
        this.loss = new OutputLoss(arch.outputActivation(), settings, arch.classes());
        this.optimiser = new OptimiserState(settings.optimiser(), arch.parameterCount());
    }

    @Override
    public EpochTotals trainEpoch(int[] order, float[][] masks, double learningRate) {
        epochs++;
        int k = arch.classes();
        int d = train.columns;
        int steps = (train.rows + batch - 1) / batch;
        double[] losses = new double[steps];
        long[] counts = new long[k];
        double[] normSums = new double[arch.layers()];
        long correct = 0;
        float[] x = new float[batch * d];
        int[] y = new int[batch];
        float[] w = new float[batch];
        float[] logits = new float[batch * k];
        float[] dz = new float[batch * k];
        float[] gradient = new float[arch.parameterCount()];
        float[][] stepMasks = masks == null ? null : new float[arch.layers()][];
        for (int s = 0; s < steps; s++) {
            int start = s * batch;
            int rows = Math.min(batch, train.rows - start);
            for (int r = 0; r < rows; r++) {
                int src = order[start + r];
                System.arraycopy(train.x, src * d, x, r * d, d);
                y[r] = train.y[src];
                w[r] = train.w[src];
            }
            if (masks != null) {
                for (int l = 1; l < arch.layers(); l++) {
                    stepMasks[l] = Arrays.copyOfRange(masks[l], start * arch.size(l), (start + rows) * arch.size(l));
                }
            }
            engine.forward(x, 0, rows, stepMasks, logits, null);
            loss.activate(logits, rows, true);
            for (int r = 0; r < rows; r++) {
                int p = TrainingStep.argmax(logits, r * k, k);
                counts[p]++;
                correct += p == y[r] ? 1 : 0;
            }
            double l = loss.lossAndGradient(logits, rows, y, w, dz, true);
            float l2 = (float) settings.l2();
            if (settings.l2() > 0) {
                double squares = 0;
                for (int layer = 0; layer < arch.layers(); layer++) {
                    for (int i = arch.weightOffset(layer); i < arch.biasOffset(layer); i++) {
                        squares += theta[i] * theta[i];
                    }
                }
                l += 0.5 * settings.l2() * squares;
            }
            losses[s] = l;
            engine.backward(dz, rows, gradient);
            for (int layer = 0; layer < arch.layers(); layer++) {
                double sq = 0;
                for (int i = arch.weightOffset(layer); i < arch.biasOffset(layer) + arch.fanOut(layer); i++) {
                    float gv = gradient[i];
                    if (l2 > 0 && i < arch.biasOffset(layer)) {
                        gv += l2 * theta[i];
                        gradient[i] = gv;
                    }
                    sq += gv * gv;
                }
                normSums[layer] += Math.sqrt(sq);
            }
            optimiser.update(theta, gradient, learningRate);
            engine.setParameters(theta);
        }
        return new EpochTotals(losses, correct, counts, normSums);
    }

    @Override
    public float[] parameters() {
        return theta.clone();
    }

    @Override
    public void saveParameters() {
        saved = theta.clone();
    }

    @Override
    public void restoreParameters() {
        setParameters(saved);
    }
}
