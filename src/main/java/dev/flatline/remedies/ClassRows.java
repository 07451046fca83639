package dev.flatline.remedies;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.dataset.DatasetView;

/** Row indices grouped by class, and views over chosen rows, shared by the samplers. */
final class ClassRows {

    private ClassRows() {
    }

    /** The rows of each class, in the input's order. */
    static Map<String, int[]> of(String[] labels, Map<String, Integer> counts) {
        Map<String, int[]> rows = new HashMap<>();
        Map<String, int[]> filled = new HashMap<>();
        counts.forEach((label, count) -> {
            rows.put(label, new int[count]);
            filled.put(label, new int[1]);
        });
        for (int i = 0; i < labels.length; i++) {
            int[] next = filled.get(labels[i]);
            rows.get(labels[i])[next[0]++] = i;
        }
        return rows;
    }

    /** A Tribuo view of the given rows whose output domain counts the view's own rows; indices not in provenance. */
    static DatasetView<Label> view(Dataset<Label> dataset, int[] rows, String tag) {
        List<Example<Label>> picked = new ArrayList<>(rows.length);
        for (int row : rows) {
            picked.add(dataset.getExample(row));
        }
        DatasetView<Label> view = new DatasetView<>(dataset, rows, dataset.getFeatureIDMap(),
                ClassLabels.domainOf(picked), tag);
        // The tag names the sampler, its targets and seed, which reproduce the rows; storing 255,000 indices
        // in the provenance of every model trained on the view would cost more than the view itself.
        view.setStoreIndices(false);
        return view;
    }
}
