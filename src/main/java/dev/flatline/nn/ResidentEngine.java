package dev.flatline.nn;

/**
 * An {@link Engine} that can also run the whole training step where its memory is (a GPU), an epoch at a
 * time: the output activation, the loss and its gradient (the formulas of {@link OutputLoss}), L2, the
 * per-layer gradient norms and the optimiser's update (those of {@link OptimiserState}) run there, the
 * training rows stay there for the run, and the epoch's history comes back in one copy. An optional
 * capability: {@code TrainingRun} uses it when the engine implements it and {@link #trainsResident} says
 * yes, and steps on the host ({@code TrainingStep}) otherwise; the CPU engines do not implement it, and
 * the learning-rate range test always steps on the host.
 *
 * <p>The row order and the dropout masks still come from the trainer's random sources, drawn in the
 * order {@code TrainingStep} draws them, so an epoch trains what the host step would and the
 * engine-agreement test applies unchanged.
 */
interface ResidentEngine extends Engine {

    /** Whether the whole step runs on the engine for these settings (false: the trainer steps on the host). */
    boolean trainsResident(StepSettings settings);

    /** Keeps the training rows on the engine for the run; called once, after the first {@link #setParameters}. */
    void startTraining(StepSettings settings, DenseData train, int batchSize);

    /**
     * One epoch of minibatches of {@code batchSize} rows (the last may be shorter) in the given row order,
     * each the step {@code TrainingStep.train} takes; parameters and optimiser state persist across epochs.
     *
     * @param order the training rows' order for this epoch
     * @param masks null without dropout; otherwise, per hidden layer {@code l} (entry 0 unused), every step's
     *              {@code rows x size(l)} dropout factors one after another, in step order
     */
    EpochTotals trainEpoch(int[] order, float[][] masks, double learningRate);

    /** A copy of the parameters. */
    float[] parameters();

    /** Keeps a copy of the parameters on the engine, for {@link #restoreParameters()}. */
    void saveParameters();

    /** Puts back the parameters of the last {@link #saveParameters()} (after a divergence). */
    void restoreParameters();

    /**
     * What an epoch leaves for the history.
     *
     * @param stepLosses       each step's weighted mean loss, L2 included (NaN or infinite on divergence)
     * @param correct          training rows whose predicted class was right
     * @param predictedCounts  per class, how many rows were predicted as it
     * @param gradientNormSums per weight layer, the sum over steps of the gradient's norm
     */
    record EpochTotals(double[] stepLosses, long correct, long[] predictedCounts, double[] gradientNormSums) {
    }
}
