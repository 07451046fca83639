package dev.flatline.remedies;

import dev.flatline.data.ClassCounts;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A weight per class (recipe R4): the loss of each row counts its class's weight times, so a rare
 * class can weigh as much in training as a common one.
 *
 * <p>{@link #balanced(Dataset)} is scikit-learn's {@code compute_class_weight("balanced")}:
 * {@code w_c = n_samples / (n_classes * count_c)}, so every class contributes the same total weight
 * and the weights average to 1 over the rows. {@link #of(Map)} takes weights of your own; classes it
 * leaves out weigh 1, as in scikit-learn.
 *
 * <p>Two ways to use them: {@link #applyTo(Dataset)} gives a copy of a Tribuo dataset whose examples
 * carry the weights ({@code Example.setWeight}; Tribuo's SGD trainers such as
 * {@code LogisticRegressionTrainer}, and CART, honour them), and {@link #asMap()} is what flatline's
 * network takes: {@code MlpTrainer.builder().classWeights(weights.asMap())}.
 *
 * @param weights weight per class, classes in name order; unmodifiable
 */
public record ClassWeights(Map<String, Double> weights) {

    /** Checks and copies the weights (finite, not negative), classes in name order. */
    public ClassWeights {
        if (weights == null || weights.isEmpty()) {
            throw new IllegalArgumentException("class weights are " + (weights == null ? "null" : "empty")
                    + "; give at least one class and its weight");
        }
        Map<String, Double> copy = new TreeMap<>();
        weights.forEach((label, weight) -> {
            if (label == null) {
                throw new IllegalArgumentException("class weights contain a null class name");
            }
            if (weight == null || !Double.isFinite(weight) || weight < 0) {
                throw new IllegalArgumentException("the weight of class '" + label + "' is " + weight
                        + "; a class weight must be a finite number of at least 0");
            }
            copy.put(label, weight);
        });
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(copy));
    }

    /**
     * Balanced weights {@code n / (K * n_c)} from the rows per class ({@link ClassCounts#balancedWeights()},
     * which also refuses missing, fractional, negative and zero counts).
     */
    public static ClassWeights balanced(Map<String, ? extends Number> classCounts) {
        return new ClassWeights(ClassCounts.of(classCounts).balancedWeights());
    }

    /** Balanced weights for the classes found in a Tribuo dataset (count its training part). */
    public static ClassWeights balanced(Dataset<Label> dataset) {
        return balanced(ClassLabels.counts(ClassLabels.of(dataset, "ClassWeights.balanced")));
    }

    /** Weights of your own; classes not in the map weigh 1 when applied. */
    public static ClassWeights of(Map<String, Double> weights) {
        return new ClassWeights(weights);
    }

    /** The weight of a class: 1 for a class these weights do not name. */
    public double weight(String label) {
        return weights.getOrDefault(label, 1.0);
    }

    /** The weights as the map {@code MlpTrainer.Builder.classWeights(Map)} takes. */
    public Map<String, Double> asMap() {
        return weights;
    }

    /**
     * A copy of {@code dataset} whose every example's weight is multiplied by its class's weight (the
     * input is left as it was: Tribuo examples are mutable, so a view could not carry other weights).
     *
     * @throws IllegalArgumentException if these weights name a class the dataset lacks (a typo, most
     *                                  likely)
     */
    public Dataset<Label> applyTo(Dataset<Label> dataset) {
        String[] labels = ClassLabels.of(dataset, "ClassWeights.applyTo");
        Map<String, Integer> counts = ClassLabels.counts(labels);
        for (String label : weights.keySet()) {
            if (!counts.containsKey(label)) {
                throw new IllegalArgumentException("the class weights name class '" + label
                        + "', which the dataset does not have; its classes are " + counts.keySet());
            }
        }
        MutableDataset<Label> weighted = new MutableDataset<>(new SimpleDataSourceProvenance(
                "class-weighted " + weights + " copy of " + dataset.getSourceDescription(),
                dataset.getOutputFactory()), dataset.getOutputFactory());
        for (Example<Label> example : dataset) {
            Example<Label> copy = example.copy();
            copy.setWeight((float) (example.getWeight() * weight(example.getOutput().getLabel())));
            weighted.add(copy);
        }
        return weighted;
    }
}
