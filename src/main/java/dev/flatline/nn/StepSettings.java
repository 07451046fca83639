package dev.flatline.nn;

/**
 * What one training step computes, fixed for one training run (derived from {@link MlpSettings} and the
 * data by {@link TrainingData}).
 *
 * @param loss          what is minimised
 * @param focalGamma    focal loss exponent
 * @param logitShift    per-class {@code tau log prior} added to the logits in training (logit-adjusted
 *                      loss), or null
 * @param l2            coupled L2 penalty {@code 0.5 l2 |W|^2} on weights (not biases)
 * @param dropout       probability of dropping a hidden unit in training (inverted dropout)
 * @param optimiser     the update rule
 */
record StepSettings(LossFunction loss, double focalGamma, float[] logitShift, double l2, double dropout,
                    Optimiser optimiser) {

    /** Settings for forward passes only (no step is taken). */
    static StepSettings forInference() {
        return new StepSettings(LossFunction.CROSS_ENTROPY, 0, null, 0, 0, Optimiser.sgd(1));
    }
}
