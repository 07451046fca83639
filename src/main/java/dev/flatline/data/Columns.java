package dev.flatline.data;

import java.util.List;

/**
 * Parsed, validated data in column-major primitive form: the representation behind
 * {@link LabelledData}, cheap to split, copy into Tribuo examples and standardise.
 *
 * <p>Never mutated after construction, so instances (and their arrays) can be shared between
 * {@link LabelledData} objects and cached per JVM; every change makes new arrays.
 *
 * @param source       where the data came from, as used in messages ("file '/x/y.csv'")
 * @param targetName   the target column's name
 * @param featureNames feature column names, in file order
 * @param features     {@code features[feature][row]}, all finite
 * @param labels       the class name of every row
 */
record Columns(String source, String targetName, List<String> featureNames, double[][] features, String[] labels) {

    int rowCount() {
        return labels.length;
    }

    int featureCount() {
        return featureNames.size();
    }

    /** The rows given, in the order given, as new arrays. */
    Columns rows(int[] rows) {
        double[][] picked = new double[features.length][rows.length];
        String[] pickedLabels = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            pickedLabels[i] = labels[rows[i]];
        }
        for (int j = 0; j < features.length; j++) {
            double[] column = features[j];
            double[] out = picked[j];
            for (int i = 0; i < rows.length; i++) {
                out[i] = column[rows[i]];
            }
        }
        return new Columns(source, targetName, featureNames, picked, pickedLabels);
    }

    /** The same rows with other feature values (same shape). */
    Columns withFeatures(double[][] newFeatures) {
        return new Columns(source, targetName, featureNames, newFeatures, labels);
    }
}
