package dev.flatline.nn;

/**
 * The non-linearity applied after every hidden layer.
 *
 * <p>ReLU is the default; {@link #LINEAR} makes a deep network collapse into one linear map (useful to
 * show that depth alone adds nothing), and ReLU units can "die" (R16), which the training history counts.
 */
public enum HiddenActivation {
    /** {@code max(0, z)}. */
    RELU,
    /** {@code z} for positive inputs, {@code 0.01 z} otherwise: no unit can die completely. */
    LEAKY_RELU,
    /** Hyperbolic tangent. */
    TANH,
    /** Logistic sigmoid; saturates, so deep sigmoid stacks show vanishing gradients (R17). */
    SIGMOID,
    /** The identity. */
    LINEAR;

    /** Slope of {@link #LEAKY_RELU} for negative inputs. */
    public static final float LEAKY_SLOPE = 0.01f;

    /** The activation of one pre-activation value. */
    float apply(float z) {
        switch (this) {
            case RELU: return z > 0f ? z : 0f;
            case LEAKY_RELU: return z > 0f ? z : LEAKY_SLOPE * z;
            case TANH: return (float) Math.tanh(z);
            case SIGMOID: return (float) (1.0 / (1.0 + Math.exp(-z)));
            default: return z;
        }
    }

    /**
     * The derivative, expressed through the activation's output {@code h} (all five are expressible so,
     * which saves keeping the pre-activations).
     */
    float derivativeFromOutput(float h) {
        switch (this) {
            case RELU: return h > 0f ? 1f : 0f;
            case LEAKY_RELU: return h > 0f ? 1f : LEAKY_SLOPE;
            case TANH: return 1f - h * h;
            case SIGMOID: return h * (1f - h);
            default: return 1f;
        }
    }
}
