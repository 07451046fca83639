package dev.flatline.nn;

/** Which {@link Engine} a {@link ComputePath} means on the ND4J backend in use. */
final class Engines {
    private Engines() {
    }

    /**
     * The factory for a path: {@link ComputePath#FAST} is {@link BlasEngine} (CPU backend only),
     * {@link ComputePath#REFERENCE} is {@link Nd4jOpEngine}, {@link ComputePath#AUTO} the fast one where
     * it can run, {@link ComputePath#CUDA} the optional CUDA engine ({@link #cuda()}).
     */
    static Engine.Factory forPath(ComputePath path) {
        switch (path) {
            case FAST:
                if (!isCpuBackend()) {
                    throw new IllegalStateException("the FAST compute path needs ND4J's CPU backend, but "
                            + "the class path has another: use ComputePath.AUTO or REFERENCE");
                }
                return BlasEngine::new;
            case REFERENCE:
                return Nd4jOpEngine::new;
            case CUDA:
                return cuda();
            default:
                return isCpuBackend() ? BlasEngine::new : Nd4jOpEngine::new;
        }
    }

    /** The optional CUDA engine's entry point (sources in {@code src/cuda/java}, built with {@code -Pcuda13}). */
    static final String CUDA_ENGINES = "dev.flatline.nn.CudaEngines";

    /**
     * The CUDA engine's factory, found by name so that the core never depends on the CUDA presets (the
     * default build does not have them). Fails with one line, saying what is missing and what to do,
     * when the engine is not on the class path or finds no GPU.
     */
    static Engine.Factory cuda() {
        return cuda(CUDA_ENGINES);
    }

    /** {@link #cuda()} with the entry point's class name given (tests name one that is absent). */
    static Engine.Factory cuda(String entryPoint) {
        Class<?> entry;
        try {
            entry = Class.forName(entryPoint, true, Engines.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("ComputePath.CUDA: the CUDA engine is not on the class path (this build "
                    + "has no GPU support); build with 'mvn -Pcuda13 package' on a machine with an NVIDIA GPU and "
                    + "CUDA 13, or use ComputePath.AUTO to train on the CPU.");
        }
        try {
            return (Engine.Factory) entry.getMethod("factory").invoke(null);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("ComputePath.CUDA: the CUDA engine failed to start (" + cause
                    + "); use ComputePath.AUTO to train on the CPU.", cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("ComputePath.CUDA: " + entryPoint + " has no public static factory() ("
                    + e + "); rebuild with 'mvn -Pcuda13 package'.", e);
        }
    }

    /**
     * Whether ND4J runs (or would run) on its CPU backend, which bundles the OpenBLAS the fast path calls.
     * Answered from the class path, without starting ND4J (half a second the fast path does not need):
     * ND4J picks the highest-priority backend present, and its CUDA backend outranks the CPU one.
     */
    static boolean isCpuBackend() {
        return present("org.nd4j.linalg.cpu.nativecpu.CpuBackend") && !present("org.nd4j.linalg.jcublas.JCublasBackend");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, Engines.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
