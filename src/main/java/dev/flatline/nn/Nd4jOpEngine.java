package dev.flatline.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastDivOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastSubOp;
import org.nd4j.linalg.api.ops.impl.indexaccum.custom.ArgMax;
import org.nd4j.linalg.api.ops.impl.reduce.same.Max;
import org.nd4j.linalg.api.ops.impl.reduce.same.Sum;
import org.nd4j.linalg.api.ops.impl.scalar.LeakyReLU;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.LeakyReLUBp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Exp;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Log;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference engine: every step written with ND4J's op API (matrix products, broadcasts,
 * transforms, the Adam updater op), so it runs on any ND4J backend (the {@code cuda} profile included).
 * {@link BlasEngine} is tested against it.
 *
 * <p>Each ND4J op costs microseconds of Java-side dispatch whatever its size, so the step is written
 * to issue few ops (about 22 per batch for the default network) and to allocate nothing:
 * <ul>
 *   <li>Parameters, gradients and optimiser moments are each one flat array (the trainer's layout,
 *       {@code [W1, b1, W2, b2, ...]}); layers are views. Because {@code b} follows {@code W}, each
 *       layer's parameters form one {@code (fanIn + 1) x fanOut} matrix {@code [W; b]}.</li>
 *   <li>Activations carry a trailing column of ones, so one matrix product applies weights and bias,
 *       and one product {@code [A, 1]^T dZ} gives the weight and bias gradients together (whose norm
 *       is then one op over a contiguous view). Activations are column-major so that the
 *       columns before the ones column are one contiguous block the products can write into.</li>
 *   <li>All per-batch arrays are allocated once per batch size and reused; inputs, one-hot targets,
 *       weights and dropout masks are built on the host and copied in bulk, once per batch.</li>
 *   <li>One updater step over the whole flat vector (ND4J's Adam op, or one or two axpy ops).</li>
 * </ul>
 */
final class Nd4jOpEngine implements Engine {
    /** Batch sizes whose arrays are kept (the batch size, the last partial batch, evaluation sizes). */
    private static final int CACHED_SHAPES = 4;

    private final Architecture arch;
    private final StepSettings settings;
    private final int layers;
    private final boolean dropout;
    /** Softmax with cross-entropy or the logit-adjusted loss: the fused, cheapest gradient. */
    private final boolean fusedCrossEntropy;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray moment1;
    private final INDArray moment2;
    /** Per layer, {@code [W; b]} as a {@code (fanIn + 1) x fanOut} view of {@link #params}. */
    private final INDArray[] weightsAndBias;
    /** Per layer, {@code W} alone ({@code fanIn x fanOut}). */
    private final INDArray[] weights;
    /** Per layer, the weights as a flat view (for L2). */
    private final INDArray[] weightsFlat;
    /** Per layer, {@code [dW; db]} as a matrix view of {@link #grads}. */
    private final INDArray[] layerGrads;
    /** Per layer, {@code [dW; db]} as a flat view (for the gradient norm). */
    private final INDArray[] layerGradsFlat;
    /** Per layer, {@code dW} as a flat view (for L2). */
    private final INDArray[] weightGradsFlat;
    private final double[] gradNorms;
    private final INDArray shift;
    private final Map<Integer, Buffers> buffers = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Buffers> eldest) {
            return size() > CACHED_SHAPES;
        }
    };
    private double learningRate;
    private long step;

    Nd4jOpEngine(Architecture arch, StepSettings settings, float[] initialParameters) {
        this.arch = arch;
        this.settings = settings;
        this.layers = arch.layers();
        this.learningRate = settings.optimiser().learningRate();
        this.dropout = settings.dropout() > 0;
        this.fusedCrossEntropy = arch.output == OutputActivation.SOFTMAX
                && (settings.loss() == LossFunction.CROSS_ENTROPY || settings.loss() == LossFunction.LOGIT_ADJUSTED);
        int n = arch.parameterCount();
        params = Nd4j.zeros(DataType.FLOAT, n);
        grads = Nd4j.zeros(DataType.FLOAT, n);
        moment1 = Nd4j.zeros(DataType.FLOAT, n);
        moment2 = Nd4j.zeros(DataType.FLOAT, n);
        weightsAndBias = new INDArray[layers];
        weights = new INDArray[layers];
        weightsFlat = new INDArray[layers];
        layerGrads = new INDArray[layers];
        layerGradsFlat = new INDArray[layers];
        weightGradsFlat = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            int in = arch.fanIn(l);
            int out = arch.fanOut(l);
            long off = arch.weightOffset(l);
            weightsAndBias[l] = matrixView(params, off, in + 1, out);
            weights[l] = matrixView(params, off, in, out);
            weightsFlat[l] = flatView(params, off, (long) in * out);
            layerGrads[l] = matrixView(grads, off, in + 1, out);
            layerGradsFlat[l] = flatView(grads, off, (long) (in + 1) * out);
            weightGradsFlat[l] = flatView(grads, off, (long) in * out);
        }
        gradNorms = new double[layers];
        shift = settings.logitShift() == null ? null
                : Nd4j.createFromArray(settings.logitShift()).reshape(1, arch.classes());
        setParameters(initialParameters);
    }

    /** A row-major matrix over {@code flat}'s memory from {@code offset}: writes go to {@code flat}. */
    private static INDArray matrixView(INDArray flat, long offset, long rows, long cols) {
        return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c');
    }

    private static INDArray flatView(INDArray flat, long offset, long length) {
        return Nd4j.create(flat.data(), new long[] {length}, new long[] {1}, offset, 'c');
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
        final INDArray prob;
        final INDArray argmax;
        // Training only (null until the first training step with this size).
        INDArray[] hidden;
        INDArray[] mask;
        float[][] maskStage;
        INDArray[] delta;
        INDArray[] derivative;
        INDArray logProb;
        INDArray dz;
        INDArray scaledTarget;
        INDArray oneHot;
        INDArray weight;
        INDArray scale;
        /** {@link #scale} as a plain vector, for the row-wise broadcast. */
        INDArray scaleVector;
        INDArray rowMax;
        INDArray rowSum;
        float[] scaledTargetStage;
        float[] oneHotStage;
        float[] weightStage;
        float[] scaleStage;

        Buffers(int rows) {
            this.rows = rows;
            int k = arch.classes();
            inputStage = new float[rows * arch.inputs()];
            input = Nd4j.create(DataType.FLOAT, new long[] {rows, arch.inputs()}, 'c');
            for (int l = 0; l < layers; l++) {
                int size = arch.sizes[l];
                actExt[l] = Nd4j.create(DataType.FLOAT, new long[] {rows, size + 1}, 'f');
                actExt[l].getColumn(size).assign(1f);
                act[l] = Nd4j.create(actExt[l].data(), new long[] {rows, size}, new long[] {1, rows}, 0, 'f');
            }
            logits = Nd4j.create(DataType.FLOAT, new long[] {rows, k}, 'c');
            prob = arch.output == OutputActivation.SOFTMAX ? logits.like() : logits;
            argmax = Nd4j.create(DataType.LONG, rows);
        }

        void prepareTraining() {
            if (delta != null) {
                return;
            }
            int k = arch.classes();
            hidden = new INDArray[layers];
            mask = new INDArray[layers];
            maskStage = new float[layers][];
            delta = new INDArray[layers];
            derivative = new INDArray[layers];
            for (int l = 1; l < layers; l++) {
                int size = arch.sizes[l];
                delta[l] = Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'f');
                if (arch.hidden != HiddenActivation.LINEAR && arch.hidden != HiddenActivation.LEAKY_RELU) {
                    derivative[l] = delta[l].like();
                }
                if (dropout) {
                    hidden[l] = delta[l].like();
                    // Masks are drawn row by row on the host, so they are row-major.
                    mask[l] = Nd4j.create(DataType.FLOAT, new long[] {rows, size}, 'c');
                    maskStage[l] = new float[rows * size];
                }
            }
            logProb = fusedCrossEntropy || arch.output == OutputActivation.SOFTMAX ? logits.like() : null;
            dz = logits.like();
            scaledTarget = logits.like();
            oneHot = logits.like();
            weight = Nd4j.create(DataType.FLOAT, new long[] {rows, 1}, 'c');
            scale = Nd4j.create(DataType.FLOAT, new long[] {rows, 1}, 'c');
            scaleVector = scale.reshape(rows);
            rowMax = Nd4j.create(DataType.FLOAT, rows);
            rowSum = Nd4j.create(DataType.FLOAT, rows);
            scaledTargetStage = new float[rows * k];
            oneHotStage = new float[rows * k];
            weightStage = new float[rows];
            scaleStage = new float[rows];
        }
    }

    private Buffers buffersFor(int rows) {
        return buffers.computeIfAbsent(rows, Buffers::new);
    }

    @Override
    public double trainBatch(float[] x, int[] y, float[] w, int rows, SplittableRandom dropoutRng, int[] predicted) {
        Buffers b = buffersFor(rows);
        b.prepareTraining();
        int k = arch.classes();
        forward(b, x, true, dropoutRng);
        Nd4j.exec(new ArgMax(new INDArray[] {b.prob}, new INDArray[] {b.argmax}, false, 1));
        long[] arg = b.argmax.toLongVector();
        for (int i = 0; i < rows; i++) {
            predicted[i] = (int) arg[i];
        }
        // Targets and weights are built on the host (where the batch is) and copied over once.
        double weightSum = 0;
        for (int i = 0; i < rows; i++) {
            weightSum += w[i];
        }
        float invSum = (float) (1.0 / weightSum);
        boolean uniform = true;
        Arrays.fill(b.scaledTargetStage, 0f);
        Arrays.fill(b.oneHotStage, 0f);
        for (int i = 0; i < rows; i++) {
            float s = w[i] * invSum;
            b.scaleStage[i] = s;
            b.weightStage[i] = w[i];
            b.scaledTargetStage[i * k + y[i]] = s;
            b.oneHotStage[i * k + y[i]] = 1f;
            uniform &= w[i] == w[0];
        }
        double loss;
        INDArray dz;
        if (fusedCrossEntropy) {
            b.scaledTarget.data().setData(b.scaledTargetStage);
            // loss = sum_i s_i (-log p_i,y_i); dz = s_i (p - onehot) = s_i p - scaledTarget.
            // dz serves as scratch for the product before it receives the gradient.
            loss = -b.logProb.mul(b.scaledTarget, b.dz).sumNumber().doubleValue();
            if (uniform) {
                b.prob.mul(b.scaleStage[0], b.dz);
            } else {
                b.scale.data().setData(b.scaleStage);
                Nd4j.exec(new BroadcastMulOp(b.prob, b.scaleVector, b.dz, 0));
            }
            dz = b.dz.subi(b.scaledTarget);
        } else {
            b.oneHot.data().setData(b.oneHotStage);
            b.weight.data().setData(b.weightStage);
            b.scale.data().setData(b.scaleStage);
            double[] lossOut = new double[1];
            dz = generalLossAndGradient(b, weightSum, lossOut);
            loss = lossOut[0];
        }
        if (settings.l2() > 0) {
            double sq = 0;
            for (INDArray wl : weightsFlat) {
                double norm = wl.norm2Number().doubleValue();
                sq += norm * norm;
            }
            loss += 0.5 * settings.l2() * sq;
        }
        backward(b, dz);
        update();
        return loss;
    }

    /**
     * Every pairing other than softmax with cross-entropy: focal loss and the deliberately wrong
     * pairings (R10), written with allocating ops since they are teaching cases, not the hot path.
     */
    private INDArray generalLossAndGradient(Buffers b, double weightSum, double[] lossOut) {
        int rows = b.rows;
        INDArray p = b.prob;
        INDArray target = b.oneHot;
        INDArray scaled = b.scale;
        INDArray pt = p.mul(target).sum(1).reshape(rows, 1);
        boolean softmax = arch.output == OutputActivation.SOFTMAX;
        INDArray logPt = softmax ? b.logProb.mul(target).sum(1).reshape(rows, 1) : Transforms.log(pt, true);
        INDArray perRow;
        INDArray dz;
        double gamma = settings.focalGamma();
        switch (settings.loss()) {
            case MEAN_SQUARED_ERROR: {
                INDArray diff = p.sub(target);
                perRow = diff.mul(diff).sum(1).reshape(rows, 1);
                dz = chain(diff.mul(2.0).muliColumnVector(scaled), p);
                break;
            }
            case FOCAL: {
                INDArray q = pt.rsub(1.0);
                perRow = Transforms.pow(q, gamma, true).mul(logPt).neg();
                INDArray g = Transforms.pow(q, gamma - 1, true).mul(gamma).mul(pt).mul(logPt)
                        .sub(Transforms.pow(q, gamma, true));
                dz = target.sub(p).muliColumnVector(g.mul(scaled));
                break;
            }
            default: {
                // Cross-entropy on a non-softmax output (the wrong R10 pairings).
                perRow = logPt.neg();
                INDArray dp = target.neg().diviColumnVector(pt).muliColumnVector(scaled);
                dz = chain(dp, p);
                break;
            }
        }
        lossOut[0] = perRow.mul(b.weight).sumNumber().doubleValue() / weightSum;
        return dz;
    }

    /** dL/dz from dL/dp through a non-fused output activation. */
    private INDArray chain(INDArray dp, INDArray p) {
        switch (arch.output) {
            case SOFTMAX: {
                INDArray dot = dp.mul(p).sum(1).reshape(p.rows(), 1);
                return dp.subColumnVector(dot).muli(p);
            }
            case SIGMOID:
                return dp.mul(p).muli(p.rsub(1.0));
            case RELU:
                return dp.mul(p.gt(0).castTo(DataType.FLOAT));
            default:
                return dp;
        }
    }

    /** Forward pass into {@code b}: leaves outputs in {@code b.prob} (and log-softmax in training). */
    private void forward(Buffers b, float[] x, boolean training, SplittableRandom dropoutRng) {
        int rows = b.rows;
        System.arraycopy(x, 0, b.inputStage, 0, rows * arch.inputs());
        b.input.data().setData(b.inputStage);
        // Row-major host data into the column-major activation (one copy op).
        b.act[0].assign(b.input);
        for (int l = 0; l < layers; l++) {
            boolean last = l == layers - 1;
            boolean dropHere = training && dropout && !last;
            INDArray out = last ? b.logits : dropHere ? b.hidden[l + 1] : b.act[l + 1];
            Nd4j.gemm(b.actExt[l], weightsAndBias[l], out, false, false, 1.0, 0.0);
            if (last) {
                break;
            }
            activateHiddenInPlace(out);
            if (dropHere) {
                float[] stage = b.maskStage[l + 1];
                Initialiser.fillDropoutMask(dropoutRng, stage, stage.length, settings.dropout());
                b.mask[l + 1].data().setData(stage);
                out.mul(b.mask[l + 1], b.act[l + 1]);
            }
        }
        INDArray z = b.logits;
        if (training && shift != null) {
            z.addiRowVector(shift);
        }
        switch (arch.output) {
            case SOFTMAX:
                if (training) {
                    logSoftmax(b);
                } else {
                    Nd4j.exec(new SoftMax(z, b.prob));
                }
                break;
            case SIGMOID:
                Nd4j.exec(new Sigmoid(z, z));
                break;
            case RELU:
                Nd4j.exec(new RectifiedLinear(z, z, 0.0));
                break;
            default:
                break;
        }
    }

    /**
     * Softmax and its logarithm, {@code (z - max) - log sum exp(z - max)}, so cross-entropy stays
     * finite when a probability underflows (ND4J's own log-softmax op returns -inf there).
     */
    private void logSoftmax(Buffers b) {
        Nd4j.exec(new Max(b.logits, b.rowMax, 1));
        Nd4j.exec(new BroadcastSubOp(b.logits, b.rowMax, b.logProb, 0));
        Nd4j.exec(new Exp(b.logProb, b.prob));
        Nd4j.exec(new Sum(b.prob, b.rowSum, 1));
        Nd4j.exec(new BroadcastDivOp(b.prob, b.rowSum, b.prob, 0));
        Nd4j.exec(new Log(b.rowSum, b.rowSum));
        Nd4j.exec(new BroadcastSubOp(b.logProb, b.rowSum, b.logProb, 0));
    }

    private void activateHiddenInPlace(INDArray z) {
        switch (arch.hidden) {
            case RELU: Nd4j.exec(new RectifiedLinear(z, z, 0.0)); break;
            case LEAKY_RELU: Nd4j.exec(new LeakyReLU(z, z, HiddenActivation.LEAKY_SLOPE)); break;
            case TANH: Nd4j.exec(new Tanh(z, z)); break;
            case SIGMOID: Nd4j.exec(new Sigmoid(z, z)); break;
            default: break;
        }
    }

    private void backward(Buffers b, INDArray dzOut) {
        INDArray dz = dzOut;
        for (int l = layers - 1; l >= 0; l--) {
            // [dW; db] = [A, 1]^T dZ in one product, straight into the flat gradient.
            Nd4j.gemm(b.actExt[l], dz, layerGrads[l], true, false, 1.0, 0.0);
            if (settings.l2() > 0) {
                Nd4j.exec(new Axpy(weightsFlat[l], weightGradsFlat[l], weightGradsFlat[l], settings.l2()));
            }
            gradNorms[l] = layerGradsFlat[l].norm2Number().doubleValue();
            if (l == 0) {
                break;
            }
            INDArray da = b.delta[l];
            Nd4j.gemm(dz, weights[l], da, false, true, 1.0, 0.0);
            // The derivative from the (pre-dropout) output; a dropped unit's mask zeroes it below.
            INDArray h = dropout ? b.hidden[l] : b.act[l];
            switch (arch.hidden) {
                case RELU:
                    // Two plain element-wise ops: ND4J's relu_bp custom op costs several times more.
                    Nd4j.exec(new Step(h, b.derivative[l], 0.0));
                    da.muli(b.derivative[l]);
                    break;
                case LEAKY_RELU:
                    Nd4j.exec(new LeakyReLUBp(h, da, da, HiddenActivation.LEAKY_SLOPE));
                    break;
                case TANH:
                    h.mul(h, b.derivative[l]).rsubi(1.0);
                    da.muli(b.derivative[l]);
                    break;
                case SIGMOID:
                    h.rsub(1.0, b.derivative[l]).muli(h);
                    da.muli(b.derivative[l]);
                    break;
                default:
                    break;
            }
            if (dropout) {
                da.muli(b.mask[l]);
            }
            dz = da;
        }
    }

    /** One optimiser step over the whole flat parameter vector. */
    private void update() {
        step++;
        Optimiser o = settings.optimiser();
        double lr = learningRate;
        switch (o.kind()) {
            case SGD:
                Nd4j.exec(new Axpy(grads, params, params, -lr));
                break;
            case MOMENTUM:
                Nd4j.exec(new Axpy(moment1, grads, moment1, o.momentum()));
                Nd4j.exec(new Axpy(moment1, params, params, -lr));
                break;
            case NESTEROV:
                Nd4j.exec(new Axpy(moment1, grads, moment1, o.momentum()));
                Nd4j.exec(new Axpy(moment1, grads, grads, o.momentum()));
                Nd4j.exec(new Axpy(grads, params, params, -lr));
                break;
            default: {
                if (o.kind() == OptimiserKind.ADAMW) {
                    params.muli(1 - lr * o.weightDecay());
                }
                // ND4J's op computes lr sqrt(bc2)/bc1 * m / (sqrt(v) + eps'); with eps' = eps sqrt(bc2)
                // that is PyTorch's lr (m / bc1) / (sqrt(v / bc2) + eps). Its iteration counts from 0.
                double bc2 = 1 - Math.pow(o.beta2(), step);
                Nd4j.exec(new AdamUpdater(grads, moment2, moment1, lr, o.beta1(), o.beta2(),
                        o.epsilon() * Math.sqrt(bc2), (int) (step - 1)));
                params.subi(grads);
                break;
            }
        }
    }

    @Override
    public float[] forward(float[] x, int rows, boolean[][] everActive) {
        Buffers b = buffersFor(rows);
        forward(b, x, false, null);
        if (everActive != null) {
            for (int l = 1; l < layers; l++) {
                float[] active = b.act[l].amax(0).toFloatVector();
                for (int j = 0; j < active.length; j++) {
                    everActive[l - 1][j] |= active[j] > 0;
                }
            }
        }
        return b.prob.data().asFloat();
    }

    @Override
    public double[] gradientNorms() {
        return gradNorms.clone();
    }

    @Override
    public float[] parameters() {
        return params.toFloatVector();
    }

    @Override
    public void setParameters(float[] p) {
        params.assign(Nd4j.createFromArray(Arrays.copyOf(p, arch.parameterCount())));
    }

    @Override
    public void setLearningRate(double rate) {
        this.learningRate = rate;
    }
}
