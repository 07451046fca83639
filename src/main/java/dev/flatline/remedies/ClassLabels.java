package dev.flatline.remedies;

import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/** Reading class labels out of Tribuo datasets, with the checks every remedy needs. */
final class ClassLabels {

    private ClassLabels() {
    }

    /** The class name of every row, in the dataset's order. */
    static String[] of(Dataset<Label> dataset, String what) {
        if (dataset == null) {
            throw new IllegalArgumentException(what + ": the dataset is null; pass a Tribuo Dataset<Label>");
        }
        if (dataset.size() == 0) {
            throw new IllegalArgumentException(what + ": the dataset " + dataset.getSourceDescription()
                    + " is empty; there are no classes to work on");
        }
        String[] labels = new String[dataset.size()];
        int row = 0;
        for (Example<Label> example : dataset) {
            Label label = example.getOutput();
            if (label == null || LabelFactory.UNKNOWN_LABEL.equals(label)) {
                throw new IllegalArgumentException(what + ": row " + row + " of " + dataset.getSourceDescription()
                        + " has no class label; remedies need labelled training data");
            }
            labels[row++] = label.getLabel();
        }
        return labels;
    }

    /** Rows per class, classes in name order (the order imbalanced-learn visits them). */
    static Map<String, Integer> counts(String[] labels) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String label : labels) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * An output domain counted over {@code examples}: a {@code DatasetView} otherwise keeps its inner
     * dataset's counts, and trainers that read class counts (priors, balanced weights) would see the
     * counts before resampling.
     */
    static ImmutableOutputInfo<Label> domainOf(Iterable<Example<Label>> examples) {
        MutableOutputInfo<Label> info = new LabelFactory().generateInfo();
        for (Example<Label> example : examples) {
            info.observe(example.getOutput());
        }
        return info.generateImmutableOutputInfo();
    }
}
