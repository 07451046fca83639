package dev.flatline.nn;

/**
 * The output activation and the loss with its gradient: the one definition of each, in plain Java
 * loops over {@code rows x classes} arrays. Every engine hands its logits to this class and takes the
 * gradient back ({@link TrainingStep}); the output layer is small, so this costs little even where
 * the engine's memory is elsewhere (a GPU), and no engine can compute a different loss.
 *
 * <p>Softmax with cross-entropy, focal or logit-adjusted loss uses the fused gradient with respect to
 * the logits; every other pairing goes through {@code dL/dp} and the activation's derivative, so a wrong
 * pairing fails the way it does in any framework (R10, R12).
 */
final class OutputLoss {
    private final OutputActivation activation;
    private final LossFunction loss;
    private final float gamma;
    private final float[] shift;
    private final int classes;
    /** log-softmax of the last {@link #activate} call, so cross-entropy stays finite when p underflows. */
    private float[] logProb = new float[0];

    OutputLoss(OutputActivation activation, StepSettings settings, int classes) {
        this.activation = activation;
        this.loss = settings.loss();
        this.gamma = (float) settings.focalGamma();
        this.shift = settings.logitShift();
        this.classes = classes;
    }

    /** For predictions only: the output activation, no logit shift. */
    static OutputLoss forInference(OutputActivation activation, int classes) {
        return new OutputLoss(activation, StepSettings.forInference(), classes);
    }

    /** Turns logits into outputs in place; in training the logit-adjusted loss first adds its shift. */
    void activate(float[] z, int rows, boolean training) {
        int k = classes;
        for (int i = 0; i < rows; i++) {
            int o = i * k;
            if (training && shift != null) {
                for (int j = 0; j < k; j++) {
                    z[o + j] = z[o + j] + shift[j];
                }
            }
            switch (activation) {
                case SOFTMAX: {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < k; j++) {
                        max = Math.max(max, z[o + j]);
                    }
                    if (logProb.length < rows * k) {
                        logProb = new float[rows * k];
                    }
                    float sum = 0f;
                    for (int j = 0; j < k; j++) {
                        float shifted = z[o + j] - max;
                        logProb[o + j] = shifted;
                        float e = (float) Math.exp(shifted);
                        z[o + j] = e;
                        sum += e;
                    }
                    float inv = 1f / sum;
                    float logSum = (float) Math.log(sum);
                    for (int j = 0; j < k; j++) {
                        z[o + j] = z[o + j] * inv;
                        logProb[o + j] -= logSum;
                    }
                    break;
                }
                case SIGMOID:
                    for (int j = 0; j < k; j++) {
                        z[o + j] = (float) (1.0 / (1.0 + Math.exp(-z[o + j])));
                    }
                    break;
                case RELU:
                    for (int j = 0; j < k; j++) {
                        z[o + j] = Math.max(0f, z[o + j]);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /**
     * The weighted mean loss of {@code rows} outputs, and (when {@code dz} is not null) its gradient with
     * respect to the logits, already divided by the weight sum. With {@code afterActivate} the
     * log-probabilities of the preceding {@link #activate} call are used (softmax); otherwise
     * probabilities are floored at the smallest normal float before the logarithm.
     */
    double lossAndGradient(float[] p, int rows, int[] y, float[] w, float[] dz, boolean afterActivate) {
        int k = classes;
        double weightSum = 0;
        for (int i = 0; i < rows; i++) {
            weightSum += w[i];
        }
        float scale = (float) (1.0 / weightSum);
        double total = 0;
        boolean fused = activation == OutputActivation.SOFTMAX && loss != LossFunction.MEAN_SQUARED_ERROR;
        for (int i = 0; i < rows; i++) {
            int o = i * k;
            int t = y[i];
            float pt = p[o + t];
            double logPt = activation != OutputActivation.SOFTMAX ? Math.log(pt)
                    : afterActivate ? logProb[o + t] : Math.log(Math.max(pt, Float.MIN_NORMAL));
            float wi = w[i] * scale;
            double li;
            if (loss == LossFunction.MEAN_SQUARED_ERROR) {
                li = 0;
                for (int j = 0; j < k; j++) {
                    float d = p[o + j] - (j == t ? 1f : 0f);
                    li += d * d;
                }
            } else if (loss == LossFunction.FOCAL) {
                float q = 1f - pt;
                li = -Math.pow(q, gamma) * logPt;
            } else {
                li = -logPt;
            }
            total += w[i] * li;
            if (dz == null) {
                continue;
            }
            if (fused) {
                float g = -1f;
                if (loss == LossFunction.FOCAL) {
                    float q = 1f - pt;
                    float qPow = (float) Math.pow(q, gamma);
                    // q^(gamma-1) is infinite at q = 0 when gamma < 1, but the term it is in tends to 0
                    // (log p_t ~ -q), so it is taken as 0 there instead of infinity times zero (NaN).
                    float qPowM1 = q > 0f ? (float) Math.pow(q, gamma - 1f) : 0f;
                    g = gamma * qPowM1 * pt * (float) logPt - qPow;
                }
                // d/dz_j of the loss = g * (delta_tj - p_j); for cross-entropy g = -1 gives p - y.
                for (int j = 0; j < k; j++) {
                    dz[o + j] = wi * g * ((j == t ? 1f : 0f) - p[o + j]);
                }
            } else {
                chainThroughActivation(p, o, t, pt, wi, dz);
            }
        }
        return total / weightSum;
    }

    private void chainThroughActivation(float[] p, int o, int t, float pt, float wi, float[] dz) {
        int k = classes;
        // dL/dp first, into dz.
        for (int j = 0; j < k; j++) {
            float dp;
            if (loss == LossFunction.MEAN_SQUARED_ERROR) {
                dp = 2f * (p[o + j] - (j == t ? 1f : 0f));
            } else {
                dp = j == t ? -1f / pt : 0f;
            }
            dz[o + j] = dp * wi;
        }
        switch (activation) {
            case SOFTMAX: {
                float dot = 0f;
                for (int j = 0; j < k; j++) {
                    dot += dz[o + j] * p[o + j];
                }
                for (int j = 0; j < k; j++) {
                    dz[o + j] = p[o + j] * (dz[o + j] - dot);
                }
                break;
            }
            case SIGMOID:
                for (int j = 0; j < k; j++) {
                    float pj = p[o + j];
                    dz[o + j] = dz[o + j] * pj * (1f - pj);
                }
                break;
            case RELU:
                for (int j = 0; j < k; j++) {
                    if (p[o + j] <= 0f) {
                        dz[o + j] = 0f;
                    }
                }
                break;
            default:
                break;
        }
    }

    /** Outputs after the logit-adjusted loss's shift, from unshifted softmax outputs (for validation). */
    float[] shifted(float[] probabilities, int rows) {
        if (shift == null) {
            return probabilities;
        }
        float[] out = new float[rows * classes];
        for (int i = 0; i < rows; i++) {
            double sum = 0;
            for (int j = 0; j < classes; j++) {
                double v = probabilities[i * classes + j] * Math.exp(shift[j]);
                out[i * classes + j] = (float) v;
                sum += v;
            }
            for (int j = 0; j < classes; j++) {
                out[i * classes + j] /= (float) sum;
            }
        }
        return out;
    }
}
