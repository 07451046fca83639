package dev.flatline.plots;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** Counting and ordering class labels for the charts; all methods check their input. */
final class ClassCounts {

    private ClassCounts() {
    }

    /** Rows per class of a Tribuo dataset, most common class first (ties by name). */
    static Map<String, Long> of(Dataset<Label> dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException("dataset is null; pass the Tribuo Dataset<Label> whose classes to count");
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        int row = 0;
        for (Example<Label> example : dataset) {
            counts.merge(labelOf(example.getOutput(), "row " + row + " of dataset " + dataset.getSourceDescription()),
                    1L, Long::sum);
            row++;
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("dataset " + dataset.getSourceDescription()
                    + " has no rows, so there are no classes to count");
        }
        return mostCommonFirst(counts);
    }

    /** Rows per label in a list, in first-seen order. */
    static Map<String, Long> of(List<String> labels, String what) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            if (label == null) {
                throw new IllegalArgumentException(what + " has no label at index " + i
                        + "; every row needs a class label");
            }
            counts.merge(label, 1L, Long::sum);
        }
        return counts;
    }

    /** The label text, refusing Tribuo's placeholder for unlabelled examples. */
    static String labelOf(Label label, String where) {
        if (label == null || LabelFactory.UNKNOWN_LABEL.equals(label)) {
            throw new IllegalArgumentException(where + " has no class label (it is unlabelled); "
                    + "class charts need labelled data");
        }
        return label.getLabel();
    }

    /** A copy ordered by count, largest first, ties by name, so imbalance reads left to right. */
    static <N extends Number> Map<String, N> mostCommonFirst(Map<String, N> counts) {
        List<Map.Entry<String, N>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Comparator.<Map.Entry<String, N>>comparingDouble(e -> -e.getValue().doubleValue())
                .thenComparing(Map.Entry::getKey));
        Map<String, N> ordered = new LinkedHashMap<>();
        entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /**
     * All classes of two countings: those of {@code first} in its order, then those only in
     * {@code second}, most common first.
     */
    static List<String> union(Map<String, ? extends Number> first, Map<String, ? extends Number> second) {
        List<String> classes = new ArrayList<>(first.keySet());
        mostCommonFirst(second).keySet().stream().filter(c -> !first.containsKey(c)).forEach(classes::add);
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
