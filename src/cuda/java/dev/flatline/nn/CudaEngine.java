package dev.flatline.nn;

import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasSgemm_v2;
import static org.bytedeco.cuda.global.cublas.cublasSgemv_v2;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemsetAsync;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The CUDA engine: the parameters and every activation live in GPU memory; matrix products are cuBLAS
 * calls and the element-wise work (bias, hidden activation, dropout mask, derivative) runs in kernels
 * generated from {@link KernelFormulas} ({@link CudaKernels}). Per call it copies in the rows and copies out
 * the logits (forward) or the gradient (backward) when the trainer steps on the host.
 *
 * <p>As a {@link ResidentEngine} (the default; {@code -Dflatline.cuda.resident=false} turns it off) it also
 * keeps the training rows, the optimiser's moments and the whole step on the GPU: per step a gather
 * kernel, the products, a loss kernel, an L2/norm kernel and an update kernel are queued with no copy and
 * no wait, and the epoch's history (step losses, predicted-class counts, gradient-norm sums) comes back in
 * one synchronisation. Row order and dropout masks are drawn on the host (as the CPU engines draw them) and
 * copied once per epoch.
 *
 * <p>Not yet measured on a GPU: neither its agreement there nor its speed is known until the device check
 * runs (environment/gpu). No CUDA graph is captured yet: each step is a dozen or so launches from Java.
 *
 * <p>Row-major matrices are handed to column-major cuBLAS as their transposes: {@code C = A B} (row-major)
 * is {@code C^T = B^T A^T} (column-major), so each product below names its operands in swapped order.
 */
final class CudaEngine implements ResidentEngine {
    /** Set to false to make the trainer step on the host (loss and optimiser there) with this engine. */
    static final String RESIDENT_PROPERTY = "flatline.cuda.resident";
    /** Forward passes for predictions take this many rows at a time at least. */
    private static final int MIN_ROWS = 4096;
    private static final int THREADS = 256;

    private final CudaDevice device;
    private final Architecture arch;
    private final int capacity;
    private final int layers;
    private final List<Pointer> deviceMemory = new ArrayList<>();
    private final FloatPointer params;
    private final FloatPointer grads;
    private final FloatPointer[] weight;
    private final FloatPointer[] bias;
    private final FloatPointer[] weightGrad;
    private final FloatPointer[] biasGrad;
    /** act[0] is the input batch; act[l] the (post-dropout) output of layer l. */
    private final FloatPointer[] act;
    private final FloatPointer[] delta;
    /** Pre-dropout hidden outputs and the masks, per hidden layer (allocated on the first pass with masks). */
    private final FloatPointer[] pre;
    private final FloatPointer[] mask;
    /** Per hidden layer, 1 for each unit seen non-zero. */
    private final IntPointer[] ever;
    private final FloatPointer ones;
    /** Host staging (pageable JavaCPP memory), as large as the largest copy. */
    private final FloatPointer hostFloats;
    private final IntPointer hostInts;
    private final FloatPointer one = new FloatPointer(1f);
    private final FloatPointer zero = new FloatPointer(0f);
    private boolean lastHadMasks;
    /** Per kernel, its reused argument cells and the array of their addresses that the launch takes. */
    private final Map<CUfunc_st, Pointer[]> argumentCells = new HashMap<>();
    private final Map<CUfunc_st, PointerPointer<Pointer>> argumentArrays = new HashMap<>();

    // The resident step's state (startTraining).
    private StepSettings settings;
    private int trainRows;
    private int batch;
    private FloatPointer trainX;
    private IntPointer trainY;
    private FloatPointer trainW;
    private IntPointer order;
    private IntPointer batchY;
    private FloatPointer batchW;
    private FloatPointer logProb;
    private FloatPointer moment1;
    private FloatPointer moment2;
    private FloatPointer saved;
    private FloatPointer shift;
    private IntPointer weightOffsets;
    private IntPointer biasOffsets;
    private IntPointer layerEnds;
    private FloatPointer[] epochMask;
    private DoublePointer stepLoss;
    private LongPointer predictedCounts;
    private LongPointer correctCount;
    private DoublePointer normSums;
    private long optimiserStep;

