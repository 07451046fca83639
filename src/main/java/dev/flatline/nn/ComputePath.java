package dev.flatline.nn;

/** Which implementation of the arithmetic the trainer uses. Both compute the same losses. */
public enum ComputePath {
    /** {@link #FAST} on ND4J's CPU backend, {@link #REFERENCE} on any other backend (CUDA). */
    AUTO,
    /** Native buffers with matrix products sent straight to OpenBLAS, without starting ND4J (CPU backend only). */
    FAST,
    /** Matrix products and activations through ND4J's op API: slower on the CPU, runs on every backend. */
    REFERENCE
}
