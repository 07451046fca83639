package dev.flatline.spark;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rint;
import static org.apache.spark.sql.functions.stddev_pop;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.flatline.data.ClassCounts;
import dev.flatline.data.ColumnSummary;
import dev.flatline.data.DataSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The statistics of {@link DataSummary} as Spark aggregations over a whole table whose features are
 * already finite doubles and whose class column is a string (see {@link SparkTables}): one grouped
 * pass for the class counts and per-class statistics, one pass for the statistics over every row, and
 * one for the exact count of distinct values of the whole-number columns that look like codes.
 */
public final class SparkSummary {

    private SparkSummary() {
    }

    /**
     * Summarises {@code table}.
     *
     * @param table      the class column {@code target} (string) and the feature columns (double, finite)
     * @param target     the class column
     * @param features   feature columns, in order
     * @param source     where the rows came from, for messages
     * @param computedBy what and where ran, for reports
     */
    public static DataSummary of(Dataset<Row> table, String target, List<String> features, String source,
            String computedBy) {
        List<Column> stats = new ArrayList<>();
        for (String f : features) {
            Column c = SparkTables.col(f);
            stats.add(count(c));
            stats.add(avg(c));
            stats.add(stddev_pop(c));
            stats.add(min(c));
            stats.add(max(c));
            stats.add(sum(when(c.notEqual(rint(c)), 1).otherwise(0)));
        }
        // Per class, in one grouped pass.
        List<Row> groups = table.groupBy(SparkTables.col(target))
                .agg(count(lit(1)), stats.toArray(new Column[0])).collectAsList();
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<ColumnSummary>> perClass = new LinkedHashMap<>();
        for (Row g : groups) {
            String label = g.getString(0);
            counts.put(label, g.getLong(1));
            perClass.put(label, columns(g, 2, features.size(), null));
        }
        // Over every row; approximate distinct counts pick the columns whose exact count is needed.
        List<Column> all = new ArrayList<>(stats);
        for (String f : features) {
            all.add(approx_count_distinct(SparkTables.col(f)));
        }
        Row total = table.agg(all.get(0), all.subList(1, all.size()).toArray(new Column[0])).first();
        int[] distinct = exactDistinct(table, features, total);
        ClassCounts classCounts = ClassCounts.of(counts);
        return new DataSummary(source, target, features, classCounts, columns(total, 0, features.size(), distinct),
                perClass, computedBy);
    }

    /** Exact distinct counts of whole-number columns with at most about twice the code limit; -1 for the rest. */
    private static int[] exactDistinct(Dataset<Row> table, List<String> features, Row total) {
        int[] out = new int[features.size()];
        List<Integer> candidates = new ArrayList<>();
        List<Column> exact = new ArrayList<>();
        int base = 6 * features.size();
        for (int j = 0; j < features.size(); j++) {
            out[j] = -1;
            boolean whole = total.getLong(6 * j) > 0 && total.getLong(6 * j + 5) == 0;
            if (whole && total.getLong(base + j) <= 2L * ColumnSummary.MAX_DISTINCT) {
                candidates.add(j);
                exact.add(count_distinct(SparkTables.col(features.get(j))));
            }
        }
        if (!exact.isEmpty()) {
            Row counted = table.agg(exact.get(0), exact.subList(1, exact.size()).toArray(new Column[0])).first();
            for (int i = 0; i < candidates.size(); i++) {
                long n = counted.getLong(i);
                out[candidates.get(i)] = n <= ColumnSummary.MAX_DISTINCT ? (int) n : -1;
            }
        }
        return out;
    }

    private static List<ColumnSummary> columns(Row row, int offset, int features, int[] distinct) {
        List<ColumnSummary> out = new ArrayList<>(features);
        for (int j = 0; j < features; j++) {
            int at = offset + 6 * j;
            long n = row.getLong(at);
            boolean whole = n > 0 && row.getLong(at + 5) == 0;
            out.add(new ColumnSummary(n, n == 0 ? 0 : row.getDouble(at + 1), n == 0 ? 0 : row.getDouble(at + 2),
                    n == 0 ? Double.POSITIVE_INFINITY : row.getDouble(at + 3),
                    n == 0 ? Double.NEGATIVE_INFINITY : row.getDouble(at + 4), whole,
                    whole && distinct != null ? distinct[j] : -1, 0, -1, 0, -1));
        }
        return out;
    }
}
