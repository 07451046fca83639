package dev.flatline.nn;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.nio.FloatBuffer;
import java.util.Arrays;
import org.bytedeco.javacpp.FloatPointer;

/**
 * The fast CPU engine. Buffers are native memory allocated once; matrix products go straight to the
 * OpenBLAS that ND4J bundles ({@code cblas_sgemm} through JavaCPP's preset, about 0.1 µs a call instead
 * of ~15 µs through ND4J's op dispatch), and the element-wise work (bias, the activations of
 * {@link HiddenActivation}) runs as Java loops over heap copies, which bulk copies make cheap and the
 * JIT vectorises. Written by hand because no library offers per-call overheads this low.
 *
 * <p>It does not touch ND4J itself: starting ND4J's backend costs about half a second, which would
 * make a fresh JVM's first fit twice as slow as the next ones. Only OpenBLAS's own library is loaded,
 * and only its BLAS part ({@code openblas_nolapack}: JavaCPP's {@code openblas} class would load the
 * LAPACK build as well, about 30 ms of CPU and 70 ms of wall time more).
 */
final class BlasEngine implements Engine {
    /** Forward passes for predictions take this many rows at a time at least. */
    private static final int MIN_ROWS = 512;

    private final Architecture arch;
    private final int capacity;
    private final int layers;
    /** Kept so the native memory lives as long as the engine. */
    private final FloatPointer[] owned;
    private final FloatBuffer params;
    private final FloatBuffer grads;
    private final FloatPointer[] weightPtr;
    private final FloatPointer[] weightGradPtr;
    /** act[0] is the input batch; act[l] the (post-dropout) output of layer l. */
    private final FloatBuffer[] act;
    private final FloatPointer[] actPtr;
    private final FloatBuffer[] delta;
    private final FloatPointer[] deltaPtr;
    /** Pre-dropout hidden outputs (heap), filled when a training pass has dropout masks. */
    private final float[][] preDropout;
    private float[][] lastMasks;
    private final float[] biasScratch;
    private float[] scratchA = new float[0];
    private float[] scratchB = new float[0];

    BlasEngine(Architecture arch, int batchSize) {
        // In a fresh JVM the warm-up may be loading JavaCPP right now; only one thread may (see Warmup).
        Warmup.awaitNativeLibraries();
        this.arch = arch;
        this.capacity = Math.max(batchSize, MIN_ROWS);
        this.layers = arch.layers();
        int n = arch.parameterCount();
        owned = new FloatPointer[2 + 2 * (layers + 1)];
        int b = 0;
        FloatPointer pBase = owned[b++] = allocate(n);
        FloatPointer gBase = owned[b++] = allocate(n);
        params = pBase.asBuffer();
        grads = gBase.asBuffer();
        weightPtr = new FloatPointer[layers];
        weightGradPtr = new FloatPointer[layers];
        for (int l = 0; l < layers; l++) {
            weightPtr[l] = new FloatPointer(pBase).position(arch.weightOffset(l));
            weightGradPtr[l] = new FloatPointer(gBase).position(arch.weightOffset(l));
        }
        act = new FloatBuffer[layers + 1];
        actPtr = new FloatPointer[layers + 1];
        delta = new FloatBuffer[layers + 1];
        deltaPtr = new FloatPointer[layers + 1];
        preDropout = new float[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            actPtr[l] = owned[b++] = allocate((long) capacity * arch.size(l));
            act[l] = actPtr[l].asBuffer();
            deltaPtr[l] = owned[b++] = allocate((long) capacity * arch.size(l));
            delta[l] = deltaPtr[l].asBuffer();
        }
        int widest = 0;
        for (int l = 0; l <= layers; l++) {
            widest = Math.max(widest, arch.size(l));
        }
        biasScratch = new float[widest];
    }

    /** Zeroed native memory for {@code n} floats, freed when the engine is collected. */
    private static FloatPointer allocate(long n) {
        FloatPointer p = new FloatPointer(n);
        p.zero();
        return p;
    }

    @Override
    public int maxRows() {
        return capacity;
    }

    @Override
    public void setParameters(float[] parameters) {
        params.put(0, parameters, 0, arch.parameterCount());
    }

