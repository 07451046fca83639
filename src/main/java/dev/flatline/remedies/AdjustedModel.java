package dev.flatline.remedies;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;

/**
 * Post-hoc logit adjustment and threshold moving (recipe B5; Menon et al. 2021, "Long-tail learning
 * via logit adjustment"): a {@code Model<Label>} that wraps a trained model which gives class
 * probabilities and moves its decision towards rare classes, without retraining.
 *
 * <p>Both remedies subtract a per-class offset from the log-probabilities and take the largest:
 * {@link #logitAdjusted(Model, Map, double)} uses {@code tau * log prior_c} (tau = 1 is the
 * balanced-error-optimal choice for a calibrated model), {@link #thresholds(Model, Map)} uses
 * {@code log t_c}, i.e. predicts the class with the largest {@code p_c / t_c}; with two classes and
 * thresholds {@code t} and {@code 1 - t} that is "positive when {@code p > t}". The output scores are
 * the adjusted probabilities, renormalised to sum to 1. {@link #priorShift(Model, Map, Map)} uses the same
 * offsets to undo what class weights and resampling did to the probabilities (calibration).
 *
 * <p>Explanations and top features are those of the wrapped model; this wrapper cannot be saved in
 * Tribuo's protobuf format (keep the wrapped model and the offsets instead).
 */