    CudaEngine(Architecture arch, int batchSize) {
        this.device = CudaDevice.get();
        // Makes the device's primary context current on this thread too: the kernels are launched through
        // the driver API, which (unlike the runtime API) does not pick a context up by itself.
        CudaDevice.check(cudaSetDevice(0), "cudaSetDevice");
        this.arch = arch;
        this.capacity = Math.max(batchSize, MIN_ROWS);
        this.layers = arch.layers();
        int n = arch.parameterCount();
        params = allocFloats(n);
        grads = allocFloats(n);
        weight = new FloatPointer[layers];
        bias = new FloatPointer[layers];
        weightGrad = new FloatPointer[layers];
        biasGrad = new FloatPointer[layers];
        for (int l = 0; l < layers; l++) {
            weight[l] = offset(params, arch.weightOffset(l));
            bias[l] = offset(params, arch.biasOffset(l));
            weightGrad[l] = offset(grads, arch.weightOffset(l));
            biasGrad[l] = offset(grads, arch.biasOffset(l));
        }
        act = new FloatPointer[layers + 1];
        delta = new FloatPointer[layers + 1];
        pre = new FloatPointer[layers + 1];
        mask = new FloatPointer[layers + 1];
        ever = new IntPointer[layers + 1];
        long widest = n;
        for (int l = 0; l <= layers; l++) {
            act[l] = allocFloats((long) capacity * arch.size(l));
            delta[l] = allocFloats((long) capacity * arch.size(l));
            widest = Math.max(widest, (long) capacity * arch.size(l));
            if (l > 0 && l < layers) {
                ever[l] = new IntPointer(alloc((long) arch.size(l) * Integer.BYTES));
            }
        }
        ones = allocFloats(capacity);
        hostFloats = new FloatPointer(widest);
        hostInts = new IntPointer(widest);
        float[] onesHost = new float[capacity];
        java.util.Arrays.fill(onesHost, 1f);
        upload(onesHost, 0, ones, capacity);
    }

    @Override
    public int maxRows() {
        return capacity;
    }

    @Override
    public void setParameters(float[] parameters) {
        upload(parameters, 0, params, arch.parameterCount());
    }

    @Override
    public void forward(float[] x, int firstRow, int rows, float[][] masks, float[] logits, boolean[][] everActive) {
        upload(x, firstRow * arch.inputs(), act[0], rows * arch.inputs());
        lastHadMasks = masks != null;
        FloatPointer[] maskIn = null;
        if (masks != null) {
            maskIn = new FloatPointer[layers];
            for (int h = 1; h < layers; h++) {
                if (pre[h] == null) {
                    pre[h] = allocFloats((long) capacity * arch.size(h));
                    mask[h] = allocFloats((long) capacity * arch.size(h));
                }
                upload(masks[h], 0, mask[h], rows * arch.size(h));
                maskIn[h] = mask[h];
            }
        }
        forwardOnDevice(rows, maskIn, everActive);
        download(act[layers], rows * arch.classes(), logits, firstRow * arch.classes());
    }

