package dev.flatline.remedies;

import java.util.HashMap;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A Tribuo dataset's features copied into one row-major array (a feature an example lacks is 0,
 * Tribuo's sparse convention), and the way back: a new dataset of the originals plus made rows.
 *
 * @param names    feature names in the feature map's id order (the column order of {@code values})
 * @param values   {@code values[row * names.length + column]}, all finite
 * @param labels   class of every row
 */
record DenseRows(String[] names, double[] values, String[] labels) {

    static DenseRows of(Dataset<Label> dataset, String who) {
        String[] labels = ClassLabels.of(dataset, who);
        ImmutableFeatureMap featureMap = dataset.getFeatureIDMap();
        int columns = featureMap.size();
        String[] names = new String[columns];
        for (int c = 0; c < columns; c++) {
            names[c] = featureMap.get(c).getName();
        }
        double[] values = new double[labels.length * columns];
        int row = 0;
        for (Example<Label> example : dataset) {
            for (Feature feature : example) {
                int id = featureMap.getID(feature.getName());
                double value = feature.getValue();
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException(who + ": feature '" + feature.getName() + "' of row " + row
                            + " is " + value + "; it needs finite numbers. Impute or drop missing values first.");
                }
                if (id >= 0) {
                    values[row * columns + id] = value;
                }
            }
            row++;
        }
        return new DenseRows(names, values, labels);
    }

    int columns() {
        return names.length;
    }

    /**
     * A new dataset: every example of {@code original} (the same objects), then rows {@code from} to the
     * end of {@code made} (row-major, same columns) with their labels.
     */
    MutableDataset<Label> appendTo(Dataset<Label> original, double[] made, String[] madeLabels, int from,
            String description) {
        MutableDataset<Label> out = new MutableDataset<>(new SimpleDataSourceProvenance(description + " of "
                + original.getSourceDescription(), original.getOutputFactory()), original.getOutputFactory());
        for (Example<Label> example : original) {
            out.add(example);
        }
        int columns = columns();
        Map<String, Label> labelObjects = new HashMap<>();
        for (int r = from; r < madeLabels.length; r++) {
            double[] row = new double[columns];
            System.arraycopy(made, r * columns, row, 0, columns);
            out.add(new ArrayExample<>(labelObjects.computeIfAbsent(madeLabels[r], Label::new), names, row));
        }
        return out;
    }
}
