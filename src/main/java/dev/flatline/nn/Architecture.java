package dev.flatline.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Layer sizes, activations and where each layer's parameters sit in the flat parameter vector
 * ({@code [W1, b1, W2, b2, ...]}, each {@code W} row-major {@code fanIn x fanOut}).
 */
final class Architecture implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code [inputs, hidden..., classes]}. */
    final int[] sizes;
    final HiddenActivation hidden;
    final OutputActivation output;
    private final int[] weightOffsets;
    private final int parameterCount;

    Architecture(int[] sizes, HiddenActivation hidden, OutputActivation output) {
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.weightOffsets = new int[sizes.length - 1];
        int offset = 0;
        for (int l = 0; l < layers(); l++) {
            weightOffsets[l] = offset;
            offset += sizes[l] * sizes[l + 1] + sizes[l + 1];
        }
        this.parameterCount = offset;
    }

    /** Number of weight layers (hidden layers + 1). */
    int layers() { return sizes.length - 1; }
    int inputs() { return sizes[0]; }
    int classes() { return sizes[sizes.length - 1]; }
    int fanIn(int layer) { return sizes[layer]; }
    int fanOut(int layer) { return sizes[layer + 1]; }
    int weightOffset(int layer) { return weightOffsets[layer]; }
    int biasOffset(int layer) { return weightOffsets[layer] + sizes[layer] * sizes[layer + 1]; }
    int parameterCount() { return parameterCount; }

    /** Multiply-adds of one forward pass for one example, times two (FLOPs). */
    long forwardFlopsPerExample() {
        long f = 0;
        for (int l = 0; l < layers(); l++) {
            f += 2L * sizes[l] * sizes[l + 1];
        }
        return f;
    }

    /**
     * Matrix-product FLOPs of one training step per example: the forward product, the weight gradient,
     * and the input gradient for every layer but the first.
     */
    long trainingFlopsPerExample() {
        long f = 0;
        for (int l = 0; l < layers(); l++) {
            long mac = 2L * sizes[l] * sizes[l + 1];
            f += l == 0 ? 2 * mac : 3 * mac;
        }
        return f;
    }

    @Override
    public String toString() {
        return Arrays.toString(sizes) + " " + hidden + " -> " + output;
    }
}
