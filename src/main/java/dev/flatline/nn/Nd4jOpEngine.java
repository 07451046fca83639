package dev.flatline.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference engine: matrix products and hidden activations through ND4J's op API, so it runs on
 * any ND4J backend (the {@code cuda} profile included). The trainer's engine-agreement test holds
 * {@link BlasEngine} to it.
 *
 * <p>Each ND4J op costs microseconds of Java-side dispatch whatever its size, so a pass issues few ops
 * and allocates nothing:
 * <ul>
 *   <li>Parameters and gradients are each one flat array in the trainer's layout
 *       {@code [W1, b1, W2, b2, ...]}; layers are views. Because {@code b} follows {@code W}, each
 *       layer's parameters form one {@code (fanIn + 1) x fanOut} matrix {@code [W; b]}.</li>
 *   <li>Activations carry a trailing column of ones, so one matrix product applies weights and bias,
 *       and one product {@code [A, 1]^T dZ} gives the weight and bias gradients together. Activations
 *       are column-major so that the columns before the ones column are one contiguous block the
 *       products can write into.</li>
 *   <li>All per-batch arrays are allocated once per batch size and reused; inputs, masks, logits and
 *       their gradient cross between host and device in bulk, once per pass.</li>
 * </ul>
 */
final class Nd4jOpEngine implements Engine {
    /** Batch sizes whose arrays are kept (the batch size, the last partial batch, evaluation sizes). */
    private static final int CACHED_SHAPES = 4;
    /** Forward passes for predictions take this many rows at a time at most. */
    private static final int MAX_ROWS = 8192;

