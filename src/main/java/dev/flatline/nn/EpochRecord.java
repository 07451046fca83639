package dev.flatline.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What happened in one epoch. Validation fields are NaN (or empty arrays) when the trainer has no
 * validation split; training accuracy and the training prediction histogram come free from the
 * minibatches as they were trained (the network changes during the epoch, so they lag slightly).
 *
 * @param epoch                         1-based epoch number
 * @param trainLoss                     mean minibatch loss
 * @param trainAccuracy                 accuracy of the minibatch predictions during the epoch
 * @param validationLoss                loss on the validation split after the epoch
 * @param validationAccuracy            accuracy on the validation split
 * @param validationBalancedAccuracy    mean per-class recall on the validation split (R22)
 * @param trainPredictedCounts          how often each class was predicted on the training minibatches
 * @param validationPredictedCounts     how often each class was predicted on the validation split (B4)
 * @param gradientNorms                 per weight layer, mean gradient norm over the epoch's steps (B7)
 * @param deadUnitFractions             per hidden layer, the share of units that output zero for every
 *                                      probed example (R16)
 * @param learningRate                  the learning rate used
 * @param seconds                       wall time of the epoch, evaluation included
 */
public record EpochRecord(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                          double validationAccuracy, double validationBalancedAccuracy,
                          long[] trainPredictedCounts, long[] validationPredictedCounts,
                          double[] gradientNorms, double[] deadUnitFractions, double learningRate,
                          double seconds) implements Serializable {

    /** Each class's share of the validation predictions (of the training ones without validation). */
    public double[] predictedShares() {
        long[] counts = validationPredictedCounts.length > 0 ? validationPredictedCounts : trainPredictedCounts;
        long total = Arrays.stream(counts).sum();
        return Arrays.stream(counts).mapToDouble(c -> total == 0 ? 0 : (double) c / total).toArray();
    }

    /** How many classes received at least one prediction (1 means the model has collapsed, R23). */
    public int classesPredicted() {
        long[] counts = validationPredictedCounts.length > 0 ? validationPredictedCounts : trainPredictedCounts;
        return (int) Arrays.stream(counts).filter(c -> c > 0).count();
    }

    @Override
    public String toString() {
        return String.format("epoch %d: train loss %.4f, val loss %.4f, val bal. acc %.3f, predicted %s",
                epoch, trainLoss, validationLoss, validationBalancedAccuracy,
                Arrays.toString(validationPredictedCounts.length > 0 ? validationPredictedCounts : trainPredictedCounts));
    }
}
