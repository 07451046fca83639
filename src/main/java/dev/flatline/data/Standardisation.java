package dev.flatline.data;

import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-feature mean and standard deviation fitted on a training part, and the rule that turns a value
 * into {@code (value - mean) / scale} (recipe R19: fit scaling on training data only, apply the same
 * numbers to test data).
 *
 * <p>The standard deviation is the population one (divide by n), as in scikit-learn's StandardScaler.
 * A feature that is constant on the training part (standard deviation 0, or below 1e-12 times its
 * magnitude, i.e. rounding noise) gets scale 1 instead: its training values all become 0 and test
 * values keep their offset from the training constant, so no NaN or infinity appears. Such features
 * are listed by {@link #constantFeatures()} because they carry no information for the model. The
 * formulas and the constant rule are {@link ColumnStats}'s, shared with the checkup.
 */
public final class Standardisation {

    private final List<String> featureNames;
    private final double[] means;
    private final double[] standardDeviations;
    /** Per feature, the statistics that decide its scale and apply it (the rule lives there). */
    private final ColumnStats[] columns;
    private final int fittedRows;

    private Standardisation(List<String> featureNames, ColumnStats[] columns, int fittedRows) {
        this.featureNames = featureNames;
        this.columns = columns;
        this.means = new double[columns.length];
        this.standardDeviations = new double[columns.length];
        for (int j = 0; j < columns.length; j++) {
            means[j] = columns[j].mean();
            standardDeviations[j] = columns[j].std();
        }
        this.fittedRows = fittedRows;
    }

    /** Fits on the given rows of {@code features[feature][row]} (population deviation, {@link ColumnStats#of}). */
    static Standardisation fit(List<String> featureNames, double[][] features, int[] rows) {
        ColumnStats[] columns = new ColumnStats[features.length];
        for (int j = 0; j < features.length; j++) {
            columns[j] = ColumnStats.of(features[j], rows);
        }
        return new Standardisation(featureNames, columns, rows.length);
    }

    /** Standardises every row of {@code features[feature][row]} into new arrays. */
    double[][] apply(double[][] features) {
        double[][] result = new double[features.length][];
        for (int j = 0; j < features.length; j++) {
            ColumnStats stats = columns[j];
            double[] column = features[j];
            double[] out = new double[column.length];
            for (int i = 0; i < column.length; i++) {
                out[i] = stats.standardise(column[i]);
            }
            result[j] = out;
        }
        return result;
    }

    /** Feature names, in the order of the arrays below. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** Training-part means, one per feature (a copy). */
    public double[] means() {
        return means.clone();
    }

    /** Training-part population standard deviations, one per feature, 0 for constant ones (a copy). */
    public double[] standardDeviations() {
        return standardDeviations.clone();
    }

    /** The divisor used for each feature: its standard deviation, or 1 for a constant feature (a copy). */
    public double[] scales() {
        double[] scales = new double[means.length];
        for (int j = 0; j < scales.length; j++) {
            scales[j] = scale(j);
        }
        return scales;
    }

    /** The training mean of the named feature. */
    public double mean(String feature) {
        return means[index(feature)];
    }

    /** The training standard deviation of the named feature. */
    public double standardDeviation(String feature) {
        return standardDeviations[index(feature)];
    }

    /** Number of training rows the statistics were fitted on. */
    public int fittedRows() {
        return fittedRows;
    }

    /** Features constant on the training part (scaled by 1 rather than by their zero deviation). */
    public List<String> constantFeatures() {
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < means.length; j++) {
            if (isConstant(j)) {
                constant.add(featureNames.get(j));
            }
        }
        return List.copyOf(constant);
    }

    /** The statistics as a table (feature, mean, std, constant) for showing in a notebook. */
    public Table toTable() {
        BooleanColumn constant = BooleanColumn.create("constant");
        for (int j = 0; j < means.length; j++) {
            constant.append(isConstant(j));
        }
        return Table.create("standardisation fitted on " + fittedRows + " training rows",
                StringColumn.create("feature", featureNames),
                DoubleColumn.create("mean", means),
                DoubleColumn.create("std", standardDeviations),
                constant);
    }

    @Override
    public String toString() {
        return "Standardisation[" + means.length + " features fitted on " + fittedRows + " training rows, "
                + constantFeatures().size() + " constant]";
    }

    private double scale(int j) {
        return columns[j].scale();
    }

    private boolean isConstant(int j) {
        return columns[j].constant();
    }

    private int index(String feature) {
        int index = featureNames.indexOf(feature);
        if (index < 0) {
            throw new DataException("No feature named '" + feature + "'. Features: " + featureNames + ".");
        }
        return index;
    }
}
