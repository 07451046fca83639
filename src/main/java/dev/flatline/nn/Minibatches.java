package dev.flatline.nn;

import java.util.SplittableRandom;

/**
 * Minibatch buffers over a dense dataset, allocated once and refilled in a shuffled row order, so a
 * training step allocates nothing (shuffling an INDArray's rows was seconds per epoch; see DESIGN.md).
 */
final class Minibatches {
    final float[] x;
    final int[] y;
    final float[] w;
    /** Filled by the engine with each row's predicted class. */
    final int[] predicted;
    private final DenseData data;
    private final int[] order;
    private final SplittableRandom rng;

    Minibatches(DenseData data, int batchSize, SplittableRandom rng) {
        this.data = data;
        this.rng = rng;
        x = new float[batchSize * data.columns];
        y = new int[batchSize];
        w = new float[batchSize];
        predicted = new int[batchSize];
        order = new int[data.rows];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** A new random row order. */
    void shuffle() {
        DenseData.shuffle(order, order.length, rng);
    }

    /** The current row order (read-only use: an engine that trains a whole epoch takes it as it is). */
    int[] order() {
        return order;
    }

    /** Copies the rows at positions {@code start .. start + rows} of the current order into the buffers. */
    void fill(int start, int rows) {
        int d = data.columns;
        for (int r = 0; r < rows; r++) {
            int src = order[start + r];
            System.arraycopy(data.x, src * d, x, r * d, d);
            y[r] = data.y[src];
            w[r] = data.w[src];
        }
    }
}
