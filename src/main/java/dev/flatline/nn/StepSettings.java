package dev.flatline.nn;

/**
 * The per-step settings an engine needs, fixed for one training run.
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
    StepSettings withLearningRate(double lr) {
        return new StepSettings(loss, focalGamma, logitShift, l2, dropout, optimiser.withLearningRate(lr));
    }
}