    /**
     * The forward pass of the {@code rows} rows in {@code act[0]}, leaving the logits in {@code act[layers]};
     * {@code maskIn[h]}, when given, points at hidden layer {@code h}'s dropout factors for these rows.
     */
    private void forwardOnDevice(int rows, FloatPointer[] maskIn, boolean[][] everActive) {
        for (int l = 0; l < layers; l++) {
            int in = arch.fanIn(l);
            int out = arch.fanOut(l);
            int count = rows * out;
            // act[l+1] (rows x out) = act[l] (rows x in) W (in x out)
            CudaDevice.checkBlas(cublasSgemm_v2(device.blas, CUBLAS_OP_N, CUBLAS_OP_N, out, rows, in,
                    one, weight[l], out, act[l], in, zero, act[l + 1], out), "cublasSgemm (forward)");
            if (l == layers - 1) {
                launch(device.biasAdd, count, act[l + 1], bias[l], count, out);
                break;
            }
            int h = l + 1;
            FloatPointer preOut = null;
            FloatPointer maskH = maskIn == null ? null : maskIn[h];
            if (maskH != null && pre[h] == null) {
                pre[h] = allocFloats((long) capacity * out);
            }
            if (maskH != null) {
                preOut = pre[h];
            }
            if (everActive != null) {
                CudaDevice.check(cudaMemsetAsync(ever[h], 0, (long) out * Integer.BYTES, device.stream), "cudaMemsetAsync");
            }
            launch(device.biasActivate(arch.hiddenActivation()), count, act[h], bias[l], count, out, preOut, maskH,
                    everActive != null ? ever[h] : null);
            if (everActive != null) {
                boolean[] seen = everActive[l];
                CudaDevice.check(cudaMemcpyAsync(hostInts, ever[h], (long) out * Integer.BYTES, cudaMemcpyDeviceToHost,
                        device.stream), "cudaMemcpyAsync (units seen)");
                sync();
                for (int j = 0; j < out; j++) {
                    seen[j] |= hostInts.get(j) != 0;
                }
            }
        }
    }

    @Override
    public void backward(float[] logitGradient, int rows, float[] gradient) {
        upload(logitGradient, 0, delta[layers], rows * arch.classes());
        FloatPointer[] maskIn = null;
        if (lastHadMasks) {
            maskIn = new FloatPointer[layers];
            for (int h = 1; h < layers; h++) {
                maskIn[h] = mask[h];
            }
        }
        backwardOnDevice(rows, maskIn);
        download(grads, arch.parameterCount(), gradient, 0);
    }

    /** The gradient in {@code grads} from the logits' gradient in {@code delta[layers]}. */
    private void backwardOnDevice(int rows, FloatPointer[] maskIn) {
        for (int l = layers - 1; l >= 0; l--) {
            int in = arch.fanIn(l);
            int out = arch.fanOut(l);
            // dW (in x out) = act[l]^T (in x rows) dZ (rows x out)
            CudaDevice.checkBlas(cublasSgemm_v2(device.blas, CUBLAS_OP_N, CUBLAS_OP_T, out, in, rows,
                    one, delta[l + 1], out, act[l], in, zero, weightGrad[l], out), "cublasSgemm (weight gradient)");
            // db (out) = dZ^T (out x rows) 1 (rows)
            CudaDevice.checkBlas(cublasSgemv_v2(device.blas, CUBLAS_OP_N, out, rows, one, delta[l + 1], out,
                    ones, 1, zero, biasGrad[l], 1), "cublasSgemv (bias gradient)");
            if (l == 0) {
                break;
            }
            // dA (rows x in) = dZ (rows x out) W^T (out x in), then the activation's derivative and the mask
            CudaDevice.checkBlas(cublasSgemm_v2(device.blas, CUBLAS_OP_T, CUBLAS_OP_N, in, rows, out,
                    one, weight[l], out, delta[l + 1], out, zero, delta[l], in), "cublasSgemm (input gradient)");
            int count = rows * in;
            FloatPointer maskL = maskIn == null ? null : maskIn[l];
            launch(device.backprop(arch.hiddenActivation()), count, delta[l], maskL != null ? pre[l] : act[l], count,
                    maskL);
        }
    }

    @Override
    public boolean trainsResident(StepSettings settings) {
        return !"false".equals(System.getProperty(RESIDENT_PROPERTY));
    }

