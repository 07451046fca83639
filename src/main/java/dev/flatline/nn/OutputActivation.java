package dev.flatline.nn;

/**
 * The function that turns the last layer's values into the network's outputs.
 *
 * <p>{@link #SOFTMAX} with cross-entropy is the right pairing for single-label classification. The
 * others exist so notebooks can show recipe R10: a linear or ReLU output fed to cross-entropy takes the
 * logarithm of non-positive numbers (NaN, R12), and per-class sigmoids with categorical cross-entropy
 * push every output towards 1 so the ranking between classes stops meaning anything.
 */
public enum OutputActivation {
    /** Normalised exponentials: outputs are positive and sum to one. */
    SOFTMAX,
    /** Independent logistic sigmoid per class: outputs in (0, 1) that need not sum to one. */
    SIGMOID,
    /** Raw scores. */
    LINEAR,
    /** {@code max(0, z)} per class. */
    RELU
}
