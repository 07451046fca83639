package dev.flatline.nn;

/**
 * The CUDA engine's entry point, which {@code Engines.cuda()} finds by name so that the core has no
 * dependency on the CUDA presets. {@link #factory()} answers only when a GPU can be used, and otherwise
 * fails with one line saying what is missing.
 */
public final class CudaEngines {
    private CudaEngines() {
    }

    /**
     * The factory of {@code CudaEngine}, after starting the GPU (once per JVM).
     *
     * @throws IllegalStateException with one line when the CUDA runtime or a GPU is missing
     */
    public static Engine.Factory factory() {
        CudaDevice.get();
        return CudaEngine::new;
    }

    /** Whether a GPU can be used here (starts it if so); never throws. */
    public static boolean available() {
        try {
            CudaDevice.get();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
