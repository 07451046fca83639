package dev.flatline.nn;

import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_N;
import static org.bytedeco.cuda.global.cublas.CUBLAS_OP_T;
import static org.bytedeco.cuda.global.cublas.cublasSgemm_v2;
import static org.bytedeco.cuda.global.cublas.cublasSgemv_v2;
import static org.bytedeco.cuda.global.cudart.cuLaunchKernel;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaMalloc;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyAsync;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyDeviceToHost;
import static org.bytedeco.cuda.global.cudart.cudaMemcpyHostToDevice;
import static org.bytedeco.cuda.global.cudart.cudaMemsetAsync;
import static org.bytedeco.cuda.global.cudart.cudaStreamSynchronize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The CUDA engine: the parameters and every activation live in GPU memory; matrix products are cuBLAS
 * calls and the element-wise work (bias, hidden activation, dropout mask, derivative) runs in kernels
 * generated from {@link KernelFormulas} ({@link CudaKernels}). Per call it copies in the rows and copies out
 * the logits (forward) or the gradient (backward); the loss and the optimiser's update stay on the host
 * in {@link TrainingStep}, as for every engine, so this engine is held to the CPU engines by the
 * engine-agreement test unchanged.
 *
 * <p>Not yet measured on a GPU. By construction it pays a few launches and two copies per layer and step,
 * so small networks will be launch-bound; keeping the whole step on the device (loss and optimiser as
 * kernels, one synchronisation per epoch) is the next step (see {@code environment/gpu/README.md}).
 *
 * <p>Row-major matrices are handed to column-major cuBLAS as their transposes: {@code C = A B} (row-major)
 * is {@code C^T = B^T A^T} (column-major), so each product below names its operands in swapped order.
 */
final class CudaEngine implements Engine {
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

    CudaEngine(Architecture arch, int batchSize) {
        this.device = CudaDevice.get();
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
            FloatPointer maskIn = null;
            if (masks != null) {
                if (pre[h] == null) {
                    pre[h] = allocFloats((long) capacity * out);
                    mask[h] = allocFloats((long) capacity * out);
                }
                upload(masks[h], 0, mask[h], count);
                preOut = pre[h];
                maskIn = mask[h];
            }
            if (everActive != null) {
                CudaDevice.check(cudaMemsetAsync(ever[h], 0, (long) out * Integer.BYTES, device.stream), "cudaMemsetAsync");
            }
            launch(device.biasActivate(arch.hiddenActivation()), count, act[h], bias[l], count, out, preOut, maskIn,
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
        download(act[layers], rows * arch.classes(), logits, firstRow * arch.classes());
    }

    @Override
    public void backward(float[] logitGradient, int rows, float[] gradient) {
        upload(logitGradient, 0, delta[layers], rows * arch.classes());
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
            launch(device.backprop(arch.hiddenActivation()), count, delta[l], lastHadMasks ? pre[l] : act[l], count,
                    lastHadMasks ? mask[l] : null);
        }
        download(grads, arch.parameterCount(), gradient, 0);
    }

    /** Launches a kernel over {@code n} elements; arguments are device pointers (null allowed) or ints. */
    private void launch(CUfunc_st function, int n, Object... args) {
        PointerPointer<Pointer> params = new PointerPointer<>(args.length);
        Pointer[] cells = new Pointer[args.length];
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Integer v) {
                cells[i] = new IntPointer(new int[] {v});
            } else {
                // A cell holding the device address (or 0): the kernel parameter is the pointer itself. The
                // address is computed here, since JavaCPP would count a view's position in bytes once the
                // FloatPointer is passed as a plain Pointer.
                Pointer p = (Pointer) a;
                cells[i] = new LongPointer(new long[] {p == null ? 0L : p.address() + p.position() * p.sizeof()});
            }
            params.put(i, cells[i]);
        }
        int blocks = (n + THREADS - 1) / THREADS;
        CudaDevice.checkDriver(cuLaunchKernel(function, blocks, 1, 1, THREADS, 1, 1, 0, device.stream, params, null),
                "cuLaunchKernel");
    }

    private void upload(float[] src, int from, FloatPointer dst, int count) {
        hostFloats.put(src, from, count);
        CudaDevice.check(cudaMemcpyAsync(dst, hostFloats, (long) count * Float.BYTES, cudaMemcpyHostToDevice,
                device.stream), "cudaMemcpyAsync (to the GPU)");
        // The staging buffer is reused by the next copy: wait until this one has read it.
        sync();
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
