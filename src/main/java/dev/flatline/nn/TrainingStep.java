package dev.flatline.nn;

import java.util.SplittableRandom;

/**
 * One minibatch step, the same for every {@link Engine}: dropout masks, the engine's forward pass,
 * the output activation and loss with its gradient ({@link OutputLoss}), the engine's backward pass,
 * the L2 penalty, per-layer gradient norms and the optimiser's update ({@link OptimiserState}). The
 * parameters live here, on the host; the engine gets a copy after every step.
 */
final class TrainingStep {
    private final Architecture arch;
    private final StepSettings settings;
    private final Engine engine;
    private final OutputLoss outputLoss;
    private final OptimiserState optimiser;
    private final float[] theta;
    private final float[] gradient;
    private final float[] logits;
    private final float[] logitGradient;
    /** Per hidden layer, the dropout factors of the current batch; null without dropout. */
    private final float[][] masks;
    private final double[] gradNorms;
    private double learningRate;

    TrainingStep(Architecture arch, StepSettings settings, Engine engine, float[] initialParameters, int batchSize) {
        this.arch = arch;
        this.settings = settings;
        this.engine = engine;
        this.outputLoss = new OutputLoss(arch.outputActivation(), settings, arch.classes());
        this.optimiser = new OptimiserState(settings.optimiser(), arch.parameterCount());
        this.learningRate = settings.optimiser().learningRate();
        this.theta = initialParameters.clone();
        this.gradient = new float[arch.parameterCount()];
        this.logits = new float[batchSize * arch.classes()];
        this.logitGradient = new float[batchSize * arch.classes()];
        this.gradNorms = new double[arch.layers()];
        if (settings.dropout() > 0) {
            masks = new float[arch.layers()][];
            for (int l = 1; l < arch.layers(); l++) {
                masks[l] = new float[batchSize * arch.size(l)];
            }
        } else {
            masks = null;
        }
        engine.setParameters(theta);
    }

    /**
     * Trains on the first {@code rows} rows of a minibatch.
     *
     * @param dropoutRng source of dropout masks (drawn layer by layer, row by row, unit by unit)
     * @param predicted  receives every row's predicted class (the argmax of its training output)
     * @return the batch's weighted mean loss (including the L2 term), NaN or infinite on divergence
     */
    double train(float[] x, int[] y, float[] w, int rows, SplittableRandom dropoutRng, int[] predicted) {
        if (masks != null) {
            for (int l = 1; l < arch.layers(); l++) {
                Initialiser.fillDropoutMask(dropoutRng, masks[l], rows * arch.size(l), settings.dropout());
            }
        }
        engine.forward(x, 0, rows, masks, logits, null);
        outputLoss.activate(logits, rows, true);
        int k = arch.classes();
        for (int i = 0; i < rows; i++) {
            predicted[i] = argmax(logits, i * k, k);
        }
        double loss = outputLoss.lossAndGradient(logits, rows, y, w, logitGradient, true);
        if (settings.l2() > 0) {
            loss += 0.5 * settings.l2() * weightSquares();
        }
        engine.backward(logitGradient, rows, gradient);
        addL2AndMeasure();
        optimiser.update(theta, gradient, learningRate);
        engine.setParameters(theta);
        return loss;
    }

    /** {@code sum W^2} over every weight (not bias). */
    private double weightSquares() {
        double s = 0;
        for (int l = 0; l < arch.layers(); l++) {
            for (int i = arch.weightOffset(l); i < arch.biasOffset(l); i++) {
                float v = theta[i];
                s += v * v;
            }
        }
        return s;
    }

    /** The L2 term's gradient {@code l2 W} added to the weights' gradient, then each layer's gradient norm. */
    private void addL2AndMeasure() {
        float l2 = (float) settings.l2();
        for (int l = 0; l < arch.layers(); l++) {
            int bOff = arch.biasOffset(l);
            int end = bOff + arch.fanOut(l);
            double sq = 0;
            for (int i = arch.weightOffset(l); i < end; i++) {
                float gv = gradient[i];
                if (l2 > 0 && i < bOff) {
                    gv += l2 * theta[i];
                    gradient[i] = gv;
                }
                sq += gv * gv;
            }
            gradNorms[l] = Math.sqrt(sq);
        }
    }

    static int argmax(float[] b, int offset, int k) {
        int best = 0;
        float bestV = b[offset];
        for (int j = 1; j < k; j++) {
            float v = b[offset + j];
            if (v > bestV) {
                bestV = v;
                best = j;
            }
        }
        return best;
    }

    /** Per weight layer, the norm of the last step's gradient (weights and biases, L2 included). */
    double[] gradientNorms() {
        return gradNorms;
    }

    /** A copy of the flat parameter vector. */
    float[] parameters() {
        return theta.clone();
    }

    /** Replaces the parameters (optimiser state is kept). */
    void setParameters(float[] parameters) {
        System.arraycopy(parameters, 0, theta, 0, theta.length);
        engine.setParameters(theta);
    }

    /** Changes the learning rate from the next step on (the learning-rate range test). */
    void setLearningRate(double rate) {
        this.learningRate = rate;
    }

    double learningRate() {
        return learningRate;
    }
}
