package dev.flatline.nn;

/**
 * The hidden activations of {@link HiddenActivation} and the updates of {@link OptimiserState} as CUDA C, for engines that generate
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

    /**
     * One element's update by {@link OptimiserState}'s rule, as CUDA C assignments run in order. Inputs:
     * {@code theta}, {@code g} (the gradient, L2 included), {@code m1}, {@code m2} (the moments) and the
     * step's constants of {@link #optimiserConstants}; the statements leave the new {@code theta}, {@code m1},
     * {@code m2}. Temporaries {@code m} and {@code v} are declared by the kernel.
     */
    static String[] optimiserUpdate(OptimiserKind kind) {
        switch (kind) {
            case SGD:
                return new String[] {"theta = theta - lr * g"};
            case MOMENTUM:
                return new String[] {"v = mu * m1 + g", "m1 = v", "theta = theta - lr * v"};
            case NESTEROV:
                return new String[] {"v = mu * m1 + g", "m1 = v", "theta = theta - lr * (g + mu * v)"};
            case ADAM:
            case ADAMW:
                return new String[] {"m = b1 * m1 + (1.0f - b1) * g", "v = b2 * m2 + (1.0f - b2) * g * g", "m1 = m",
                    "m2 = v", "theta = theta * decay - lr * (m / bc1) / (sqrtf(v / bc2) + eps)"};
            default:
                throw new IllegalArgumentException("no kernel formula for " + kind);
        }
    }

    /**
     * The constants of step number {@code step} (from 1) of {@link #optimiserUpdate}, rounded to float as
     * {@link OptimiserState} rounds them: {@code lr mu b1 b2 bc1 bc2 eps decay}.
     */
    static float[] optimiserConstants(Optimiser o, long step, double learningRate) {
        float decay = o.kind() == OptimiserKind.ADAMW ? (float) (1 - learningRate * o.weightDecay()) : 1f;
        return new float[] {(float) learningRate, (float) o.momentum(), (float) o.beta1(), (float) o.beta2(),
            (float) (1 - Math.pow(o.beta1(), step)), (float) (1 - Math.pow(o.beta2(), step)), (float) o.epsilon(), decay};
    }

    /** The names of {@link #optimiserConstants}, in order. */
    static final String[] OPTIMISER_CONSTANTS = {"lr", "mu", "b1", "b2", "bc1", "bc2", "eps", "decay"};

    /** A float constant as a C literal that reads back as the same float. */
    static String literal(float v) {
        return Float.toString(v) + "f";
    }
}
