package dev.flatline.remedies;

import dev.flatline.data.CheckData;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.LossFunction;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.OutputActivation;
import dev.flatline.nn.WeightInit;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Every change a checkup can try, in one place: each finding's remedy ({@code dev.flatline.checks.Remedy}) carries
 * one of these, so the advice, the code line it shows and the change the checkup tries are one object and cannot
 * disagree. Data changes make a new {@link CheckData} (standardised, aligned, columns dropped, rows weighted by
 * {@link ClassWeights}); network changes rebuild the {@link MlpTrainer} with one setting changed (they apply to
 * networks only). None changes the data or trainer it is given.
 */
public final class Changes {

    private Changes() {
    }

    /** Standardisation fitted on the training part (R19). */
    public static Change standardise() {
        return Change.data("features standardised on the training part (R19)", "data.standardised()",
                CheckData::standardisedCopy);
    }

    /** The test part's columns aligned to the training part's mean and deviation, without retraining. */
    public static Change testAlignedToTrain() {
        return Change.testSide("test features aligned to the training part's mean and deviation (test side, no "
                + "retraining)", "data.standardised()", CheckData::testAlignedToTrain);
    }

    /**
     * The test part's columns given the names of the training columns they are distributed like, without retraining:
     * test column {@code key} becomes the feature {@code value} ({@link dev.flatline.data.ColumnMatch}).
     */
    public static Change testColumnsRenamed(Map<String, String> names) {
        String pairs = String.join(", ", names.entrySet().stream()
                .map(e -> "'" + e.getKey() + "' holds '" + e.getValue() + "'").toList());
        return Change.testSide("test columns renamed to the training columns they are distributed like (test side, "
                + "no retraining)", "// encode the test file as the training file: " + pairs,
                d -> d.testColumnsRenamed(names));
    }

    /** These columns dropped from both parts. */
    public static Change dropColumns(Collection<String> columns) {
        String names = String.join(", ", columns.stream()
                .map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList());
        return Change.data("constant columns dropped", "CsvData.from(path).ignoreColumns(" + names + ")",
                d -> d.withoutFeatures(new LinkedHashSet<>(columns)));
    }

    /**
     * Balanced class weights {@code w_c = n / (K n_c)} from {@link ClassWeights} (R4): through a network's own loss
     * weights, or as Tribuo example weights on a weighted copy of the training part for any other trainer (Tribuo's
     * SGD trainers and CART honour them).
     *
     * @param network whether the checked trainer is a network (the code line shown differs)
     */
    public static Change balancedClassWeights(boolean network) {
        return new Change("balanced class weights w_c = n / (K n_c) (R4)", network
                ? "MlpTrainer.builder()...classWeights(ClassWeights.balanced(train).asMap())"
                : "ClassWeights.balanced(train).applyTo(train)",
                (data, trainer) -> {
                    ClassWeights weights = ClassWeights.balanced(data.train());
                    return trainer instanceof MlpTrainer mlp
                            ? new Change.Attempt(data, mlp.toBuilder().classWeights(weights.asMap()).build())
                            : new Change.Attempt(data.withTrain(weights.applyTo(data.train())), trainer);
                });
    }

    /** Another learning rate; {@code why} says where it comes from, e.g. "from the sweep". */
    public static Change learningRate(double rate, String why) {
        return Change.trainer("learning rate " + rate + " (" + why + ")", "MlpTrainer.builder()...learningRate("
                + rate + ")", t -> mlp(t).learningRate(rate).build());
    }

    /** Leaky ReLU hidden units, which cannot die. */
    public static Change leakyRelu() {
        return Change.trainer("leaky ReLU hidden units (cannot die)",
                "MlpTrainer.builder()...hiddenActivation(HiddenActivation.LEAKY_RELU)",
                t -> mlp(t).hiddenActivation(HiddenActivation.LEAKY_RELU).build());
    }

    /** The output bias started at the log class priors (B2). */
    public static Change outputBiasFromPriors() {
        return Change.trainer("output bias started at the log class priors",
                "MlpTrainer.builder()...outputBiasFromPriors(true)", t -> mlp(t).outputBiasFromPriors(true).build());
    }

    /** A softmax output with cross-entropy loss. */
    public static Change softmaxCrossEntropy() {
        return Change.trainer("softmax output with cross-entropy",
                "MlpTrainer.builder()...output(OutputActivation.SOFTMAX, LossFunction.CROSS_ENTROPY)",
                t -> mlp(t).output(OutputActivation.SOFTMAX, LossFunction.CROSS_ENTROPY).build());
    }

    /** Three times the {@code configured} epochs, for training that stopped while the loss still fell. */
    public static Change tripleEpochs(int configured) {
        int epochs = 3 * configured;
        return Change.trainer("3x the epochs (" + epochs + ")", "MlpTrainer.builder()...epochs(" + epochs + ")",
                t -> mlp(t).epochs(epochs).build());
    }

    /** Early stopping after {@code patience} epochs without a better validation loss. */
    public static Change earlyStopping(int patience) {
        return Change.trainer("early-stopping patience " + patience, "MlpTrainer.builder()...earlyStopping("
                + patience + ")", t -> mlp(t).earlyStopping(patience).build());
    }

    /** A shallow network: two hidden ReLU layers of 64 (R17: start simple). */
    public static Change shallowRelu() {
        return Change.trainer("two hidden ReLU layers of 64", "MlpTrainer.builder()...hidden(64, 64)"
                + ".hiddenActivation(HiddenActivation.RELU)",
                t -> mlp(t).hidden(64, 64).hiddenActivation(HiddenActivation.RELU).build());
    }

    /** A random initialisation (He for ReLU, Xavier for tanh and sigmoid: {@link WeightInit#AUTO}). */
    public static Change randomInitialisation() {
        return Change.trainer("random initialisation (WeightInit.AUTO)",
                "MlpTrainer.builder()...weightInit(WeightInit.AUTO)", t -> mlp(t).weightInit(WeightInit.AUTO).build());
    }

    /** A builder from a network trainer; a network change applied to another trainer is an error (not tried). */
    private static MlpTrainer.Builder mlp(Trainer<Label> trainer) {
        if (!(trainer instanceof MlpTrainer mlp)) {
            throw new IllegalStateException("a network change was offered for " + trainer.getClass().getSimpleName());
        }
        return mlp.toBuilder().progress(false);
    }
}
