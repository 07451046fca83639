package dev.flatline.nn;

/**
 * Where a network's matrix products and hidden activations run: the forward pass up to the logits and
 * the backward pass from the logits' gradient to the parameters' gradient. That is all an engine does;
 * the output activation, the loss and its gradient, L2, dropout masks and the optimiser's update are
 * computed once, on the host, by the trainer ({@code TrainingStep}), so every engine trains the same
 * network the same way and differs only in how (and where) it executes.
 *
 * <p>Implementations: {@code BlasEngine} (the CPU fast path) and {@code Nd4jOpEngine} (ND4J's op API,
 * any ND4J backend). To add one (say on a GPU through JavaCPP's CUDA presets), implement this interface,
 * hand a {@link Factory} to {@link MlpTrainer.Builder#engine(Factory)}, and run the engine-agreement
 * test against it; see the package documentation.
 *
 * <p>Public because engines for other hardware belong in other modules (a CUDA engine would bring
 * native libraries that the core must not depend on), and those need to implement it.
 *
 * <p>Conventions: all arrays are row-major; a call for a batch of {@code rows} rows uses the first
 * {@code rows} rows of each buffer; {@code rows} never exceeds {@link #maxRows()}. Calls come from one
 * thread; {@link #backward} always follows a training {@link #forward} of the same rows.
 */
public interface Engine {

    /** Makes engines; {@code batchSize} is the training minibatch size (predictions use any rows up to {@link #maxRows()}). */
    @FunctionalInterface
    interface Factory {
        /** An engine for this network, ready for {@link Engine#setParameters}. */
        Engine create(Architecture architecture, int batchSize);
    }

    /** The most rows one call may take (at least the batch size given to the factory). */
    int maxRows();

    /** Replaces the flat parameter vector (layout: {@link Architecture}); called before the first pass and after every step. */
    void setParameters(float[] parameters);

    /**
     * The logits of rows {@code firstRow .. firstRow + rows - 1} of {@code x}.
     *
     * @param x            features, {@code inputs} per row
     * @param dropoutMasks null outside training or without dropout; otherwise, for each hidden layer
     *                     {@code l} (1 .. layers - 1), {@code rows x size(l)} factors (0 for a dropped unit,
     *                     {@code 1 / (1 - p)} for a kept one) to multiply that layer's activations by
     *                     (entry 0 is unused); the derivative in {@link #backward} is taken at the
     *                     activation before the mask, then multiplied by it
     * @param logits       receives the logits of row {@code firstRow + i} at {@code (firstRow + i) * classes}
     * @param everActive   null, or per hidden layer and unit: set to true when the unit's (pre-dropout)
     *                     output is non-zero for any of these rows
     */
    void forward(float[] x, int firstRow, int rows, float[][] dropoutMasks, float[] logits, boolean[][] everActive);

    /**
     * The gradient of the loss with respect to every parameter, from its gradient with respect to the
     * logits of the last training {@link #forward} (rows from 0).
     *
     * @param logitGradient {@code rows x classes}
     * @param gradient      receives the gradient in the flat parameter layout
     */
    void backward(float[] logitGradient, int rows, float[] gradient);
}