    @Override
    public void forward(float[] x, int firstRow, int rows, float[][] masks, float[] logits, boolean[][] everActive) {
        act[0].put(0, x, firstRow * arch.inputs(), rows * arch.inputs());
        lastMasks = masks;
        for (int l = 0; l < layers; l++) {
            int in = arch.fanIn(l);
            int outSize = arch.fanOut(l);
            int count = rows * outSize;
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, outSize, in,
                    1f, actPtr[l], in, weightPtr[l], outSize, 0f, actPtr[l + 1], outSize);
            // Element-wise work on a heap copy: bulk copies are memcpy, and heap loops vectorise.
            float[] zs = scratch(count);
            act[l + 1].get(0, zs, 0, count);
            params.get(arch.biasOffset(l), biasScratch, 0, outSize);
            float[] bias = biasScratch;
            for (int i = 0; i < rows; i++) {
                int o = i * outSize;
                for (int j = 0; j < outSize; j++) {
                    zs[o + j] += bias[j];
                }
            }
            if (l == layers - 1) {
                System.arraycopy(zs, 0, logits, firstRow * outSize, count);
                return;
            }
            arch.hiddenActivation().apply(zs, count);
            if (everActive != null) {
                boolean[] seen = everActive[l];
                for (int i = 0; i < count; i++) {
                    if (zs[i] != 0f) {
                        seen[i % outSize] = true;
                    }
                }
            }
            if (masks != null) {
                float[] pre = preDropout[l + 1];
                if (pre == null || pre.length < count) {
                    pre = preDropout[l + 1] = new float[capacity * outSize];
                }
                System.arraycopy(zs, 0, pre, 0, count);
                float[] mask = masks[l + 1];
                for (int i = 0; i < count; i++) {
                    zs[i] *= mask[i];
                }
            }
            act[l + 1].put(0, zs, 0, count);
        }
    }

    @Override
    public void backward(float[] logitGradient, int rows, float[] gradient) {
        delta[layers].put(0, logitGradient, 0, rows * arch.classes());
        for (int l = layers - 1; l >= 0; l--) {
            int in = arch.fanIn(l);
            int outSize = arch.fanOut(l);
            // dW = A_prev^T dZ, db = column sums of dZ.
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, in, outSize, rows,
                    1f, actPtr[l], in, deltaPtr[l + 1], outSize, 0f, weightGradPtr[l], outSize);
            float[] dzs = scratch(rows * outSize);
            delta[l + 1].get(0, dzs, 0, rows * outSize);
            float[] db = biasScratch;
            Arrays.fill(db, 0, outSize, 0f);
            for (int i = 0; i < rows; i++) {
                int o = i * outSize;
                for (int j = 0; j < outSize; j++) {
                    db[j] += dzs[o + j];
                }
            }
            grads.put(arch.biasOffset(l), db, 0, outSize);
            if (l == 0) {
                break;
            }
            // dA_prev = dZ W^T, then through the activation's derivative (at the pre-dropout output) and the mask.
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, in, outSize,
                    1f, deltaPtr[l + 1], outSize, weightPtr[l], outSize, 0f, deltaPtr[l], in);
            int count = rows * in;
            float[] das = scratch(count);
            delta[l].get(0, das, 0, count);
            float[] mask = lastMasks == null ? null : lastMasks[l];
            float[] hs;
            if (mask != null) {
                hs = preDropout[l];
            } else {
                hs = scratch2(count);
                act[l].get(0, hs, 0, count);
            }
            arch.hiddenActivation().backprop(hs, das, count);
            if (mask != null) {
                for (int i = 0; i < count; i++) {
                    das[i] *= mask[i];
                }
            }
            delta[l].put(0, das, 0, count);
        }
        grads.get(0, gradient, 0, arch.parameterCount());
    }

    private float[] scratch(int n) {
        if (scratchA.length < n) {
            scratchA = new float[n];
        }
        return scratchA;
    }

    private float[] scratch2(int n) {
        if (scratchB.length < n) {
            scratchB = new float[n];
        }
        return scratchB;
    }
}
