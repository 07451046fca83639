package dev.flatline.nn;

/** Which implementation of the arithmetic the trainer uses. All compute the same losses. */
public enum ComputePath {
    /**
     * {@link #FAST} on ND4J's CPU backend, {@link #REFERENCE} on any other backend (ND4J's CUDA 11).
     * Never {@link #CUDA}: where a GPU starts to pay has not been measured yet.
     */
    AUTO,
    /** Native buffers with matrix products sent straight to OpenBLAS, without starting ND4J (CPU backend only). */
    FAST,
    /** Matrix products and activations through ND4J's op API: slower on the CPU, runs on every backend. */
    REFERENCE,
    /**
     * An NVIDIA GPU through CUDA 13 (cuBLAS and NVRTC-compiled kernels, via JavaCPP's CUDA presets). Needs
     * the optional CUDA engine on the class path (a build with {@code -Pcuda13}) and a GPU; without either,
     * training fails at once with one line saying which is missing. Not yet measured on a GPU.
     */
    CUDA
}
