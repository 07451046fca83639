package dev.flatline.nn;

/**
 * What the trainer minimises. Every loss is averaged over a minibatch with per-example weights
 * (class weights times Tribuo example weights): {@code sum(w_i L_i) / sum(w_i)}, PyTorch's convention.
 */
public enum LossFunction {
    /** {@code -log p_y}: categorical cross-entropy, the default. */
    CROSS_ENTROPY,
    /** {@code sum_k (p_k - y_k)^2} against the one-hot target. */
    MEAN_SQUARED_ERROR,
    /**
     * Focal loss {@code -(1 - p_y)^gamma log p_y} (Lin et al. 2017, R6): easy, confident examples count
     * less. Its alpha term is the class weight of the true class. Needs a softmax output.
     */
    FOCAL,
    /**
     * Logit-adjusted cross-entropy (Menon et al. 2021, B5): trains on {@code z + tau log prior}, predicts
     * with {@code z}, which targets balanced error. Needs a softmax output.
     */
    LOGIT_ADJUSTED;

    /** Whether this loss is defined only on top of a softmax output. */
    boolean needsSoftmax() {
        return this == FOCAL || this == LOGIT_ADJUSTED;
    }
}
