package dev.flatline.nn;

/**
 * A network's outputs for any number of rows: the engine's logits, a slice at a time, then the output
 * activation ({@link OutputLoss}, the same code as in training, without the logit-adjusted shift).
 */
final class Predictor {
    private final Architecture arch;
    private final Engine engine;
    private final OutputLoss output;

    Predictor(Architecture arch, Engine engine) {
        this.arch = arch;
        this.engine = engine;
        this.output = OutputLoss.forInference(arch.outputActivation(), arch.classes());
    }

    /**
     * The outputs of {@code rows} rows of {@code x}, {@code rows x classes}.
     *
     * @param everActive as in {@link Engine#forward}; may be null
     */
    float[] outputs(float[] x, int rows, boolean[][] everActive) {
        float[] out = new float[rows * arch.classes()];
        int slice = engine.maxRows();
        for (int start = 0; start < rows; start += slice) {
            engine.forward(x, start, Math.min(slice, rows - start), null, out, everActive);
        }
        output.activate(out, rows, false);
        return out;
    }
}
