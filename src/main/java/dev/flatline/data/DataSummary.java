package dev.flatline.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Statistics over every row of a data set too large to load: class counts, each feature column's
 * {@link ColumnSummary} over all rows and within each class, and where they were computed. Made in one
 * streaming pass by {@link StreamingScan} or by Spark aggregations; carried beside the sample a
 * checkup trains on so that the data checks report on all rows. Immutable.
 *
 * @param source       where the rows came from, as messages name it ("file '/x/big.csv'")
 * @param target       the class column
 * @param featureNames feature columns, in file order
 * @param classCounts  rows per class over every row
 * @param columns      one summary per feature over every row, in {@code featureNames} order
 * @param perClass     per class (most common first), one summary per feature over that class's rows
 * @param computedBy   how and where the statistics were computed, for reports ("streamed once on this machine")
 */
public record DataSummary(String source, String target, List<String> featureNames, ClassCounts classCounts,
        List<ColumnSummary> columns, Map<String, List<ColumnSummary>> perClass, String computedBy) {

    /** Copies the lists and checks that every summary has one entry per feature. */
    public DataSummary {
        featureNames = List.copyOf(featureNames);
        columns = List.copyOf(columns);
        if (columns.size() != featureNames.size()) {
            throw new IllegalArgumentException(columns.size() + " column summaries for " + featureNames.size()
                    + " features");
        }
        Map<String, List<ColumnSummary>> copy = new LinkedHashMap<>();
        for (String c : classCounts.classes()) {
            List<ColumnSummary> s = perClass.get(c);
            if (s == null || s.size() != featureNames.size()) {
                throw new IllegalArgumentException("class '" + c + "' needs one summary per feature");
            }
            copy.put(c, List.copyOf(s));
        }
        perClass = java.util.Collections.unmodifiableMap(copy);
    }

    /** Rows read (every class). */
    public long rows() {
        return classCounts.total();
    }

    /** The summary of the named feature over every row. */
    public ColumnSummary column(String feature) {
        int j = featureNames.indexOf(feature);
        if (j < 0) {
            throw new IllegalArgumentException("No feature '" + feature + "'; features: " + featureNames);
        }
        return columns.get(j);
    }

    /** Features constant over every row. */
    public List<String> constantFeatures() {
        return featuresWhere(ColumnSummary::constant);
    }

    /** Features that are not constant but nearly so over every row (see {@link ColumnSummary#nearConstant()}). */
    public List<String> nearConstantFeatures() {
        return featuresWhere(ColumnSummary::nearConstant);
    }

    /** Features whose every value is a whole number. */
    public List<String> integerValuedFeatures() {
        return featuresWhere(ColumnSummary::wholeNumbers);
    }

    private List<String> featuresWhere(Predicate<ColumnSummary> test) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (test.test(columns.get(j))) {
                out.add(featureNames.get(j));
            }
        }
        return out;
    }
}
