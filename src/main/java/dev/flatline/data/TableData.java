package dev.flatline.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table made into {@link LabelledData}, for messy data that {@link CsvData} refuses: nominal
 * columns are one-hot encoded, missing numeric cells filled with the median of the <em>training</em> rows.
 * Both are fitted on the training part of the split only, so nothing about the test rows leaks into the
 * features (the categories of a nominal column are those seen in training; a test value never seen, or a
 * missing nominal cell, gets all zeros).
 *
 * <pre>{@code
 * LabelledData data = TableData.from(table).target("class").oneHot("purpose", "housing")
 *         .fillMissingWithTrainMedian().ignore("id").load();
 * }</pre>
 *
 * <p>Anything left unusable (a missing cell with no fill asked for, a text column not named for one-hot
 * encoding, a missing class) is a {@link DataException} naming the column and what to do. The table is
 * never changed.
 */
public final class TableData {

    private final Table table;
    private String target = CsvData.DEFAULT_TARGET;
    private final Set<String> oneHot = new LinkedHashSet<>();
    private final Set<String> ignored = new LinkedHashSet<>();
    private boolean fillMissing;
    private long seed = CsvData.DEFAULT_SEED;
    private double testFraction = CsvData.DEFAULT_TEST_FRACTION;
    private String name;

    private TableData(Table table) {
        this.table = table;
    }

    /** Starts from a table (not changed); the class column is {@code class} unless {@link #target} says. */
    public static TableData from(Table table) {
        if (table == null) {
            throw new DataException("The table is null; pass a Tablesaw table (Table.read().csv(path), data.table()).");
        }
        return new TableData(table);
    }

    /** The class column. */
    public TableData target(String column) {
        this.target = column;
        return this;
    }

    /** Nominal columns to one-hot encode (text, or numbers that are codes, like credit-g's). */
    public TableData oneHot(String... columns) {
        oneHot.addAll(Arrays.asList(columns));
        return this;
    }

    /** Columns to leave out (row ids, free text). */
    public TableData ignore(String... columns) {
        ignored.addAll(Arrays.asList(columns));
        return this;
    }

    /** Fill missing numeric cells with the median of the column's training rows. */
    public TableData fillMissingWithTrainMedian() {
        this.fillMissing = true;
        return this;
    }

    /** Seed of the stratified train/test split. */
    public TableData seed(long splitSeed) {
        this.seed = splitSeed;
        return this;
    }

    /** Share of rows held out for testing. */
    public TableData testFraction(double fraction) {
        StratifiedSplit.checkFraction("Test fraction", fraction);
        this.testFraction = fraction;
        return this;
    }

    /** The dataset's name (default: the table's). */
    public TableData name(String datasetName) {
        this.name = datasetName;
        return this;
    }

    /**
     * Encodes, fills and splits.
     *
     * @throws DataException for anything the table or the settings get wrong
     */
    public LabelledData load() {
        String source = "table '" + table.name() + "'";
        List<String> names = table.columnNames();
        for (String column : union(List.of(target), oneHot, ignored)) {
            if (!names.contains(column)) {
                throw new DataException("The " + source + " has no column '" + column + "'. Its columns: "
                        + String.join(", ", names) + ".");
            }
        }
        if (oneHot.contains(target) || ignored.contains(target)) {
            throw new DataException("The class column '" + target + "' cannot be one-hot encoded or ignored; "
                    + "name it with target(...) only.");
        }
        String[] labels = labels(source);
        StratifiedSplit split = StratifiedSplit.split(labels, testFraction, seed);
        int[] train = split.trainRowsShared();
        List<String> featureNames = new ArrayList<>();
        List<double[]> features = new ArrayList<>();
        for (String column : names) {
            if (column.equals(target) || ignored.contains(column)) {
                continue;
            }
            Column<?> cells = table.column(column);
            if (oneHot.contains(column)) {
                for (String value : categories(cells, train)) {
                    featureNames.add(column + "=" + value);
                    features.add(indicator(cells, value));
                }
            } else {
                featureNames.add(column);
                features.add(numeric(cells, train, source));
            }
        }
        if (features.isEmpty()) {
            throw new DataException("The " + source + " has no feature columns left after ignoring " + ignored + ".");
        }
        Columns columns = new Columns(source, target, List.copyOf(featureNames), features.toArray(double[][]::new),
                labels);
        return LabelledData.split(name != null ? name : table.name(), columns, seed, testFraction);
    }

