package dev.flatline.spark;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import dev.flatline.data.ClassCounts;
import dev.flatline.data.LabelledData;
import dev.flatline.data.StratifiedSample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The stratified sample of {@link StratifiedSample}, drawn on the cluster and collected to the driver:
 * each common class is first thinned by a seeded coin (keeping a little more than its quota, so the
 * sort that follows is small), then its rows are ranked by a second seeded random number and the first
 * {@code quota} kept; rare classes are kept whole. Deterministic for a seed and the table's partitioning.
 */
public final class SparkSample {

    private SparkSample() {
    }

    /** The sample as {@link LabelledData} (80/20 stratified split with {@code seed}). */
    public static LabelledData collect(Dataset<Row> prepared, String target, List<String> features,
            ClassCounts counts, long seed, int sampleRows, int rareRows, String name, String source) {
        Map<String, Long> quotas = StratifiedSample.quotas(counts, sampleRows, rareRows);
        Column keep = lit(1.0);
        for (Map.Entry<String, Long> q : quotas.entrySet()) {
            long n = counts.get(q.getKey());
            double share = q.getValue() >= n ? 1.0
                    : Math.min(1.0, (q.getValue() + 6 * Math.sqrt(q.getValue()) + 10) / n);
            keep = when(SparkTables.col(target).equalTo(q.getKey()), share).otherwise(keep);
        }
        Column quota = lit(0L);
        for (Map.Entry<String, Long> q : quotas.entrySet()) {
            quota = when(SparkTables.col(target).equalTo(q.getKey()), q.getValue()).otherwise(quota);
        }
        Dataset<Row> thinned = prepared.withColumn("__flatline_coin", rand(seed))
                .filter(org.apache.spark.sql.functions.col("__flatline_coin").lt(keep))
                .withColumn("__flatline_rank", row_number().over(Window.partitionBy(SparkTables.col(target))
                        .orderBy(rand(seed + 1))))
                .filter(org.apache.spark.sql.functions.col("__flatline_rank").leq(quota));
        List<Column> kept = new ArrayList<>();
        kept.add(SparkTables.col(target));
        features.forEach(f -> kept.add(SparkTables.col(f)));
        kept.add(org.apache.spark.sql.functions.col("__flatline_rank"));
        List<Row> rows = thinned.select(kept.toArray(new Column[0])).collectAsList();
        // Class by class in the order of the counts, as the one-machine sample is laid out.
        Map<String, List<Row>> byClass = new LinkedHashMap<>();
        counts.classes().forEach(c -> byClass.put(c, new ArrayList<>()));
        rows.forEach(r -> byClass.get(r.getString(0)).add(r));
        // Collected in no fixed order: each class in its random rank's order, so a seed fixes the training order.
        byClass.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(r -> r.getInt(1 + features.size()))));
        double[][] values = new double[features.size()][rows.size()];
        String[] labels = new String[rows.size()];
        int i = 0;
        for (Map.Entry<String, List<Row>> e : byClass.entrySet()) {
            for (Row r : e.getValue()) {
                labels[i] = e.getKey();
                for (int j = 0; j < features.size(); j++) {
                    values[j][i] = r.getDouble(1 + j);
                }
                i++;
            }
        }
        return StratifiedSample.labelledData(name, source, target, features, values, labels, seed);
    }
}
