package dev.flatline.plots;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * Chart-side helpers over {@link dev.flatline.data.ClassCounts}, which does the counting: the label of
 * a prediction, the union of two countings, and counts as bar heights.
 */
final class ClassBars {

    private ClassBars() {
    }

    /** Rows per class of a Tribuo dataset, most common class first (ties by name). */
    static Map<String, Long> of(Dataset<Label> dataset) {
        return dev.flatline.data.ClassCounts.of(dataset).asMap();
    }

    /** Rows per label in a list, most common class first (ties by name). */
    static Map<String, Long> of(List<String> labels, String what) {
        return dev.flatline.data.ClassCounts.ofLabels(labels, what).asMap();
    }

    /** The label text, refusing Tribuo's placeholder for unlabelled examples. */
    static String labelOf(Label label, String where) {
        if (label == null || LabelFactory.UNKNOWN_LABEL.equals(label)) {
            throw new IllegalArgumentException(where + " has no class label (it is unlabelled); "
                    + "class charts need labelled data");
        }
        return label.getLabel();
    }

    /**
     * All classes of two countings: those of {@code first} in its order, then those only in
     * {@code second}, most common first (ties by name).
     */
    static List<String> union(Map<String, ? extends Number> first, Map<String, ? extends Number> second) {
        List<String> classes = new ArrayList<>(first.keySet());
        List<Map.Entry<String, ? extends Number>> rest = new ArrayList<>();
        second.entrySet().stream().filter(e -> !first.containsKey(e.getKey())).forEach(rest::add);
        rest.sort(Comparator.<Map.Entry<String, ? extends Number>>comparingDouble(e -> -e.getValue().doubleValue())
                .thenComparing(Map.Entry::getKey));
        rest.forEach(e -> classes.add(e.getKey()));
        return classes;
    }

    /** Counts as doubles in the order of {@code classes}; absent classes count 0. */
    static double[] values(Collection<String> classes, Map<String, ? extends Number> counts) {
        return classes.stream().mapToDouble(c -> {
            Number n = counts.get(c);
            return n == null ? 0.0 : n.doubleValue();
        }).toArray();
    }
}
