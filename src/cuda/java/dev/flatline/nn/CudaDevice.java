package dev.flatline.nn;

import static org.bytedeco.cuda.global.cublas.cublasCreate_v2;
import static org.bytedeco.cuda.global.cublas.cublasGetStatusString;
import static org.bytedeco.cuda.global.cublas.cublasSetStream_v2;
import static org.bytedeco.cuda.global.cudart.CUDA_SUCCESS;
import static org.bytedeco.cuda.global.cudart.cuGetErrorString;
import static org.bytedeco.cuda.global.cudart.cuModuleGetFunction;
import static org.bytedeco.cuda.global.cudart.cuModuleLoadData;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMajor;
import static org.bytedeco.cuda.global.cudart.cudaDevAttrComputeCapabilityMinor;
import static org.bytedeco.cuda.global.cudart.cudaDeviceGetAttribute;
import static org.bytedeco.cuda.global.cudart.cudaFree;
import static org.bytedeco.cuda.global.cudart.cudaGetDeviceCount;
import static org.bytedeco.cuda.global.cudart.cudaGetErrorString;
import static org.bytedeco.cuda.global.cudart.cudaSetDevice;
import static org.bytedeco.cuda.global.cudart.cudaStreamCreate;
import static org.bytedeco.cuda.global.nvrtc.NVRTC_SUCCESS;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCompileProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcCreateProgram;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetErrorString;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTX;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetPTXSize;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLog;
import static org.bytedeco.cuda.global.nvrtc.nvrtcGetProgramLogSize;

import java.util.EnumMap;
import java.util.Map;
import org.bytedeco.cuda.cublas.cublasContext;
import org.bytedeco.cuda.cudart.CUfunc_st;
import org.bytedeco.cuda.cudart.CUmod_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cublas;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.cuda.global.nvrtc;
import org.bytedeco.cuda.nvrtc._nvrtcProgram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacpp.SizeTPointer;

/**
 * The GPU of this JVM, started once: device 0, one stream, one cuBLAS handle on it, and the kernels of
 * {@link CudaKernels} compiled by NVRTC for this device's architecture. Every engine shares it (calls come
 * from one thread at a time, as the {@link Engine} contract says).
 */
final class CudaDevice {
    private static CudaDevice instance;

    final CUstream_st stream;
    final cublasContext blas;
    final String name;
    private final Map<HiddenActivation, CUfunc_st> biasActivate = new EnumMap<>(HiddenActivation.class);
    private final Map<HiddenActivation, CUfunc_st> backprop = new EnumMap<>(HiddenActivation.class);
    final CUfunc_st biasAdd;
    final CUfunc_st gather;
    final CUfunc_st loss;
    final CUfunc_st l2Norms;
    private final Map<OptimiserKind, CUfunc_st> update = new EnumMap<>(OptimiserKind.class);

    private CudaDevice() {
        int[] count = {0};
        int status = cudaGetDeviceCount(count);
        if (status != 0 || count[0] == 0) {
            throw new IllegalStateException("ComputePath.CUDA: no GPU was found (cudaGetDeviceCount: "
                    + (status != 0 ? cudaGetErrorString(status).getString() : "0 devices")
                    + "); train on the CPU with ComputePath.AUTO, or run on a machine with an NVIDIA GPU and its driver.");
        }
        check(cudaSetDevice(0), "cudaSetDevice");
        check(cudaFree(null), "cudaFree (context start)");
        int[] major = {0};
        int[] minor = {0};
        check(cudaDeviceGetAttribute(major, cudaDevAttrComputeCapabilityMajor, 0), "cudaDeviceGetAttribute");
        check(cudaDeviceGetAttribute(minor, cudaDevAttrComputeCapabilityMinor, 0), "cudaDeviceGetAttribute");
        name = "GPU 0 (compute capability " + major[0] + "." + minor[0] + ")";
        stream = new CUstream_st();
        check(cudaStreamCreate(stream), "cudaStreamCreate");
        blas = new cublasContext();
        checkBlas(cublasCreate_v2(blas), "cublasCreate");
        checkBlas(cublasSetStream_v2(blas, stream), "cublasSetStream");
        CUmod_st module = new CUmod_st();
        BytePointer ptx = compile(CudaKernels.source(), "compute_" + major[0] + minor[0]);
        checkDriver(cuModuleLoadData(module, ptx), "cuModuleLoadData");
        for (HiddenActivation a : HiddenActivation.values()) {
            biasActivate.put(a, function(module, CudaKernels.biasActivateName(a)));
            backprop.put(a, function(module, CudaKernels.backpropName(a)));
        }
        biasAdd = function(module, CudaKernels.BIAS_ADD);
        gather = function(module, CudaKernels.GATHER);
        loss = function(module, CudaKernels.LOSS);
        l2Norms = function(module, CudaKernels.L2_NORMS);
        for (OptimiserKind kind : OptimiserKind.values()) {
            update.put(kind, function(module, CudaKernels.updateName(kind)));
        }
    }