    @Override
    public void startTraining(StepSettings settings, DenseData train, int batchSize) {
        this.settings = settings;
        this.trainRows = train.rows;
        this.batch = batchSize;
        int n = arch.parameterCount();
        int k = arch.classes();
        trainX = allocFloats((long) train.rows * train.columns);
        uploadAll(train.x, trainX);
        trainY = new IntPointer(alloc((long) train.rows * Integer.BYTES));
        uploadInts(train.y, trainY);
        trainW = allocFloats(train.rows);
        uploadAll(train.w, trainW);
        order = new IntPointer(alloc((long) train.rows * Integer.BYTES));
        batchY = new IntPointer(alloc((long) capacity * Integer.BYTES));
        batchW = allocFloats(capacity);
        logProb = allocFloats((long) capacity * k);
        moment1 = allocFloats(n);
        OptimiserKind kind = settings.optimiser().kind();
        moment2 = kind == OptimiserKind.ADAM || kind == OptimiserKind.ADAMW ? allocFloats(n) : null;
        saved = allocFloats(n);
        if (settings.logitShift() != null) {
            shift = allocFloats(k);
            uploadAll(settings.logitShift(), shift);
        }
        int[] w = new int[layers];
        int[] b = new int[layers];
        int[] e = new int[layers];
        for (int l = 0; l < layers; l++) {
            w[l] = arch.weightOffset(l);
            b[l] = arch.biasOffset(l);
            e[l] = arch.biasOffset(l) + arch.fanOut(l);
        }
        weightOffsets = new IntPointer(alloc((long) layers * Integer.BYTES));
        biasOffsets = new IntPointer(alloc((long) layers * Integer.BYTES));
        layerEnds = new IntPointer(alloc((long) layers * Integer.BYTES));
        uploadInts(w, weightOffsets);
        uploadInts(b, biasOffsets);
        uploadInts(e, layerEnds);
        int steps = (train.rows + batchSize - 1) / batchSize;
        stepLoss = new DoublePointer(alloc((long) steps * Double.BYTES));
        predictedCounts = new LongPointer(alloc((long) k * Long.BYTES));
        correctCount = new LongPointer(alloc(Long.BYTES));
        normSums = new DoublePointer(alloc((long) layers * Double.BYTES));
        epochMask = new FloatPointer[layers];
        optimiserStep = 0;
    }