    private String[] labels(String source) {
        Column<?> column = table.column(target);
        String[] labels = new String[table.rowCount()];
        for (int row = 0; row < labels.length; row++) {
            if (column.isMissing(row) || column.getString(row).isBlank()) {
                throw new DataException("Row " + row + " of the " + source + " has no class in '" + target
                        + "'. Drop the rows without a class first (table.dropRowsWithMissingValues() on that column).");
            }
            labels[row] = column.getString(row).strip();
        }
        return labels;
    }

    private double[] numeric(Column<?> cells, int[] train, String source) {
        if (!(cells instanceof NumericColumn<?> column)) {
            throw new DataException("Column '" + cells.name() + "' of the " + source + " holds text (e.g. '"
                    + firstValue(cells) + "'); one-hot encode it with oneHot(\"" + cells.name() + "\") or ignore it.");
        }
        double[] values = new double[column.size()];
        int missing = 0;
        int firstMissing = -1;
        for (int row = 0; row < values.length; row++) {
            values[row] = column.isMissing(row) ? Double.NaN : column.getDouble(row);
            if (!Double.isFinite(values[row])) {
                missing++;
                firstMissing = firstMissing < 0 ? row : firstMissing;
            }
        }
        if (missing == 0) {
            return values;
        }
        if (!fillMissing) {
            throw new DataException(String.format(Locale.ROOT, "Column '%s' of the %s has %d missing cells (the first "
                    + "in row %d). Fill them with fillMissingWithTrainMedian(), or drop those rows first.",
                    cells.name(), source, missing, firstMissing));
        }
        double median = trainMedian(values, train, cells.name(), source);
        for (int row = 0; row < values.length; row++) {
            values[row] = Double.isFinite(values[row]) ? values[row] : median;
        }
        return values;
    }

    private static double trainMedian(double[] values, int[] train, String column, String source) {
        double[] known = Arrays.stream(train).mapToDouble(r -> values[r]).filter(Double::isFinite).sorted().toArray();
        if (known.length == 0) {
            throw new DataException("Column '" + column + "' of the " + source + " has no value in any training row; "
                    + "ignore it.");
        }
        int mid = known.length / 2;
        return known.length % 2 == 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
    }

    /** The values seen in training rows, sorted (numbers by value), missing cells left out. */
    private static List<String> categories(Column<?> cells, int[] train) {
        Set<String> seen = cells instanceof NumericColumn<?> ? new TreeSet<>((a, b) -> Double.compare(
                Double.parseDouble(a), Double.parseDouble(b))) : new TreeSet<>();
        for (int row : train) {
            if (!cells.isMissing(row)) {
                seen.add(value(cells, row));
            }
        }
        return List.copyOf(seen);
    }

    private static double[] indicator(Column<?> cells, String value) {
        double[] out = new double[cells.size()];
        for (int row = 0; row < out.length; row++) {
            out[row] = !cells.isMissing(row) && value(cells, row).equals(value) ? 1 : 0;
        }
        return out;
    }

    /** A cell as a category name: numbers without a trailing ".0" (credit-g's codes read 0, 1, 2). */
    private static String value(Column<?> cells, int row) {
        if (cells instanceof NumericColumn<?> numbers) {
            double v = numbers.getDouble(row);
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
        return cells.getString(row).strip();
    }

    private static String firstValue(Column<?> cells) {
        for (int row = 0; row < cells.size(); row++) {
            if (!cells.isMissing(row)) {
                return cells.getString(row);
            }
        }
        return "";
    }

    @SafeVarargs
    private static Set<String> union(java.util.Collection<String>... parts) {
        Set<String> all = new LinkedHashSet<>();
        for (var part : parts) {
            all.addAll(part);
        }
        return all;
    }
}
