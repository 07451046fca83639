package dev.flatline.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.flatline.data.DataException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reading and validating a table for the checkup on Spark, with the rules and the words of
 * {@code CsvData}: a class column whose values are class names, every other column a finite number,
 * empty cells and the markers NA, N/A, ?, null, None missing. Spark reads without line numbers, so its
 * messages name the file, the column, a value and the count, and say how to find the line.
 */
public final class SparkTables {

    private static final List<String> MISSING_MARKERS = List.of("na", "n/a", "?", "null", "none");

    private SparkTables() {
    }

    /** A column by its exact name (backquoted, so dots and spaces in names are not struct access). */
    static Column col(String name) {
        return org.apache.spark.sql.functions.col("`" + name.replace("`", "``") + "`");
    }

    /** A CSV file (header line; plain or gzipped) or Parquet (a {@code .parquet} path or a folder) as strings or its types. */
    public static Dataset<Row> read(SparkSession spark, String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        boolean csv = lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".txt");
        if (!csv) {
            return spark.read().parquet(path);
        }
        return spark.read().option("header", "true").option("inferSchema", "false")
                .option("ignoreLeadingWhiteSpace", "true").option("ignoreTrailingWhiteSpace", "true")
                .option("mode", "FAILFAST").csv(path);
    }

    /**
     * The table with its class column as strings and every other column as doubles, after checking in
     * one pass that no class is missing and every feature cell is a finite number.
     *
     * @throws DataException naming the column, a value, the count and what to do
     */
    public static Dataset<Row> prepared(Dataset<Row> table, String target, String source) {
        List<String> names = Arrays.asList(table.columns());
        if (!names.contains(target)) {
            String hint = names.stream().filter(n -> n.equalsIgnoreCase(target)).findFirst()
                    .map(n -> " Did you mean '" + n + "'? (names are case-sensitive)").orElse("");
            throw new DataException("Target column '" + target + "' not found in " + source + "." + hint
                    + " Available columns: " + quoted(names) + ". Pass one of them with --target.");
        }
        List<String> features = features(table, target);
        if (features.isEmpty()) {
            throw new DataException(capitalised(source) + " has no feature columns: only the target '" + target
                    + "'. Add numeric feature columns.");
        }
        List<Column> checks = new ArrayList<>();
        checks.add(sum(when(missing(col(target)), 1).otherwise(0)));
        for (String f : features) {
            Column raw = col(f);
            Column value = raw.try_cast(DataTypes.DoubleType);
            checks.add(sum(when(missing(raw), 1).otherwise(0)));
            checks.add(sum(when(org.apache.spark.sql.functions.not(missing(raw)).and(value.isNull()), 1).otherwise(0)));
            checks.add(sum(when(value.isNaN().or(value.equalTo(Double.POSITIVE_INFINITY))
                    .or(value.equalTo(Double.NEGATIVE_INFINITY)), 1).otherwise(0)));
        }
        checks.add(org.apache.spark.sql.functions.count(lit(1)));
        Row bad = table.agg(checks.get(0), checks.subList(1, checks.size()).toArray(new Column[0])).first();
        if (bad.getLong(checks.size() - 1) == 0) {
            throw new DataException(capitalised(source) + " has a header but no data rows. Add at least 2 rows.");
        }
        if (count(bad, 0) > 0) {
            throw new DataException(String.format(Locale.ROOT, "Missing class label in target column '%s' of %s "
                    + "(%,d rows). Every row needs a class: remove the rows or fill in their class.", target, source,
                    count(bad, 0)));
        }
        for (int j = 0; j < features.size(); j++) {
            String f = features.get(j);
            long missing = count(bad, 1 + 3 * j);
            long nonNumeric = count(bad, 2 + 3 * j);
            long nonFinite = count(bad, 3 + 3 * j);
            String where = " Spark reads without line numbers; 'flatline checkup --stream --data FILE' on the file "
                    + "names the first line.";
            if (nonNumeric > 0) {
                Column value = col(f).try_cast(DataTypes.DoubleType);
                String example = table.filter(org.apache.spark.sql.functions.not(missing(col(f))).and(value.isNull())).select(col(f)).first()
                        .get(0).toString();
                throw new DataException(String.format(Locale.ROOT, "Non-numeric value '%s' in feature column '%s' of "
                        + "%s (%,d such cells). Every column except the target ('%s') must hold numbers: encode "
                        + "categories as integers (0, 1, 2, ...), drop the column, or choose it as the target.%s",
                        example, f, source, nonNumeric, target, where));
            }
            if (missing > 0) {
                throw new DataException(String.format(Locale.ROOT, "Missing value in column '%s' of %s (%,d cells). "
                        + "Every feature cell must hold a number: remove the rows, fill in (impute) the values, or "
                        + "drop the column.%s", f, source, missing, where));
            }
            if (nonFinite > 0) {
                throw new DataException(String.format(Locale.ROOT, "Column '%s' of %s holds %,d values that are not "
                        + "finite numbers (NaN or infinity). Replace them with real values or remove the rows: NaN "
                        + "and infinity make every training step produce NaN.%s", f, source, nonFinite, where));
            }
        }
        List<Column> typed = new ArrayList<>();
        typed.add(col(target).cast(DataTypes.StringType).as(target));
        for (String f : features) {
            typed.add(col(f).try_cast(DataTypes.DoubleType).as(f));
        }
        return table.select(typed.toArray(new Column[0]));
    }

    /** Every column but the target, in table order. */
    public static List<String> features(Dataset<Row> table, String target) {
        return Arrays.stream(table.columns()).filter(c -> !c.equals(target)).toList();
    }

    private static Column missing(Column raw) {
        Column text = lower(trim(raw.cast(DataTypes.StringType)));
        return raw.isNull().or(text.equalTo("")).or(text.isin(MISSING_MARKERS.toArray()));
    }

    private static long count(Row row, int i) {
        return row.isNullAt(i) ? 0 : row.getLong(i);
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