    CUfunc_st update(OptimiserKind kind) {
        return update.get(kind);
    }

    /**
     * The device, started on first use.
     *
     * @throws IllegalStateException with one line when the CUDA libraries or a GPU are missing
     */
    static synchronized CudaDevice get() {
        if (instance == null) {
            try {
                Loader.load(cudart.class);
                Loader.load(cublas.class);
                Loader.load(nvrtc.class);
            } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
                throw new IllegalStateException("ComputePath.CUDA: no CUDA 13 runtime was found (" + firstLine(e)
                        + "); on a machine with an NVIDIA GPU put CUDA 13's lib folder (libcudart.so.13, "
                        + "libcublas.so.13, libnvrtc.so.13) on LD_LIBRARY_PATH, or train on the CPU with ComputePath.AUTO.");
            }
            instance = new CudaDevice();
        }
        return instance;
    }

    CUfunc_st biasActivate(HiddenActivation a) {
        return biasActivate.get(a);
    }

    CUfunc_st backprop(HiddenActivation a) {
        return backprop.get(a);
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static BytePointer compile(String source, String arch) {
        _nvrtcProgram program = new _nvrtcProgram();
        checkNvrtc(nvrtcCreateProgram(program, new BytePointer(source), new BytePointer("flatline.cu"), 0,
                (PointerPointer<?>) null, (PointerPointer<?>) null), "nvrtcCreateProgram");
        // No fast-math: expf and tanhf must stay the accurate functions the formula test assumed.
        PointerPointer<BytePointer> options = new PointerPointer<>("--gpu-architecture=" + arch, "--fmad=false");
        int status = nvrtcCompileProgram(program, 2, options);
        if (status != NVRTC_SUCCESS) {
            SizeTPointer logSize = new SizeTPointer(1);
            nvrtcGetProgramLogSize(program, logSize);
            BytePointer log = new BytePointer(logSize.get());
            nvrtcGetProgramLog(program, log);
            throw new IllegalStateException("NVRTC could not compile flatline's kernels for " + arch + ": "
                    + log.getString().replace('\n', ' '));
        }
        SizeTPointer size = new SizeTPointer(1);
        checkNvrtc(nvrtcGetPTXSize(program, size), "nvrtcGetPTXSize");
        BytePointer ptx = new BytePointer(size.get());
        checkNvrtc(nvrtcGetPTX(program, ptx), "nvrtcGetPTX");
        return ptx;
    }

    private static CUfunc_st function(CUmod_st module, String name) {
        CUfunc_st f = new CUfunc_st();
        checkDriver(cuModuleGetFunction(f, module, name), "cuModuleGetFunction " + name);
        return f;
    }

    static void check(int status, String call) {
        if (status != 0) {
            throw new IllegalStateException(call + " failed: " + cudaGetErrorString(status).getString());
        }
    }

    static void checkBlas(int status, String call) {
        if (status != 0) {
            throw new IllegalStateException(call + " failed: " + cublasGetStatusString(status).getString());
        }
    }

    static void checkDriver(int status, String call) {
        if (status != CUDA_SUCCESS) {
            PointerPointer<BytePointer> message = new PointerPointer<>(1);
            cuGetErrorString(status, message);
            throw new IllegalStateException(call + " failed: CUDA driver error " + status
                    + (message.get(0) == null ? "" : " (" + message.getString(0) + ")"));
        }
    }

    private static void checkNvrtc(int status, String call) {
        if (status != NVRTC_SUCCESS) {
            throw new IllegalStateException(call + " failed: " + nvrtcGetErrorString(status).getString());
        }
    }
}
