package dev.flatline.nn;

/** Which implementation of the arithmetic the trainer uses. Both compute the same losses. */
public enum ComputePath {
    /** {@link #FAST} on ND4J's CPU backend, {@link #REFERENCE} on any other backend (CUDA). */
    AUTO,
    /** Preallocated ND4J buffers with products sent straight to OpenBLAS (CPU backend only). */
    FAST,
    /** ND4J's op API throughout: slower on the CPU, runs on every backend. */
    REFERENCE
}
