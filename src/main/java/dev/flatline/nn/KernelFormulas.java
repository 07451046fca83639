package dev.flatline.nn;

/**
 * The hidden activations of {@link HiddenActivation} as CUDA C expressions, for engines that generate
 * GPU kernels from them (the optional CUDA engine compiles them with NVRTC). They are a third form of
 * the same definitions, beside the Java loops and the ND4J ops, and {@code KernelFormulasTest} holds each
 * expression to its Java loop by evaluating the very strings returned here over a range of inputs, so
 * the kernels cannot drift from the CPU engines without a failing test.
 *
 * <p>The expressions use only {@code float} literals, {@code + - * /}, comparisons, {@code ?:} and the
 * CUDA math functions {@code expf}, {@code tanhf}, {@code fmaxf}; each keeps the grouping of its Java
 * twin so rounding follows the same order.
 */
final class KernelFormulas {
    private KernelFormulas() {
    }

    /** {@code f(z)}: the activation of the pre-activation {@code z}. */
    static String activation(HiddenActivation a) {
        switch (a) {
            case RELU:
                return "fmaxf(0.0f, z)";
            case LEAKY_RELU:
                return "z > 0.0f ? z : " + literal(HiddenActivation.LEAKY_SLOPE) + " * z";
            case TANH:
                return "tanhf(z)";
            case SIGMOID:
                return "1.0f / (1.0f + expf(-z))";
            case LINEAR:
                return "z";
            default:
                throw new IllegalArgumentException("no kernel formula for " + a);
        }
    }

    /**
     * The back-propagated gradient {@code da f'(z)}, written with the activation's output {@code h = f(z)}
     * as {@link HiddenActivation#backprop(float[], float[], int)} is.
     */
    static String backprop(HiddenActivation a) {
        switch (a) {
            case RELU:
                return "h > 0.0f ? da : 0.0f";
            case LEAKY_RELU:
                return "da * (h > 0.0f ? 1.0f : " + literal(HiddenActivation.LEAKY_SLOPE) + ")";
            case TANH:
                return "da * (1.0f - h * h)";
            case SIGMOID:
                return "da * (h * (1.0f - h))";
            case LINEAR:
                return "da";
            default:
                throw new IllegalArgumentException("no kernel formula for " + a);
        }
    }

    /** A float constant as a C literal that reads back as the same float. */
    static String literal(float v) {
        return Float.toString(v) + "f";
    }
}
