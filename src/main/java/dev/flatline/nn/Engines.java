package dev.flatline.nn;

/** Which {@link Engine} a {@link ComputePath} means on the ND4J backend in use. */
final class Engines {
    private Engines() {
    }

    /**
     * The factory for a path: {@link ComputePath#FAST} is {@link BlasEngine} (CPU backend only),
     * {@link ComputePath#REFERENCE} is {@link Nd4jOpEngine}, {@link ComputePath#AUTO} the fast one where
     * it can run.
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
            default:
                return isCpuBackend() ? BlasEngine::new : Nd4jOpEngine::new;
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
