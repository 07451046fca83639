package dev.flatline.nn;

import java.util.Arrays;

/**
 * The result of {@link MlpTrainer#learningRateRangeTest}: the training loss after each step while the
 * learning rate grows exponentially (B8). Plot {@code losses} against {@code learningRates} on a log
 * axis; a good rate sits on the steep descent, well before the loss turns up.
 *
 * @param learningRates           the rate used at each step
 * @param losses                  the minibatch loss at each step, exponentially smoothed (factor 0.9)
 * @param suggestedLearningRate   a tenth of the rate at the smoothed loss minimum
 */
public record LearningRateRangeTest(double[] learningRates, double[] losses, double suggestedLearningRate) {
    @Override
    public String toString() {
        return "LearningRateRangeTest(" + learningRates.length + " steps from " + learningRates[0] + " to "
                + learningRates[learningRates.length - 1] + ", suggested " + suggestedLearningRate + ", losses "
                + Arrays.toString(Arrays.copyOf(losses, Math.min(5, losses.length))) + "...)";
    }
}