    @Override
    public EpochTotals trainEpoch(int[] rowOrder, float[][] masks, double learningRate) {
        if (settings == null) {
            throw new IllegalStateException("trainEpoch before startTraining");
        }
        int rows = trainRows;
        int k = arch.classes();
        int n = arch.parameterCount();
        int steps = (rows + batch - 1) / batch;
        uploadInts(rowOrder, order);
        if (masks != null) {
            for (int h = 1; h < layers; h++) {
                if (epochMask[h] == null) {
                    epochMask[h] = allocFloats((long) rows * arch.size(h));
                }
                uploadAll(masks[h], epochMask[h]);
            }
        }
        CudaDevice.check(cudaMemsetAsync(stepLoss, 0, (long) steps * Double.BYTES, device.stream), "cudaMemsetAsync");
        CudaDevice.check(cudaMemsetAsync(predictedCounts, 0, (long) k * Long.BYTES, device.stream), "cudaMemsetAsync");
        CudaDevice.check(cudaMemsetAsync(correctCount, 0, Long.BYTES, device.stream), "cudaMemsetAsync");
        CudaDevice.check(cudaMemsetAsync(normSums, 0, (long) layers * Double.BYTES, device.stream), "cudaMemsetAsync");
        Optimiser o = settings.optimiser();
        float l2 = (float) settings.l2();
        double halfL2 = 0.5 * settings.l2();
        FloatPointer[] maskIn = masks == null ? null : new FloatPointer[layers];
        for (int s = 0; s < steps; s++) {
            int start = s * batch;
            int r = Math.min(batch, rows - start);
            launch(device.gather, r, trainX, trainY, trainW, order, start, r, arch.inputs(), act[0], batchY, batchW);
            if (maskIn != null) {
                for (int h = 1; h < layers; h++) {
                    maskIn[h] = offset(epochMask[h], (long) start * arch.size(h));
                }
            }
            forwardOnDevice(r, maskIn, null);
            DoublePointer lossOfStep = new DoublePointer(stepLoss).position(s);
            launchBlocks(device.loss, 1, CudaKernels.REDUCE_THREADS, act[layers], logProb, delta[layers], batchY, batchW, r, k,
                    CudaKernels.code(arch.outputActivation()), CudaKernels.code(settings.loss()),
                    (float) settings.focalGamma(), shift, lossOfStep, predictedCounts, correctCount);
            backwardOnDevice(r, maskIn);
            launchBlocks(device.l2Norms, layers, CudaKernels.REDUCE_THREADS, grads, params, weightOffsets, biasOffsets,
                    layerEnds, l2, halfL2, normSums, lossOfStep);
            float[] c = KernelFormulas.optimiserConstants(o, ++optimiserStep, learningRate);
            launch(device.update(o.kind()), n, params, grads, moment1, moment2, n, c[0], c[1], c[2], c[3], c[4], c[5],
                    c[6], c[7]);
        }
        // The epoch's one synchronisation: its history comes back together.
        DoublePointer lossHost = new DoublePointer(steps);
        LongPointer countsHost = new LongPointer(k);
        LongPointer correctHost = new LongPointer(1);
        DoublePointer normsHost = new DoublePointer(layers);
        CudaDevice.check(cudaMemcpyAsync(lossHost, stepLoss, (long) steps * Double.BYTES, cudaMemcpyDeviceToHost,
                device.stream), "cudaMemcpyAsync (step losses)");
        CudaDevice.check(cudaMemcpyAsync(countsHost, predictedCounts, (long) k * Long.BYTES, cudaMemcpyDeviceToHost,
                device.stream), "cudaMemcpyAsync (predicted counts)");
        CudaDevice.check(cudaMemcpyAsync(correctHost, correctCount, Long.BYTES, cudaMemcpyDeviceToHost, device.stream),
                "cudaMemcpyAsync (correct)");
        CudaDevice.check(cudaMemcpyAsync(normsHost, normSums, (long) layers * Double.BYTES, cudaMemcpyDeviceToHost,
                device.stream), "cudaMemcpyAsync (gradient norms)");
        sync();
        double[] losses = new double[steps];
        lossHost.get(losses);
        long[] counts = new long[k];
        countsHost.get(counts);
        double[] norms = new double[layers];
        normsHost.get(norms);
        return new EpochTotals(losses, correctHost.get(0), counts, norms);
    }

    @Override
    public float[] parameters() {
        float[] out = new float[arch.parameterCount()];
        download(params, out.length, out, 0);
        return out;
    }

    @Override
    public void saveParameters() {
        CudaDevice.check(cudaMemcpyAsync(saved, params, (long) arch.parameterCount() * Float.BYTES,
                cudaMemcpyDeviceToDevice, device.stream), "cudaMemcpyAsync (save parameters)");
    }

    @Override
    public void restoreParameters() {
        CudaDevice.check(cudaMemcpyAsync(params, saved, (long) arch.parameterCount() * Float.BYTES,
                cudaMemcpyDeviceToDevice, device.stream), "cudaMemcpyAsync (restore parameters)");
        sync();
    }

    /** Launches a kernel over {@code n} elements, a thread each. */
    private void launch(CUfunc_st function, int n, Object... args) {
        launchBlocks(function, (n + THREADS - 1) / THREADS, THREADS, args);
    }

