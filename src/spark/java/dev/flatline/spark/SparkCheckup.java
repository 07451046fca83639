package dev.flatline.spark;

import dev.flatline.data.CheckData;
import dev.flatline.data.ClassCounts;
import dev.flatline.data.DataException;
import dev.flatline.data.DataSummary;
import dev.flatline.data.LabelledData;
import dev.flatline.data.StratifiedSample;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The checkup's data from Spark: the data checks' statistics as aggregations over the whole table on
 * the cluster, the stratified sample collected to the driver for the model, its checks and the trials.
 *
 * <pre>{@code
 * CheckData data = SparkCheckup.checkData(spark.read().parquet("s3a://bucket/events"), null, "label", 0,
 *         StratifiedSample.DEFAULT_SAMPLE_ROWS);
 * Diagnosis report = Checkup.of(data).run();   // says what ran where in its title
 * }</pre>
 *
 * <p>Train/test shift on every row needs two tables: a separate test table, or {@link #split} of a
 * table by a column that marks the test rows.
 */
public final class SparkCheckup {

    private SparkCheckup() {
    }

    /**
     * Check data for a table (and optionally a separate test table with the same columns).
     *
     * @param table      rows with the class column {@code target} and numeric features
     * @param testTable  null, or the test rows
     * @param target     the class column
     * @param seed       seed of the sample and its split
     * @param sampleRows the sample's size (see {@link StratifiedSample})
     */
    public static CheckData checkData(Dataset<Row> table, Dataset<Row> testTable, String target, long seed,
            int sampleRows) {
        return checkData(table, testTable, target, seed, sampleRows, describe(table, "the table"),
                testTable == null ? null : describe(testTable, "the test table"), "table");
    }

    /**
     * Two tables from one: the rows whose {@code splitColumn} equals {@code testValue} (as text) and the
     * rest, both without the split column.
     */
    public static Dataset<Row>[] split(Dataset<Row> table, String splitColumn, String testValue) {
        Dataset<Row> marked = table.withColumn("__flatline_test",
                SparkTables.col(splitColumn).cast("string").equalTo(testValue));
        @SuppressWarnings("unchecked")
        Dataset<Row>[] parts = new Dataset[] {
                marked.filter("NOT __flatline_test").drop("__flatline_test", splitColumn),
                marked.filter("__flatline_test").drop("__flatline_test", splitColumn)};
        return parts;
    }

    /**
     * The CLI's entry ({@code flatline checkup --spark}): reads {@code data} (and {@code test}) as CSV or
     * Parquet with a session on {@code master} (null: embedded {@code local[*]}), and stops the session it
     * made.
     */
    public static CheckData checkData(String data, String test, String target, String master, long seed,
            int sampleRows, PrintStream terminal) {
        String url = master == null ? "local[*]" : master;
        quietLogs();
        terminal.println("Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + " on " + url
                + (master == null ? " (embedded)" : "") + ": the data checks run as Spark aggregations over every row...");
        SparkSession spark = SparkSession.builder().appName("flatline checkup").master(url)
                .config("spark.ui.enabled", "false").config("spark.sql.caseSensitive", "true").getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            Dataset<Row> table = SparkTables.read(spark, data);
            Dataset<Row> testTable = test == null ? null : SparkTables.read(spark, test);
            return checkData(table, testTable, target, seed, sampleRows, "'" + data + "'",
                    test == null ? null : "'" + test + "'", baseName(data));
        } finally {
            spark.stop();
        }
    }

    private static CheckData checkData(Dataset<Row> table, Dataset<Row> testTable, String target, long seed,
            int sampleRows, String source, String testSource, String name) {
        SparkSession spark = table.sparkSession();
        String where = "Spark " + spark.version() + " aggregations on " + spark.sparkContext().master();
        int rareRows = Math.min(sampleRows, StratifiedSample.DEFAULT_RARE_ROWS);
        long t0 = System.nanoTime();
        try {
            Dataset<Row> prepared = SparkTables.prepared(table, target, source).persist(StorageLevel.MEMORY_AND_DISK());
            List<String> features = SparkTables.features(prepared, target);
            DataSummary summary = SparkSummary.of(prepared, target, features, source, where);
            ClassCounts counts = summary.classCounts();
            if (counts.size() < 2) {
                throw new DataException("Target column '" + target + "' of " + source + " has a single class ('"
                        + counts.majority() + "', all " + counts.total() + " rows). A classifier needs at least 2 "
                        + "classes: check that '" + target + "' is the right column, or add rows of the other classes.");
            }
            LabelledData sample = SparkSample.collect(prepared, target, features, counts, seed, sampleRows, rareRows,
                    name, source);
            prepared.unpersist();
            DataSummary testSummary = null;
            LabelledData testSample = null;
            if (testTable != null) {
                Dataset<Row> preparedTest = SparkTables.prepared(testTable, target, testSource)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                testSummary = SparkSummary.of(preparedTest, target, SparkTables.features(preparedTest, target),
                        testSource, where);
                testSample = SparkSample.collect(preparedTest, target, testSummary.featureNames(),
                        testSummary.classCounts(), seed, sampleRows, rareRows, name + " test", testSource);
                preparedTest.unpersist();
            }
            CheckData checkData = testSample == null ? CheckData.of(sample) : CheckData.of(sample, testSample);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return checkData.withFullData(summary, testSummary, String.format(Locale.ROOT,
                    "data checks on all %,d rows as %s (%.1f s); model, model checks and trials on a stratified "
                            + "sample of %,d rows collected to the driver that keeps every row of each class of at "
                            + "most %,d rows", summary.rows(), where, seconds,
                    checkData.train().size() + checkData.test().size(), rareRows));
        } catch (DataException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getClass().getName().startsWith("org.apache.spark")) {
                String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                throw new DataException("Spark could not read or aggregate " + source + ": " + message
                        + ". Check the path, the format (CSV with a header line, or Parquet) and the master URL.", e);
            }
            throw e;
        }
    }

    /** Spark's and Hadoop's INFO lines (through flatline's slf4j-simple) would bury the report: warnings only. */
    static void quietLogs() {
        for (String logger : List.of("org.apache.spark", "org.apache.hadoop", "org.sparkproject", "io.netty",
                "org.apache.parquet", "org.apache.orc")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger,
                    System.getProperty("org.slf4j.simpleLogger.log." + logger, "warn"));
        }
    }

    /** The files a table was read from, as messages name a file, or {@code otherwise}. */
    private static String describe(Dataset<Row> table, String otherwise) {
        String[] files = table.inputFiles();
        return files.length == 0 ? otherwise : (files.length == 1 ? "file '" : "files '") + String.join("', '", files)
                + "'";
    }

    private static String baseName(String path) {
        String file = path.replaceAll("/+$", "");
        file = file.substring(file.lastIndexOf('/') + 1);
        file = file.replaceAll("\\.gz$", "");
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
