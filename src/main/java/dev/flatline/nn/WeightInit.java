package dev.flatline.nn;

/**
 * How weights are drawn before training (biases start at zero, or at log class priors for the output
 * layer when asked). {@link #CONSTANT} and {@link #ZERO} exist to show recipe R14: identical weights
 * give identical units, which stay identical for the whole of training.
 */
public enum WeightInit {
    /** He for ReLU-like hidden activations, Xavier otherwise (and Xavier for the output layer). */
    AUTO,
    /** Glorot/Xavier uniform: {@code U(-a, a)}, {@code a = sqrt(6 / (fanIn + fanOut))}. */
    XAVIER,
    /** He/Kaiming normal: {@code N(0, 2 / fanIn)}. */
    HE,
    /** Every weight equal to the trainer's constant (R14). */
    CONSTANT,
    /** Every weight zero (R14). */
    ZERO
}
