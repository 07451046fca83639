package dev.flatline.nn;

import dev.flatline.data.StratifiedSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * Everything one training run needs, derived once from the dataset and the settings: the dense
 * training and validation rows (class weights applied), the network's shape, what each step computes,
 * the starting parameters and the run's random sources.
 *
 * @param shuffleRandom shuffles the minibatches (the range test also draws dropout from it)
 * @param dropoutRandom draws dropout masks
 */
record TrainingData(ImmutableFeatureMap features, ImmutableOutputInfo<Label> outputs, List<String> classNames,
                    Architecture arch, DenseData train, DenseData validation, StepSettings step,
                    float[] initialParameters, SplittableRandom shuffleRandom, SplittableRandom dropoutRandom) {

    /** Checks the dataset against the settings and prepares run number {@code invocation}. */
    static TrainingData prepare(Dataset<Label> examples, MlpSettings s, int invocation) {
        if (examples == null) {
            throw new IllegalArgumentException("The dataset is null: pass the Tribuo Dataset<Label> to train on.");
        }
        if (examples.size() == 0) {
            throw new IllegalArgumentException("The training dataset is empty: a network needs examples of at least "
                    + "two classes.");
        }
        ImmutableOutputInfo<Label> outputs = examples.getOutputIDInfo();
        if (outputs.size() < 2) {
            throw new IllegalArgumentException("The training dataset has only one class " + outputs.getDomain()
                    + ": a classifier needs at least two. Check the label column or the split.");
        }
        ImmutableFeatureMap features = examples.getFeatureIDMap();
        if (features.size() == 0) {
            throw new IllegalArgumentException("The training dataset has no features: give every example at least one.");
        }
        SplittableRandom rng = new SplittableRandom(s.seed() + 0x9E3779B97F4A7C15L * invocation);
        int k = outputs.size();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(outputs.getOutput(c).getLabel());
        }
        DenseData all = DenseData.of(examples, features, outputs, true);
        DenseData train = all;
        DenseData validation = null;
        if (s.validationFraction() > 0) {
            StratifiedSplit split = StratifiedSplit.split(all.labelNames(), s.validationFraction(), rng.nextLong());
            int[] heldOut = split.heldOutRows();
            train = all.rows(split.trainRows());
            validation = heldOut.length > 0 ? all.rows(heldOut) : null;
        }
        if (s.batchSize() > train.rows) {
            throw new IllegalArgumentException("The batch size " + s.batchSize() + " is larger than the " + train.rows
                    + " training rows" + (s.validationFraction() > 0 ? " left after the validation split" : "")
                    + ": use a batch size <= " + train.rows + ".");
        }
        int[] hidden = s.hiddenSizes();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = features.size();
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = k;
        Architecture arch = new Architecture(sizes, s.hiddenActivation(), s.outputActivation());

        long[] counts = train.classCounts(k);
        double[] logPriors = new double[k];
        for (int c = 0; c < k; c++) {
            // Half a row for a class absent from training, so its log prior is finite.
            logPriors[c] = Math.log(Math.max(counts[c], 0.5) / train.rows);
        }
        float[] weights = s.classWeights().vector(names, counts);
        train.scaleWeights(weights);
        if (validation != null) {
            validation.scaleWeights(weights);
        }
        float[] shift = null;
        if (s.loss() == LossFunction.LOGIT_ADJUSTED) {
            shift = new float[k];
            for (int c = 0; c < k; c++) {
                shift[c] = (float) (s.logitAdjustmentTau() * logPriors[c]);
            }
        }
        float[] bias = null;
        if (s.outputBiasFromPriors()) {
            bias = new float[k];
            for (int c = 0; c < k; c++) {
                bias[c] = (float) logPriors[c];
            }
        }
        StepSettings step = new StepSettings(s.loss(), s.focalGamma(), shift, s.l2(), s.dropout(), s.optimiser());
        float[] initial = Initialiser.initialise(arch, s.weightInit(), (float) s.initConstant(), rng.split(), bias);
        // Split in this order so a seed gives the same run as before this record existed.
        SplittableRandom shuffle = rng.split();
        SplittableRandom dropout = rng.split();
        return new TrainingData(features, outputs, List.copyOf(names), arch, train, validation, step, initial,
                shuffle, dropout);
    }
}
