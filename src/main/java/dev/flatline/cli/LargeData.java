package dev.flatline.cli;

import dev.flatline.data.CheckData;
import dev.flatline.data.DataException;
import dev.flatline.data.DataSummary;
import dev.flatline.data.ScannedData;
import dev.flatline.data.StratifiedSample;
import dev.flatline.data.StreamingScan;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How {@code flatline checkup} loads data too large to hold: files of at least
 * {@link #STREAM_ABOVE_BYTES} are streamed once ({@link StreamingScan}) and the checkup's model trains
 * on the stratified sample while the data checks read the statistics over every row; {@code --spark}
 * hands the same work to Spark (the optional {@code -Pspark} build).
 *
 * <p>Why 16 MiB: loading a file keeps every row as a Tablesaw table, a Tribuo dataset and column
 * copies, about 3.5 KB per Shuttle-like row (1 million rows, 34 MB, took 3.5 GB resident), so from
 * about half a million rows a default heap is at risk and the checked model's fit alone eats the
 * budget; below it a file is small enough that every row trains the model, as before.
 */
final class LargeData {

    /** Files at least this large (bytes) are streamed. */
    static final long STREAM_ABOVE_BYTES = 16L << 20;
    /** The Spark entry point, present only in the {@code -Pspark} build. */
    static final String SPARK_CHECKUP = "dev.flatline.spark.SparkCheckup";

    private LargeData() {
    }

    /** Whether either file is large enough to stream. */
    static boolean large(Path data, Path test) {
        try {
            return Files.isRegularFile(data) && Files.size(data) >= STREAM_ABOVE_BYTES
                    || test != null && Files.isRegularFile(test) && Files.size(test) >= STREAM_ABOVE_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Streams the file(s): statistics over every row, the checkup on the sample. */
    static CheckData stream(Path data, Path test, String target, long seed, int sampleRows, PrintStream terminal) {
        ScannedData train = scan(data, target, seed, sampleRows, terminal);
        ScannedData testScan = test == null ? null : scan(test, target, seed, sampleRows, terminal);
        CheckData sample = testScan == null ? CheckData.of(train.sample())
                : CheckData.of(train.sample(), testScan.sample());
        return sample.withFullData(train.summary(), testScan == null ? null : testScan.summary(),
                where(train.summary(), sample.train().size() + sample.test().size(), sampleRows));
    }

    private static ScannedData scan(Path file, String target, long seed, int sampleRows, PrintStream terminal) {
        return StreamingScan.of(file).target(target).seed(seed).sampleRows(sampleRows)
                .rareRows(Math.min(sampleRows, StratifiedSample.DEFAULT_RARE_ROWS)).progress(terminal).run();
    }

    /** What ran where, for the report's title. */
    static String where(DataSummary summary, int sampleRows, int requested) {
        return String.format(Locale.ROOT, "data checks on all %,d rows, %s; model, model checks and trials on a "
                + "stratified sample of %,d rows that keeps every row of each class of at most %,d rows",
                summary.rows(), summary.computedBy(), sampleRows,
                Math.min(requested, StratifiedSample.DEFAULT_RARE_ROWS));
    }

    /**
     * The checkup's data through Spark: {@code SparkCheckup.checkData(data, test, target, master, seed,
     * sampleRows, terminal)}, found by name because the default build has no Spark.
     */
    static CheckData spark(String data, String test, String target, String master, long seed, int sampleRows,
            PrintStream terminal) {
        Class<?> entry;
        try {
            entry = Class.forName(SPARK_CHECKUP);
        } catch (ClassNotFoundException e) {
            throw new DataException("--spark needs the Spark build, which this one is not: run it through "
                    + "./flatline checkup --spark (it builds with Spark the first time), or build with "
                    + "'mvn -Pspark package'.");
        }
        try {
            return (CheckData) entry.getMethod("checkData", String.class, String.class, String.class, String.class,
                    long.class, int.class, PrintStream.class)
                    .invoke(null, data, test, target, master, seed, sampleRows, terminal);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof LinkageError err) {
                throw new IllegalStateException("Spark could not start in this build (" + err + "); rebuild it "
                        + "with 'mvn -Pspark package' (the jars in target-spark/lib must come from that build).");
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (LinkageError e) {
            throw new IllegalStateException("Spark could not start in this build (" + e + "); rebuild it with "
                    + "'mvn -Pspark package' (the jars in target-spark/lib must come from that build).");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the Spark build's " + SPARK_CHECKUP + " does not match this one: " + e);
        }
    }
}
