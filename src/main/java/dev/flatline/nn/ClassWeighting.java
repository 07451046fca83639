package dev.flatline.nn;

import dev.flatline.data.ClassCounts;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How much each class's examples count in the loss (R4): none (all 1), the "balanced" rule
 * {@code w_c = n / (K n_c)} (scikit-learn's), or explicit weights by class name (classes not named get
 * 1). Immutable; checked when made.
 */
public final class ClassWeighting implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ClassWeighting NONE = new ClassWeighting(false, Map.of());
    private static final ClassWeighting BALANCED = new ClassWeighting(true, Map.of());

    private final boolean balanced;
    private final Map<String, Double> explicit;

    private ClassWeighting(boolean balanced, Map<String, Double> explicit) {
        this.balanced = balanced;
        this.explicit = explicit;
    }

    /** Every class weighs 1. */
    public static ClassWeighting none() {
        return NONE;
    }

    /** {@code n / (K n_c)}: each class contributes equally to the loss, whatever its size. */
    public static ClassWeighting balanced() {
        return BALANCED;
    }

    /**
     * Explicit weights by class name; classes not named weigh 1.
     *
     * @throws IllegalArgumentException if a weight is negative, infinite or NaN
     */
    public static ClassWeighting of(Map<String, Double> weights) {
        if (weights == null) {
            throw new IllegalArgumentException("class weights are null; pass a map from class name to weight");
        }
        Map<String, Double> copy = new TreeMap<>();
        weights.forEach((label, v) -> {
            if (v == null || !(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("The class weight of '" + label + "' is " + v
                        + ": give every class a finite weight >= 0 (1 leaves it as it is).");
            }
            copy.put(label, v);
        });
        return copy.isEmpty() ? NONE : new ClassWeighting(false, Collections.unmodifiableMap(copy));
    }

    /**
     * Weights from configuration text, where olcut gives class weights as strings: the one place they
     * are parsed.
     */
    static ClassWeighting fromConfig(boolean balanced, Map<String, String> weights) {
        if (balanced) {
            return BALANCED;
        }
        Map<String, Double> parsed = new TreeMap<>();
        weights.forEach((label, text) -> {
            try {
                parsed.put(label, Double.parseDouble(text.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The class weight of '" + label + "' is not a number: '" + text
                        + "'. Write it as a decimal number such as 2.5.", e);
            }
        });
        return of(parsed);
    }

    /** Whether this is the balanced rule. */
    public boolean isBalanced() {
        return balanced;
    }

    /** The explicit weights by class name (empty for none and for balanced). */
    public Map<String, Double> explicitWeights() {
        return explicit;
    }

    /** The weight of each class, in the order of {@code classes}, given their training counts. */
    float[] vector(List<String> classes, long[] counts) {
        long rows = 0;
        for (long c : counts) {
            rows += c;
        }
        float[] w = new float[classes.size()];
        for (int c = 0; c < w.length; c++) {
            if (balanced) {
                w[c] = counts[c] == 0 ? 0f : (float) ClassCounts.balancedWeight(rows, w.length, counts[c]);
            } else {
                w[c] = explicit.getOrDefault(classes.get(c), 1.0).floatValue();
            }
        }
        return w;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassWeighting other && balanced == other.balanced && explicit.equals(other.explicit);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(balanced) * 31 + explicit.hashCode();
    }

    @Override
    public String toString() {
        return balanced ? "balanced class weights" : explicit.isEmpty() ? "no class weights" : "class weights " + explicit;
    }
}