    /**
     * Launches a kernel; arguments are device pointers (null allowed), ints, floats or doubles. Each kernel's
     * argument cells are allocated on its first launch and rewritten on the next ones (the driver copies
     * the values at launch), so a step allocates no native memory.
     */
    private void launchBlocks(CUfunc_st function, int blocks, int threads, Object... args) {
        Pointer[] cells = argumentCells.get(function);
        PointerPointer<Pointer> params = argumentArrays.get(function);
        if (cells == null) {
            cells = new Pointer[args.length];
            params = new PointerPointer<>(args.length);
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                cells[i] = a instanceof Integer ? new IntPointer(1) : a instanceof Float ? new FloatPointer(1)
                        : a instanceof Double ? new DoublePointer(1) : new LongPointer(1);
                params.put(i, cells[i]);
            }
            argumentCells.put(function, cells);
            argumentArrays.put(function, params);
        }
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Integer v) {
                ((IntPointer) cells[i]).put(0, v);
            } else if (a instanceof Float v) {
                ((FloatPointer) cells[i]).put(0, v);
            } else if (a instanceof Double v) {
                ((DoublePointer) cells[i]).put(0, v);
            } else {
                // The device address (or 0): the kernel parameter is the pointer itself. Computed here, since
                // JavaCPP would count a view's position in bytes once the FloatPointer is passed as a Pointer.
                Pointer p = (Pointer) a;
                ((LongPointer) cells[i]).put(0, p == null ? 0L : p.address() + p.position() * p.sizeof());
            }
        }
        CudaDevice.checkDriver(cuLaunchKernel(function, blocks, 1, 1, threads, 1, 1, 0, device.stream, params, null),
                "cuLaunchKernel");
    }

    private void upload(float[] src, int from, FloatPointer dst, int count) {
        hostFloats.put(src, from, count);
        CudaDevice.check(cudaMemcpyAsync(dst, hostFloats, (long) count * Float.BYTES, cudaMemcpyHostToDevice,
                device.stream), "cudaMemcpyAsync (to the GPU)");
        // The staging buffer is reused by the next copy: wait until this one has read it.
        sync();
    }

    private void uploadAll(float[] src, FloatPointer dst) {
        FloatPointer staging = new FloatPointer(src);
        CudaDevice.check(cudaMemcpyAsync(dst, staging, (long) src.length * Float.BYTES, cudaMemcpyHostToDevice,
                device.stream), "cudaMemcpyAsync (to the GPU)");
        sync();
        staging.close();
    }

    private void uploadInts(int[] src, IntPointer dst) {
        IntPointer staging = new IntPointer(src);
        CudaDevice.check(cudaMemcpyAsync(dst, staging, (long) src.length * Integer.BYTES, cudaMemcpyHostToDevice,
                device.stream), "cudaMemcpyAsync (to the GPU)");
        sync();
        staging.close();
    }

    private void download(FloatPointer src, int count, float[] dst, int to) {
        CudaDevice.check(cudaMemcpyAsync(hostFloats, src, (long) count * Float.BYTES, cudaMemcpyDeviceToHost,
                device.stream), "cudaMemcpyAsync (from the GPU)");
        sync();
        hostFloats.get(dst, to, count);
    }

    private void sync() {
        CudaDevice.check(cudaStreamSynchronize(device.stream), "cudaStreamSynchronize");
    }

    private Pointer alloc(long bytes) {
        Pointer p = new Pointer();
        CudaDevice.check(cudaMalloc(p, bytes), "cudaMalloc(" + bytes + " bytes)");
        CudaDevice.check(cudaMemsetAsync(p, 0, bytes, device.stream), "cudaMemsetAsync");
        deviceMemory.add(p);
        return p;
    }

    private FloatPointer allocFloats(long n) {
        return new FloatPointer(alloc(n * Float.BYTES));
    }

    /** A view {@code floats} floats into a device array (address arithmetic only). */
    private static FloatPointer offset(FloatPointer base, long floats) {
        return new FloatPointer(base).position(floats);
    }

    /** Frees the GPU memory; the engine is unusable afterwards. */
    void release() {
        sync();
        for (Pointer p : deviceMemory) {
            cudaFree(p);
        }
        deviceMemory.clear();
    }
}
