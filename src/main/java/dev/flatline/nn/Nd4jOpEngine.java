package dev.flatline.nn;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The reference engine: every step written with ND4J's op API (matrix products, broadcasts,
 * transforms), so it runs on any ND4J backend (the {@code cuda} profile included). Slower on the CPU
 * because each op pays ND4J's Java-side dispatch; {@link BlasEngine} is tested against it.
 */
final class Nd4jOpEngine implements Engine {
    private final Architecture arch;
    private final StepSettings settings;
    private final int layers;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] m1;
    private final INDArray[] m2;
    private final double[] gradNorms;
    private final INDArray shift;
    private double learningRate;
    private long step;
    /** log-softmax of the last softmax output, so cross-entropy stays finite when p underflows. */
    private INDArray lastLogProb;

    Nd4jOpEngine(Architecture arch, StepSettings settings, float[] initialParameters) {
        this.arch = arch;
        this.settings = settings;
        this.layers = arch.layers();
        this.learningRate = settings.optimiser().learningRate();
        weights = new INDArray[layers];
        biases = new INDArray[layers];
        m1 = new INDArray[2 * layers];
        m2 = new INDArray[2 * layers];
        for (int l = 0; l < layers; l++) {
            weights[l] = Nd4j.zeros(DataType.FLOAT, arch.fanIn(l), arch.fanOut(l));
            biases[l] = Nd4j.zeros(DataType.FLOAT, 1, arch.fanOut(l));
            m1[2 * l] = weights[l].like();
            m1[2 * l + 1] = biases[l].like();
            m2[2 * l] = weights[l].like();
            m2[2 * l + 1] = biases[l].like();
        }
        gradNorms = new double[layers];
        shift = settings.logitShift() == null ? null : Nd4j.createFromArray(settings.logitShift()).reshape(1, arch.classes());
        setParameters(initialParameters);
    }

    @Override
    public double trainBatch(float[] x, int[] y, float[] w, int rows, SplittableRandom dropoutRng, int[] predicted) {
        int k = arch.classes();
        INDArray[] a = new INDArray[layers + 1];
        INDArray[] pre = new INDArray[layers + 1];
        INDArray[] masks = new INDArray[layers + 1];
        a[0] = Nd4j.create(java.util.Arrays.copyOf(x, rows * arch.inputs()), new long[] {rows, arch.inputs()}, 'c');
        for (int l = 0; l < layers; l++) {
            INDArray z = a[l].mmul(weights[l]).addiRowVector(biases[l]);
            if (l == layers - 1) {
                if (shift != null) {
                    z.addiRowVector(shift);
                }
                a[l + 1] = activateOutput(z);
                break;
            }
            INDArray h = activateHidden(z);
            pre[l + 1] = h;
            if (settings.dropout() > 0) {
                float[] mask = new float[rows * arch.fanOut(l)];
                Initialiser.fillDropoutMask(dropoutRng, mask, mask.length, settings.dropout());
                masks[l + 1] = Nd4j.create(mask, new long[] {rows, arch.fanOut(l)}, 'c');
                a[l + 1] = h.mul(masks[l + 1]);
            } else {
                a[l + 1] = h;
            }
        }
        INDArray p = a[layers];
        INDArray arg = p.argMax(1);
        for (int i = 0; i < rows; i++) {
            predicted[i] = arg.getInt(i);
        }
        float[] oneHot = new float[rows * k];
        for (int i = 0; i < rows; i++) {
            oneHot[i * k + y[i]] = 1f;
        }
        INDArray target = Nd4j.create(oneHot, new long[] {rows, k}, 'c');
        INDArray weight = Nd4j.create(java.util.Arrays.copyOf(w, rows), new long[] {rows, 1}, 'c');
        double weightSum = weight.sumNumber().doubleValue();
        INDArray scaled = weight.div(weightSum);
        INDArray pt = p.mul(target).sum(1).reshape(rows, 1);
        INDArray logPt = softmaxOutput() ? lastLogProb.mul(target).sum(1).reshape(rows, 1) : Transforms.log(pt, true);
        INDArray perRow;
        INDArray dz;
        double gamma = settings.focalGamma();
        boolean softmax = arch.output == OutputActivation.SOFTMAX;
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
                perRow = logPt.neg();
                if (softmax) {
                    dz = p.sub(target).muliColumnVector(scaled);
                } else {
                    INDArray dp = target.neg().diviColumnVector(pt).muliColumnVector(scaled);
                    dz = chain(dp, p);
                }
                break;
            }
        }
        double loss = perRow.mul(weight).sumNumber().doubleValue() / weightSum;
        if (settings.l2() > 0) {
            double sq = 0;
            for (INDArray wl : weights) {
                sq += wl.mul(wl).sumNumber().doubleValue();
            }
            loss += 0.5 * settings.l2() * sq;
        }
        backward(a, pre, masks, dz);
        return loss;
    }

    private boolean softmaxOutput() {
        return arch.output == OutputActivation.SOFTMAX;
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

    private void backward(INDArray[] a, INDArray[] pre, INDArray[] masks, INDArray dzOut) {
        INDArray dz = dzOut;
        INDArray[] gw = new INDArray[layers];
        INDArray[] gb = new INDArray[layers];
        for (int l = layers - 1; l >= 0; l--) {
            gw[l] = a[l].transpose().mmul(dz);
            if (settings.l2() > 0) {
                gw[l].addi(weights[l].mul(settings.l2()));
            }
            gb[l] = dz.sum(0).reshape(1, arch.fanOut(l));
            gradNorms[l] = Math.sqrt(gw[l].norm2Number().doubleValue() * gw[l].norm2Number().doubleValue()
                    + gb[l].norm2Number().doubleValue() * gb[l].norm2Number().doubleValue());
            if (l == 0) {
                break;
            }
            INDArray da = dz.mmul(weights[l].transpose());
            INDArray d = hiddenDerivative(pre[l]);
            dz = da.muli(d);
            if (masks[l] != null) {
                dz.muli(masks[l]);
            }
        }
        update(gw, gb);
    }

    private void update(INDArray[] gw, INDArray[] gb) {
        step++;
        Optimiser o = settings.optimiser();
        for (int l = 0; l < layers; l++) {
            updateOne(o, weights[l], gw[l], m1[2 * l], m2[2 * l]);
            updateOne(o, biases[l], gb[l], m1[2 * l + 1], m2[2 * l + 1]);
        }
    }

    private void updateOne(Optimiser o, INDArray theta, INDArray g, INDArray m, INDArray v) {
        double lr = learningRate;
        switch (o.kind()) {
            case SGD:
                theta.subi(g.mul(lr));
                break;
            case MOMENTUM:
            case NESTEROV:
                m.muli(o.momentum()).addi(g);
                theta.subi(o.kind() == OptimiserKind.NESTEROV ? g.add(m.mul(o.momentum())).muli(lr) : m.mul(lr));
                break;
            default: {
                if (o.kind() == OptimiserKind.ADAMW) {
                    theta.muli(1 - lr * o.weightDecay());
                }
                m.muli(o.beta1()).addi(g.mul(1 - o.beta1()));
                v.muli(o.beta2()).addi(g.mul(g).muli(1 - o.beta2()));
                double bc1 = 1 - Math.pow(o.beta1(), step);
                double bc2 = 1 - Math.pow(o.beta2(), step);
                INDArray denom = Transforms.sqrt(v.div(bc2), false).addi(o.epsilon());
                theta.subi(m.div(bc1).divi(denom).muli(lr));
                break;
            }
        }
    }

    private INDArray activateHidden(INDArray z) {
        switch (arch.hidden) {
            case RELU: return Transforms.relu(z, false);
            case LEAKY_RELU: return Transforms.leakyRelu(z, HiddenActivation.LEAKY_SLOPE, false);
            case TANH: return Transforms.tanh(z, false);
            case SIGMOID: return Transforms.sigmoid(z, false);
            default: return z;
        }
    }

    private INDArray hiddenDerivative(INDArray h) {
        switch (arch.hidden) {
            case RELU: return h.gt(0).castTo(DataType.FLOAT);
            case LEAKY_RELU: return h.gt(0).castTo(DataType.FLOAT).muli(1 - HiddenActivation.LEAKY_SLOPE)
                    .addi(HiddenActivation.LEAKY_SLOPE);
            case TANH: return h.mul(h).rsubi(1.0);
            case SIGMOID: return h.mul(h.rsub(1.0));
            default: return Nd4j.onesLike(h);
        }
    }

    private INDArray activateOutput(INDArray z) {
        switch (arch.output) {
            case SOFTMAX: {
                INDArray shifted = z.subColumnVector(z.max(1).reshape(z.rows(), 1));
                INDArray e = Transforms.exp(shifted, true);
                INDArray sum = e.sum(1).reshape(z.rows(), 1);
                lastLogProb = shifted.subiColumnVector(Transforms.log(sum, true));
                return e.diviColumnVector(sum);
            }
            case SIGMOID: return Transforms.sigmoid(z, false);
            case RELU: return Transforms.relu(z, false);
            default: return z;
        }
    }

    @Override
    public float[] forward(float[] x, int rows, boolean[][] everActive) {
        INDArray a = Nd4j.create(java.util.Arrays.copyOf(x, rows * arch.inputs()), new long[] {rows, arch.inputs()}, 'c');
        for (int l = 0; l < layers; l++) {
            INDArray z = a.mmul(weights[l]).addiRowVector(biases[l]);
            if (l == layers - 1) {
                a = activateOutput(z);
                break;
            }
            a = activateHidden(z);
            if (everActive != null) {
                INDArray active = a.neq(0).castTo(DataType.FLOAT).max(0);
                for (int j = 0; j < arch.fanOut(l); j++) {
                    everActive[l][j] |= active.getFloat(j) > 0;
                }
            }
        }
        return a.dup('c').data().asFloat();
    }

    @Override
    public double[] gradientNorms() {
        return gradNorms.clone();
    }

    @Override
    public float[] parameters() {
        float[] out = new float[arch.parameterCount()];
        for (int l = 0; l < layers; l++) {
            float[] w = weights[l].dup('c').data().asFloat();
            System.arraycopy(w, 0, out, arch.weightOffset(l), w.length);
            float[] b = biases[l].dup('c').data().asFloat();
            System.arraycopy(b, 0, out, arch.biasOffset(l), b.length);
        }
        return out;
    }

    @Override
    public void setParameters(float[] p) {
        for (int l = 0; l < layers; l++) {
            int in = arch.fanIn(l);
            int out = arch.fanOut(l);
            float[] w = java.util.Arrays.copyOfRange(p, arch.weightOffset(l), arch.weightOffset(l) + in * out);
            weights[l].assign(Nd4j.create(w, new long[] {in, out}, 'c'));
            float[] b = java.util.Arrays.copyOfRange(p, arch.biasOffset(l), arch.biasOffset(l) + out);
            biases[l].assign(Nd4j.create(b, new long[] {1, out}, 'c'));
        }
    }

    @Override
    public void setLearningRate(double rate) {
        this.learningRate = rate;
    }
}