    private final Architecture arch;
    private final int layers;
    private final int maxRows;
    private final INDArray params;
    private final INDArray grads;
    /** Per layer, {@code [W; b]} as a {@code (fanIn + 1) x fanOut} view of {@link #params}. */
    private final INDArray[] weightsAndBias;
    /** Per layer, {@code W} alone ({@code fanIn x fanOut}). */
    private final INDArray[] weights;
    /** Per layer, {@code [dW; db]} as a matrix view of {@link #grads}. */
    private final INDArray[] layerGrads;
    private final Map<Integer, Buffers> buffers = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Buffers> eldest) {
            return size() > CACHED_SHAPES;
        }
    };
    private boolean lastPassDropped;

    Nd4jOpEngine(Architecture arch, int batchSize) {
        this.arch = arch;
        this.layers = arch.layers();
        this.maxRows = Math.max(batchSize, MAX_ROWS);
        int n = arch.parameterCount();
        params = Nd4j.zeros(DataType.FLOAT, n);
        grads = Nd4j.zeros(DataType.FLOAT, n);
        weightsAndBias = new INDArray[layers];
        weights = new INDArray[layers];
        layerGrads = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = arch.fanIn(l);
            int out = arch.fanOut(l);
            long off = arch.weightOffset(l);
            weightsAndBias[l] = matrixView(params, off, in + 1, out);
            weights[l] = matrixView(params, off, in, out);
            layerGrads[l] = matrixView(grads, off, in + 1, out);
        }
    }

    /** A row-major matrix over {@code flat}'s memory from {@code offset}: writes go to {@code flat}. */
    private static INDArray matrixView(INDArray flat, long offset, long rows, long cols) {
        return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c');
    }

    /** The arrays one batch size needs, allocated on first use and reused. */
    private final class Buffers {
        final int rows;
        final float[] inputStage;
        /** Host copy of the input, row-major. */
        final INDArray input;
        /** Per layer input, column-major {@code rows x (size + 1)}, last column ones. */
        final INDArray[] actExt = new INDArray[layers];
        /** The first {@code size} columns of {@link #actExt}: one contiguous column-major block. */
        final INDArray[] act = new INDArray[layers];
        final INDArray logits;
        // Training only (null until the first training pass with this size).
        INDArray[] preDropout;
        INDArray[] mask;
        float[][] maskStage;
        INDArray[] delta;
        INDArray[] scratch;
        INDArray dz;
        float[] dzStage;

        Buffers(int rows) {
            this.rows = rows;
            inputStage = new float[rows * arch.inputs()];
            input = Nd4j.create(DataType.FLOAT, new long[] {rows, arch.inputs()}, 'c');
            for (int l = 0; l < layers; l++) {
                int size = arch.size(l);
                actExt[l] = Nd4j.create(DataType.FLOAT, new long[] {rows, size + 1}, 'f');
                actExt[l].getColumn(size).assign(1f);
                act[l] = Nd4j.create(actExt[l].data(), new long[] {rows, size}, new long[] {1, rows}, 0, 'f');
            }
            logits = Nd4j.create(DataType.FLOAT, new long[] {rows, arch.classes()}, 'c');
        }

        void prepareTraining() {
            if (delta != null) {
                return;
            }
            preDropout = new INDArray[layers];
            mask = new INDArray[layers];
            maskStage = new float[layers][];
            delta = new INDArray[layers];
            scratch = new INDArray[layers];
            for (int l = 1; l < layers; l++) {
                int size = arch.size(l);
                delta[l] = Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'f');
                scratch[l] = delta[l].like();
                preDropout[l] = delta[l].like();
                // Masks are drawn row by row on the host, so they are row-major.
                mask[l] = Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'c');
                maskStage[l] = new float[rows * size];
            }
            dz = logits.like();
            dzStage = new float[rows * arch.classes()];
        }
    }

    private Buffers buffersFor(int rows) {
        return buffers.computeIfAbsent(rows, Buffers::new);
    }

    @Override
    public int maxRows() {
        return maxRows;
    }

    @Override
    public void setParameters(float[] parameters) {
        params.data().setData(parameters);
    }

    @Override
    public void forward(float[] x, int firstRow, int rows, float[][] masks, float[] logits, boolean[][] everActive) {
        Buffers b = buffersFor(rows);
        boolean dropout = masks != null;
        if (dropout) {
            b.prepareTraining();
        }
        lastPassDropped = dropout;
        System.arraycopy(x, firstRow * arch.inputs(), b.inputStage, 0, rows * arch.inputs());
        b.input.data().setData(b.inputStage);
        // Row-major host data into the column-major activation (one copy op).
        b.act[0].assign(b.input);
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            INDArray out = last ? b.logits : dropout ? b.preDropout[l + 1] : b.act[l + 1];
            Nd4j.gemm(b.actExt[l], weightsAndBias[l], out, false, false, 1.0, 0.0);
            if (last) {
                break;
            }
            arch.hiddenActivation().apply(out);
            if (dropout) {
                float[] stage = b.maskStage[l + 1];
                System.arraycopy(masks[l + 1], 0, stage, 0, stage.length);
                b.mask[l + 1].data().setData(stage);
                out.mul(b.mask[l + 1], b.act[l + 1]);
            }
        }
        float[] host = b.logits.data().asFloat();
        System.arraycopy(host, 0, logits, firstRow * arch.classes(), rows * arch.classes());
        if (everActive != null) {
            for (int l = 1; l < layers; l++) {
                float[] active = (dropout ? b.preDropout[l] : b.act[l]).amax(0).toFloatVector();
                for (int j = 0; j < active.length; j++) {
                    everActive[l - 1][j] |= active[j] > 0;
                }
            }
        }
    }

    @Override
    public void backward(float[] logitGradient, int rows, float[] gradient) {
        Buffers b = buffersFor(rows);
        b.prepareTraining();
        System.arraycopy(logitGradient, 0, b.dzStage, 0, b.dzStage.length);
        b.dz.data().setData(b.dzStage);
        INDArray dz = b.dz;
        for (int l = layers - 1; l >= 0; l--) {
            // [dW; db] = [A, 1]^T dZ in one product, straight into the flat gradient.
            Nd4j.gemm(b.actExt[l], dz, layerGrads[l], true, false, 1.0, 0.0);
            if (l == 0) {
                break;
            }
            INDArray da = b.delta[l];
            Nd4j.gemm(dz, weights[l], da, false, true, 1.0, 0.0);
            // The derivative at the pre-dropout output; a dropped unit's mask zeroes it below.
            INDArray h = lastPassDropped ? b.preDropout[l] : b.act[l];
            arch.hiddenActivation().backprop(h, da, b.scratch[l]);
            if (lastPassDropped) {
                da.muli(b.mask[l]);
            }
            dz = da;
        }
        float[] host = grads.data().asFloat();
        System.arraycopy(host, 0, gradient, 0, arch.parameterCount());
    }
}