public final class AdjustedModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    private final Model<Label> inner;
    private final Map<String, Double> offsets;
    private final String adjustment;

    private AdjustedModel(String name, ModelProvenance provenance, Model<Label> inner, Map<String, Double> offsets,
            String adjustment) {
        super(name, provenance, inner.getFeatureIDMap(), inner.getOutputIDInfo(), true);
        this.inner = inner;
        this.offsets = offsets;
        this.adjustment = adjustment;
    }

    /**
     * Logit adjustment with the class priors of the training data: {@code log p_c - tau * log prior_c}.
     *
     * @param classCounts rows per class of the data the model was trained on (every class the model knows)
     * @param tau         strength, at least 0 (0 changes nothing; 1 is the usual choice)
     */
    public static AdjustedModel logitAdjusted(Model<Label> model, Map<String, ? extends Number> classCounts,
            double tau) {
        requireProbabilities(model);
        if (!(tau >= 0) || Double.isInfinite(tau)) {
            throw new IllegalArgumentException("tau must be a finite number of at least 0, was " + tau);
        }
        if (classCounts == null) {
            throw new IllegalArgumentException("class counts are null; pass the training data's rows per class");
        }
        double total = 0;
        for (Label label : model.getOutputIDInfo().getDomain()) {
            Number count = classCounts.get(label.getLabel());
            if (count == null || !(count.doubleValue() > 0)) {
                throw new IllegalArgumentException("the class counts give class '" + label.getLabel() + "' " + count
                        + " rows; logit adjustment needs a positive count for every class the model predicts, "
                        + "from the data it was trained on");
            }
            total += count.doubleValue();
        }
        Map<String, Double> offsets = new TreeMap<>();
        for (Label label : model.getOutputIDInfo().getDomain()) {
            offsets.put(label.getLabel(), tau * Math.log(classCounts.get(label.getLabel()).doubleValue() / total));
        }
        return wrap(model, offsets, String.format(Locale.ROOT, "logit adjustment, tau %s, priors from %s", tau,
                classCounts));
    }

    /** Logit adjustment with the priors of the training dataset {@code train}. */
    public static AdjustedModel logitAdjusted(Model<Label> model, Dataset<Label> train, double tau) {
        return logitAdjusted(model, ClassLabels.counts(ClassLabels.of(train, "logitAdjusted")), tau);
    }

    /**
     * Threshold moving: predicts the class with the largest {@code p_c / t_c}.
     *
     * @param thresholds a threshold in (0, 1] for every class the model predicts
     */
    public static AdjustedModel thresholds(Model<Label> model, Map<String, Double> thresholds) {
        requireProbabilities(model);
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are null; give one in (0, 1] per class");
        }
        Map<String, Double> offsets = new TreeMap<>();
        for (Label label : model.getOutputIDInfo().getDomain()) {
            Double t = thresholds.get(label.getLabel());
            if (t == null || !(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("the threshold of class '" + label.getLabel() + "' is " + t
                        + "; give every class the model predicts a threshold in (0, 1] (classes: "
                        + model.getOutputIDInfo().getDomain() + ")");
            }
            offsets.put(label.getLabel(), Math.log(t));
        }
        for (String named : thresholds.keySet()) {
            if (!offsets.containsKey(named)) {
                throw new IllegalArgumentException("the thresholds name class '" + named
                        + "', which the model does not predict");
            }
        }
        return wrap(model, offsets, "thresholds " + new TreeMap<>(thresholds));
    }

    /**
     * Prior-shift correction: the model learned class priors {@code trainedPriors} (what class weights or
     * resampling made the classes look like, e.g. equal counts after balanced weights, oversampling or
     * SMOTE to the majority), but the data it will see has {@code truePriors}. Bayes' rule moves each
     * probability by {@code true_c / trained_c} and renormalises: {@code log p_c - log trained_c + log true_c}.
     * Without it, a rebalanced model over-states the rare class's probability; with it, its scores are
     * probabilities again (and its argmax is the plain model's decision rule).
     *
     * @param trainedPriors rows (or weighted rows) per class as the model saw them in training; any scale
     * @param truePriors    rows per class of the data as it really is (e.g. the training data before
     *                      rebalancing); any scale
     */
    public static AdjustedModel priorShift(Model<Label> model, Map<String, ? extends Number> trainedPriors,
            Map<String, ? extends Number> truePriors) {
        requireProbabilities(model);
        Map<String, Double> trained = shares(model, trainedPriors, "trained priors");
        Map<String, Double> actual = shares(model, truePriors, "true priors");
        Map<String, Double> offsets = new TreeMap<>();
        for (String label : trained.keySet()) {
            offsets.put(label, Math.log(trained.get(label)) - Math.log(actual.get(label)));
        }
        return wrap(model, offsets, "prior shift from " + new TreeMap<>(trainedPriors) + " to " + new TreeMap<>(truePriors));
    }

    private static Map<String, Double> shares(Model<Label> model, Map<String, ? extends Number> counts, String what) {
        if (counts == null) {
            throw new IllegalArgumentException(what + " are null; give rows per class for every class the model predicts");
        }
        double total = 0;
        Map<String, Double> shares = new TreeMap<>();
        for (Label label : model.getOutputIDInfo().getDomain()) {
            Number count = counts.get(label.getLabel());
            if (count == null || !(count.doubleValue() > 0) || Double.isInfinite(count.doubleValue())) {
                throw new IllegalArgumentException("the " + what + " give class '" + label.getLabel() + "' " + count
                        + "; give every class the model predicts a positive, finite count");
            }
            shares.put(label.getLabel(), count.doubleValue());
            total += count.doubleValue();
        }
        for (String named : counts.keySet()) {
            if (!shares.containsKey(named)) {
                throw new IllegalArgumentException("the " + what + " name class '" + named + "', which the model does not predict");
            }
        }
        final double sum = total;
        shares.replaceAll((k, v) -> v / sum);
        return shares;
    }

    private static AdjustedModel wrap(Model<Label> model, Map<String, Double> offsets, String adjustment) {
        ModelProvenance original = model.getProvenance();
        Map<String, Provenance> instance = new LinkedHashMap<>(original.getInstanceProvenance().getMap());
        instance.put("flatline-adjustment", new StringProvenance("flatline-adjustment", adjustment));
        ModelProvenance provenance = new ModelProvenance(AdjustedModel.class.getName(), OffsetDateTime.now(),
                original.getDatasetProvenance(), original.getTrainerProvenance(), instance);
        return new AdjustedModel(model.getName() + " (adjusted)", provenance, model,
                Collections.unmodifiableMap(offsets), adjustment);
    }

    private static void requireProbabilities(Model<Label> model) {
        if (model == null) {
            throw new IllegalArgumentException("model is null; pass a trained Model<Label>");
        }
        if (!model.generatesProbabilities()) {
            throw new IllegalArgumentException("model '" + model.getName() + "' does not give class probabilities "
                    + "(generatesProbabilities() is false), so its scores cannot be adjusted; use a probabilistic "
                    + "model such as logistic regression or flatline's network");
        }
    }

    /** The wrapped model. */
    public Model<Label> wrapped() {
        return inner;
    }

    /** The log-offset subtracted from each class's log-probability. */
    public Map<String, Double> offsets() {
        return offsets;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        Prediction<Label> original = inner.predict(example);
        Map<String, Label> scores = original.getOutputScores();
        Map<String, Double> logits = new LinkedHashMap<>();
        double max = Double.NEGATIVE_INFINITY;
        String best = null;
        for (Map.Entry<String, Label> score : scores.entrySet()) {
            // A score of exactly 0 would give -infinity and NaN after renormalising; the smallest double stands in.
            double logit = Math.log(Math.max(score.getValue().getScore(), Double.MIN_VALUE)) - offsets.getOrDefault(score.getKey(), 0.0);
            logits.put(score.getKey(), logit);
            if (logit > max || best == null) {
                max = logit;
                best = score.getKey();
            }
        }
        double sum = 0;
        for (double logit : logits.values()) {
            sum += Math.exp(logit - max);
        }
        Map<String, Label> adjusted = new LinkedHashMap<>();
        for (Map.Entry<String, Double> logit : logits.entrySet()) {
            adjusted.put(logit.getKey(), new Label(logit.getKey(), Math.exp(logit.getValue() - max) / sum));
        }
        return new Prediction<>(adjusted.get(best), adjusted, original.getNumActiveFeatures(), example, true);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return inner.getTopFeatures(n);
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected AdjustedModel copy(String newName, ModelProvenance newProvenance) {
        return new AdjustedModel(newName, newProvenance, inner.copy(), offsets, adjustment);
    }

    @Override
    public String toString() {
        return "AdjustedModel[" + adjustment + ", wrapping " + inner.getName() + "]";
    }
}
