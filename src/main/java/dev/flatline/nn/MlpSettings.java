package dev.flatline.nn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything an {@link MlpTrainer} is set to, as one immutable value, checked once when it is made:
 * an invalid value fails here with a message saying which setting, what it was and what to give
 * instead. {@link MlpTrainer.Builder} and olcut configuration both end in one of these.
 *
 * <p>Adding a setting means: a component here (and its check), a field in {@code MlpConfig} with its
 * two conversion lines, a method on the builder, and the code that uses it.
 *
 * @param hiddenSizes          hidden layer sizes (empty: a linear softmax model)
 * @param hiddenActivation     the activation after each hidden layer
 * @param outputActivation     the output activation (softmax for classification; others for R10)
 * @param loss                 what is minimised
 * @param focalGamma           focal loss exponent (R6; used with {@link LossFunction#FOCAL})
 * @param logitAdjustmentTau   logit adjustment strength (B5; used with {@link LossFunction#LOGIT_ADJUSTED})
 * @param optimiser            update rule and learning rate (R8)
 * @param epochs               passes over the training data (R9)
 * @param batchSize            minibatch size
 * @param l2                   coupled L2 penalty {@code 0.5 l2 |W|^2} (R7)
 * @param dropout              probability of dropping a hidden unit in training (R7)
 * @param weightInit           how weights start (R14)
 * @param initConstant         every weight's value under {@link WeightInit#CONSTANT}
 * @param outputBiasFromPriors start the output bias at log class priors (B2)
 * @param classWeights         per-class loss weights (R4; also focal loss's alpha)
 * @param validationFraction   share of each class held out of the training data to validate each epoch
 *                             (0: none); the held-out fraction of {@link dev.flatline.data.StratifiedSplit}
 * @param patience             early stopping after this many epochs without validation improvement (0: off)
 * @param seed                 seed for initialisation, the validation split, shuffling and dropout
 * @param computePath          which engine runs the arithmetic
 * @param progress             show live progress
 */
public record MlpSettings(int[] hiddenSizes, HiddenActivation hiddenActivation, OutputActivation outputActivation,
                          LossFunction loss, double focalGamma, double logitAdjustmentTau, Optimiser optimiser,
                          int epochs, int batchSize, double l2, double dropout, WeightInit weightInit,
                          double initConstant, boolean outputBiasFromPriors, ClassWeighting classWeights,
                          double validationFraction, int patience, long seed, ComputePath computePath,
                          boolean progress) implements Serializable {

    /** Checks every setting; see the class comment. */
    public MlpSettings {
        hiddenSizes = Objects.requireNonNull(hiddenSizes, "hidden sizes are null; pass none for a linear model").clone();
        for (int i = 0; i < hiddenSizes.length; i++) {
            if (hiddenSizes[i] <= 0) {
                throw new IllegalArgumentException("The hidden layer " + (i + 1) + " has size " + hiddenSizes[i]
                        + ": give every hidden layer at least 1 unit (or no hidden layers for a linear model).");
            }
        }
        require(hiddenActivation, "hidden activation", "HiddenActivation.RELU");
        require(outputActivation, "output activation", "OutputActivation.SOFTMAX");
        require(loss, "loss", "LossFunction.CROSS_ENTROPY");
        require(optimiser, "optimiser", "Optimiser.adam(1e-3)");
        require(weightInit, "weight initialisation", "WeightInit.AUTO");
        require(classWeights, "class weights", "ClassWeighting.none()");
        require(computePath, "compute path", "ComputePath.AUTO");
        if (epochs < 1) {
            throw new IllegalArgumentException("The number of epochs is " + epochs + ": train for at least 1 epoch.");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("The batch size is " + batchSize + ": use at least 1 row per batch.");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("The L2 penalty is " + l2 + ": use a finite number >= 0 (0 turns it off).");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("The dropout probability is " + dropout
                    + ": use a probability in [0, 1), such as 0.2 (0 turns it off).");
        }
        if (!(focalGamma >= 0) || Double.isInfinite(focalGamma)) {
            throw new IllegalArgumentException("The focal gamma is " + focalGamma
                    + ": use a finite number >= 0 (2 is the usual value, 0 is plain cross-entropy).");
        }
        if (!Double.isFinite(logitAdjustmentTau)) {
            throw new IllegalArgumentException("The logit adjustment tau is " + logitAdjustmentTau
                    + ": use a finite number (1 is the usual value).");
        }
        if (!Double.isFinite(initConstant)) {
            throw new IllegalArgumentException("The constant initial weight is " + initConstant + ": use a finite number.");
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("The validation fraction is " + validationFraction
                    + ": hold out a share in [0, 1) of the training data, such as 0.1 (0 turns validation off).");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("The early-stopping patience is " + patience
                    + ": use a number of epochs >= 0 (0 turns early stopping off).");
        }
        if (patience > 0 && validationFraction == 0) {
            throw new IllegalArgumentException("Early stopping (patience " + patience + ") watches the validation "
                    + "loss, but the validation fraction is 0: set a validation fraction > 0, such as 0.1.");
        }
        if (loss.needsSoftmax() && outputActivation != OutputActivation.SOFTMAX) {
            throw new IllegalArgumentException(loss + " loss is defined on a SOFTMAX output, not " + outputActivation
                    + ": use output(OutputActivation.SOFTMAX, " + loss + ") or another loss.");
        }
    }

    /** The defaults: two hidden ReLU layers of 64, softmax with cross-entropy, Adam at 1e-3, batch 256, 10 epochs, 10% validation, seed 1. */
    public static MlpSettings defaults() {
        return new MlpConfig().toSettings();
    }

    private static void require(Object value, String what, String example) {
        if (value == null) {
            throw new IllegalArgumentException("The " + what + " is null: pass one, such as " + example + ".");
        }
    }

    /** A copy of the hidden layer sizes. */
    @Override
    public int[] hiddenSizes() {
        return hiddenSizes.clone();
    }

    /**
     * The warning for a wrong output/loss pairing (R10), or null when the pairing is right: the
     * problem in words, what to do, and the recipe with the notebook that shows it.
     */
    String pairingWarning() {
        if (outputActivation == OutputActivation.SOFTMAX && loss != LossFunction.MEAN_SQUARED_ERROR) {
            return null;
        }
        if (outputActivation == OutputActivation.SOFTMAX) {
            return "Softmax with mean squared error trains slowly on classes (gradients vanish for confident "
                    + "wrong outputs): prefer cross-entropy (R10, notebook 06-architecture).";
        }
        String why;
        if (loss == LossFunction.MEAN_SQUARED_ERROR) {
            why = "its outputs are not probabilities, and squared error against one-hot targets trains slowly";
        } else if (outputActivation == OutputActivation.SIGMOID) {
            why = "sigmoid outputs need not sum to one, so categorical cross-entropy pushes every output up";
        } else {
            why = "cross-entropy takes the log of outputs that can be zero or negative, which gives NaN";
        }
        return "Output activation " + outputActivation + " with " + loss + " is a wrong pairing for single-label "
                + "classification: " + why + ". Use SOFTMAX with CROSS_ENTROPY (R10, notebook 06-architecture).";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpSettings s && Arrays.equals(hiddenSizes, s.hiddenSizes)
                && hiddenActivation == s.hiddenActivation && outputActivation == s.outputActivation && loss == s.loss
                && focalGamma == s.focalGamma && logitAdjustmentTau == s.logitAdjustmentTau
                && optimiser.equals(s.optimiser) && epochs == s.epochs && batchSize == s.batchSize && l2 == s.l2
                && dropout == s.dropout && weightInit == s.weightInit && initConstant == s.initConstant
                && outputBiasFromPriors == s.outputBiasFromPriors && classWeights.equals(s.classWeights)
                && validationFraction == s.validationFraction && patience == s.patience && seed == s.seed
                && computePath == s.computePath && progress == s.progress;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(hiddenSizes), hiddenActivation, outputActivation, loss, focalGamma,
                logitAdjustmentTau, optimiser, epochs, batchSize, l2, dropout, weightInit, initConstant,
                outputBiasFromPriors, classWeights, validationFraction, patience, seed, computePath, progress);
    }

    /** The settings that differ from plain training, on one line. */
    @Override
    public String toString() {
        return "hidden=" + Arrays.toString(hiddenSizes) + ", " + hiddenActivation + ", " + outputActivation + "+" + loss
                + (loss == LossFunction.FOCAL ? "(gamma=" + focalGamma + ")" : "")
                + (loss == LossFunction.LOGIT_ADJUSTED ? "(tau=" + logitAdjustmentTau + ")" : "")
                + ", " + optimiser + ", epochs=" + epochs + ", batch=" + batchSize
                + (l2 > 0 ? ", l2=" + l2 : "") + (dropout > 0 ? ", dropout=" + dropout : "")
                + ", init=" + weightInit + (weightInit == WeightInit.CONSTANT ? "(" + initConstant + ")" : "")
                + (outputBiasFromPriors ? ", output bias from priors" : "")
                + (classWeights.equals(ClassWeighting.none()) ? "" : ", " + classWeights)
                + String.format(Locale.ROOT, ", validation=%s", validationFraction)
                + (patience > 0 ? ", patience=" + patience : "") + ", seed=" + seed
                + (computePath != ComputePath.AUTO ? ", path=" + computePath : "");
    }
}
