package dev.flatline.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Rows per class, most common class first (ties in name order): the one type flatline uses wherever
 * class counts are handed out (recipe R1). Immutable.
 *
 * <pre>{@code
 * ClassCounts counts = ClassCounts.of(data.train());
 * counts.majority();        // the class a flatlined model predicts for everything
 * counts.imbalanceRatio();  // largest count / smallest count
 * }</pre>
 *
 * <p>A class can have a count of 0 only when the counts come from a map ({@link #of(Map)}), for example
 * the classes a model may predict but never did; {@link #get(String)} also answers 0 for a class it has
 * never heard of.
 */
public final class ClassCounts implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Most common first; unmodifiable. */
    private final Map<String, Long> counts;
    private final long total;

    private ClassCounts(Map<String, Long> unordered) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(unordered.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Long> ordered = new LinkedHashMap<>();
        long sum = 0;
        for (Map.Entry<String, Long> e : entries) {
            ordered.put(e.getKey(), e.getValue());
            sum += e.getValue();
        }
        this.counts = Collections.unmodifiableMap(ordered);
        this.total = sum;
    }

    /**
     * Rows per class of a Tribuo dataset.
     *
     * @throws DataException if the dataset is null or empty, or a row is unlabelled
     */
    public static ClassCounts of(Dataset<Label> dataset) {
        if (dataset == null) {
            throw new DataException("The dataset is null: pass the Tribuo Dataset<Label> whose classes to count.");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        int row = 0;
        for (Example<Label> example : dataset) {
            Label label = example.getOutput();
            if (label == null || LabelFactory.UNKNOWN_LABEL.equals(label)) {
                throw new DataException("Row " + row + " of dataset " + dataset.getSourceDescription()
                        + " has no class label (it is unlabelled): class counts need labelled data.");
            }
            counts.merge(label.getLabel(), 1L, Long::sum);
            row++;
        }
        if (counts.isEmpty()) {
            throw new DataException("Dataset " + dataset.getSourceDescription()
                    + " has no rows, so there are no classes to count.");
        }
        return new ClassCounts(counts);
    }

    /**
     * Rows per class of a list of labels (one per row).
     *
     * @param what names the labels in messages, for example "the predicted labels"
     * @throws DataException if the list is null or empty, or a label is null
     */
    public static ClassCounts ofLabels(List<String> labels, String what) {
        if (labels == null || labels.isEmpty()) {
            throw new DataException(what + " are " + (labels == null ? "null" : "empty")
                    + ", so there are no classes to count.");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null) {
                throw new DataException(what + " have no label at index " + i + "; every row needs a class label.");
            }
            counts.merge(label, 1L, Long::sum);
        }
        return new ClassCounts(counts);
    }

    /**
     * Counts already made elsewhere (any number type, whole values only), reordered most common first.
     *
     * @throws DataException if the map is null or empty, or a count is negative, fractional or missing
     */
    public static ClassCounts of(Map<String, ? extends Number> counts) {
        if (counts == null || counts.isEmpty()) {
            throw new DataException("The class counts are " + (counts == null ? "null" : "empty")
                    + ": pass at least one class with its count.");
        }
        Map<String, Long> copy = new LinkedHashMap<>();
        counts.forEach((label, n) -> {
            if (label == null) {
                throw new DataException("The class counts have a null class name; name every class.");
            }
            double v = n == null ? Double.NaN : n.doubleValue();
            if (!(v >= 0) || v != Math.rint(v) || Double.isInfinite(v)) {
                throw new DataException("class '" + label + "' has count " + n
                        + "; counts must be whole numbers >= 0.");
            }
            copy.put(label, n.longValue());
        });
        return new ClassCounts(copy);
    }

    /** The count of {@code label}; 0 for a class that is not here. */
    public long get(String label) {
        Long n = counts.get(label);
        return n == null ? 0 : n;
    }

    /** Whether {@code label} is one of the counted classes. */
    public boolean contains(String label) {
        return counts.containsKey(label);
    }

    /** Class names, most common first. */
    public List<String> classes() {
        return List.copyOf(counts.keySet());
    }

    /** Number of classes. */
    public int size() {
        return counts.size();
    }

    /** Number of rows over all classes. */
    public long total() {
        return total;
    }

    /** The most common class: what a model that has "flatlined" usually predicts for everything. */
    public String majority() {
        return counts.keySet().iterator().next();
    }

    /** The least common class (the last one in name order among equals). */
    public String minority() {
        String last = null;
        for (String c : counts.keySet()) {
            last = c;
        }
        return last;
    }

    /**
     * Share of rows in the majority class: the accuracy of always predicting it (recipe R1), the bar
     * any useful model must clear.
     */
    public double majorityShare() {
        return total == 0 ? Double.NaN : (double) get(majority()) / total;
    }

    /**
     * Largest count divided by smallest (1 for perfectly balanced data; infinite when a class has 0
     * rows).
     */
    public double imbalanceRatio() {
        long smallest = get(minority());
        return smallest == 0 ? Double.POSITIVE_INFINITY : (double) get(majority()) / smallest;
    }

    /** Each class's share of the rows, most common first; unmodifiable. */
    public Map<String, Double> shares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((c, n) -> shares.put(c, total == 0 ? 0.0 : (double) n / total));
        return Collections.unmodifiableMap(shares);
    }

    /**
     * The "balanced" class weights of scikit-learn's {@code compute_class_weight('balanced')}: each
     * class weighs {@link #balancedWeight(long, int, long)}, so that every class adds up to the same
     * total weight. Most common class first; unmodifiable.
     *
     * @throws IllegalArgumentException if a class has no rows (its weight would be infinite)
     */
    public Map<String, Double> balancedWeights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        counts.forEach((c, n) -> {
            if (n <= 0) {
                throw new IllegalArgumentException("class '" + c + "' has " + n
                        + " rows; balanced weights need at least one row of every class");
            }
            weights.put(c, balancedWeight(total, counts.size(), n));
        });
        return Collections.unmodifiableMap(weights);
    }

    /**
     * The balanced weight of a class with {@code count} of {@code rows} rows among {@code classes}
     * classes: {@code w_c = n / (K n_c)} (recipe R4). The formula's one home: the trainer's loss
     * weights and the remedies' example weights both come from here.
     */
    public static double balancedWeight(long rows, int classes, long count) {
        return rows / ((double) classes * count);
    }

    /** The counts as an unmodifiable map, iterated most common first. */
    public Map<String, Long> asMap() {
        return counts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassCounts other && counts.equals(other.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    /** For example {@code ClassCounts[1: 45586, 4: 8903, 5: 3267 | 3 classes, 57756 rows, imbalance 14.0:1]}. */
    @Override
    public String toString() {
        StringJoiner s = new StringJoiner(", ", "ClassCounts[", "");
        counts.forEach((c, n) -> s.add(c + ": " + n));
        return s + String.format(Locale.ROOT, " | %d classes, %d rows, imbalance %.1f:1]",
                counts.size(), total, imbalanceRatio());
    }
}
