package dev.flatline.nn;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * A trained multilayer perceptron: a Tribuo {@link Model} (works with {@code LabelEvaluator}, Java
 * serialisation and provenance) that also exposes its {@link TrainingHistory} and, for the checks, its
 * architecture and raw outputs.
 *
 * <p>Scores are the output activations; they are probabilities only with a softmax output
 * ({@link #generatesProbabilities()}).
 */
public final class MlpModel extends Model<Label> {
    private static final long serialVersionUID = 1L;

    private final Architecture arch;
    private final float[] parameters;
    private final TrainingHistory history;
    private transient Predictor predictor;

    MlpModel(String name, ModelProvenance provenance, ImmutableFeatureMap features, ImmutableOutputInfo<Label> outputs,
             Architecture arch, float[] parameters, TrainingHistory history) {
        super(name, provenance, features, outputs, arch.output == OutputActivation.SOFTMAX);
        this.arch = arch;
        this.parameters = parameters.clone();
        this.history = history;
    }

    /** The training dynamics of the run that produced this model. */
    public TrainingHistory history() {
        return history;
    }

    /** Layer sizes: inputs, hidden layers, classes. */
    public int[] layerSizes() {
        return arch.sizes.clone();
    }

    /** The hidden activation. */
    public HiddenActivation hiddenActivation() {
        return arch.hidden;
    }

    /** The output activation. */
    public OutputActivation outputActivation() {
        return arch.output;
    }

    /** A copy of the flat parameter vector {@code [W1, b1, W2, b2, ...]} (each W row-major fanIn x fanOut). */
    public float[] parameters() {
        return parameters.clone();
    }

    /** Floating-point operations of one forward pass for one example (matrix products only). */
    public long forwardFlopsPerExample() {
        return arch.forwardFlopsPerExample();
    }

    /** Matrix-product FLOPs of one training step per example (forward and backward). */
    public long trainingFlopsPerExample() {
        return arch.trainingFlopsPerExample();
    }

    /**
     * The output activations for each example, {@code [example][class]} in the order of
     * {@link #getOutputIDInfo()}.
     */
    public float[][] outputs(Iterable<Example<Label>> examples) {
        DenseData data = DenseData.of(examples, featureIDMap, outputIDInfo, false);
        float[] flat = forward(data);
        int k = arch.classes();
        float[][] out = new float[data.rows][k];
        for (int i = 0; i < data.rows; i++) {
            System.arraycopy(flat, i * k, out[i], 0, k);
        }
        return out;
    }

    private synchronized float[] forward(DenseData data) {
        if (predictor == null) {
            Engine engine = Engines.forPath(ComputePath.AUTO).create(arch, 1);
            engine.setParameters(parameters);
            predictor = new Predictor(arch, engine);
        }
        return predictor.outputs(data.x, data.rows, null);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        return innerPredict(Collections.singletonList(example)).get(0);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        DenseData data = DenseData.of(list, featureIDMap, outputIDInfo, false);
        float[] out = forward(data);
        int k = arch.classes();
        List<Prediction<Label>> predictions = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Example<Label> e = list.get(i);
            int used = 0;
            for (org.tribuo.Feature f : e) {
                if (featureIDMap.getID(f.getName()) >= 0) {
                    used++;
                }
            }
            if (used == 0) {
                throw new IllegalArgumentException("Example " + i + " has none of the model's features (it was "
                        + "trained on " + featureIDMap.size() + " features, e.g. " + featureIDMap.get(0).getName()
                        + "): predict on data with the same columns as the training data.");
            }
            Map<String, Label> scores = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < k; c++) {
                String name = outputIDInfo.getOutput(c).getLabel();
                scores.put(name, new Label(name, out[i * k + c]));
                if (out[i * k + c] > out[i * k + best]) {
                    best = c;
                }
            }
            Label top = new Label(outputIDInfo.getOutput(best).getLabel(), out[i * k + best]);
            predictions.add(new Prediction<>(top, scores, used, e, generatesProbabilities));
        }
        return predictions;
    }

    /** Networks have no per-feature ranking; returns an empty map. */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /** Networks give no excuses; always empty. */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected MlpModel copy(String newName, ModelProvenance newProvenance) {
        return new MlpModel(newName, newProvenance, featureIDMap, outputIDInfo, arch, parameters, history);
    }

    @Override
    public String toString() {
        return "MlpModel(" + arch + ", " + arch.parameterCount() + " parameters, " + history.epochs().size()
                + " epochs, " + history.stopMessage() + ")";
    }
}
