package dev.flatline.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Layer sizes, activations and where each layer's parameters sit in the flat parameter vector
 * ({@code [W1, b1, W2, b2, ...]}, each {@code W} row-major {@code fanIn x fanOut}, each {@code b}
 * right after its {@code W}): what an {@link Engine} needs to know about the network it runs.
 * Weight layer {@code l} maps layer {@code l}'s values (layer 0 is the input) to layer {@code l + 1}'s.
 */
public final class Architecture implements Serializable {
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
    public int layers() { return sizes.length - 1; }
    /** Number of input features. */
    public int inputs() { return sizes[0]; }
    /** Number of classes (outputs). */
    public int classes() { return sizes[sizes.length - 1]; }
    /** Width of layer {@code layer}: 0 is the input, {@link #layers()} the output. */
    public int size(int layer) { return sizes[layer]; }
    /** Inputs of weight layer {@code layer}. */
    public int fanIn(int layer) { return sizes[layer]; }
    /** Outputs of weight layer {@code layer}. */
    public int fanOut(int layer) { return sizes[layer + 1]; }
    /** Where weight layer {@code layer}'s {@code W} starts in the flat parameter vector. */
    public int weightOffset(int layer) { return weightOffsets[layer]; }
    /** Where weight layer {@code layer}'s bias starts (right after its {@code W}). */
    public int biasOffset(int layer) { return weightOffsets[layer] + sizes[layer] * sizes[layer + 1]; }
    /** Length of the flat parameter vector. */
    public int parameterCount() { return parameterCount; }
    /** The activation after every hidden layer. */
    public HiddenActivation hiddenActivation() { return hidden; }
    /** The activation of the output layer (applied by the trainer, not by engines). */
    public OutputActivation outputActivation() { return output; }

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
