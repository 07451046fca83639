package dev.flatline.nn;

import java.util.SplittableRandom;

/**
 * The arithmetic of a network: one minibatch step and forward passes. Two implementations compute
 * the same thing: {@link Nd4jOpEngine} through ND4J's op API (the reference, and what runs on other
 * ND4J backends) and {@link BlasEngine} (preallocated off-heap buffers, matrix products sent straight
 * to OpenBLAS, element-wise work in Java loops), which the trainer uses on the CPU backend.
 */
interface Engine {

    /**
     * Trains on one minibatch.
     *
     * @param x          {@code rows x inputs} features, row-major
     * @param y          class indices
     * @param w          per-example weights
     * @param rows       number of rows in this batch
     * @param dropoutRng source of dropout masks (drawn layer by layer, row by row, unit by unit)
     * @param predicted  receives every row's predicted class (the argmax of its output)
     * @return the batch's weighted mean loss (including the L2 term), NaN or infinite on divergence
     */
    double trainBatch(float[] x, int[] y, float[] w, int rows, SplittableRandom dropoutRng, int[] predicted);

    /**
     * The outputs for {@code rows} rows (no dropout, no logit shift).
     *
     * @param everActive per hidden layer and unit, set to true when the unit's output is non-zero for
     *                   any row; may be null
     */
    float[] forward(float[] x, int rows, boolean[][] everActive);

    /** Per weight layer, the norm of the last step's gradient (weights and biases). */
    double[] gradientNorms();

    /** A copy of the flat parameter vector. */
    float[] parameters();

    /** Replaces the flat parameter vector (optimiser state is kept). */
    void setParameters(float[] parameters);

    /** Changes the learning rate from the next step on (used by the learning-rate range test). */
    void setLearningRate(double learningRate);
}
