package dev.flatline.nn;

import org.nd4j.linalg.factory.Nd4j;

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
                            + Nd4j.getBackend().getClass().getSimpleName() + " is in use: use ComputePath.AUTO "
                            + "or REFERENCE");
                }
                return BlasEngine::new;
            case REFERENCE:
                return Nd4jOpEngine::new;
            default:
                return isCpuBackend() ? BlasEngine::new : Nd4jOpEngine::new;
        }
    }

    /** Whether ND4J runs on its CPU backend, which bundles the OpenBLAS the fast path calls. */
    static boolean isCpuBackend() {
        return Nd4j.getBackend().getClass().getName().toLowerCase().contains("cpu");
    }
}
