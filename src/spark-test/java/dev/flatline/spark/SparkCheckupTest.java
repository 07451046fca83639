package dev.flatline.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.CheckResult;
import dev.flatline.checks.Checkup;
import dev.flatline.checks.ClassImbalanceCheck;
import dev.flatline.checks.ConstantFeaturesCheck;
import dev.flatline.checks.FeatureScaleCheck;
import dev.flatline.checks.IntegerFeaturesCheck;
import dev.flatline.checks.Diagnosis;
import dev.flatline.checks.TrainTestShiftCheck;
import dev.flatline.data.CheckData;
import dev.flatline.data.ColumnSummary;
import dev.flatline.data.DataException;
import dev.flatline.data.DataSummary;
import dev.flatline.data.ScannedData;
import dev.flatline.data.ShuttleLikeFile;
import dev.flatline.data.StreamingScan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * The checkup's data on an embedded Spark session gives the same data findings as the one-machine
 * streaming path on the same files; {@link SparkClusterIT} repeats it on a standalone cluster.
 */
class SparkCheckupTest {

    static final int SAMPLE_ROWS = 5000;
    /** What SparkCheckup keeps whole for this sample size. */
    static final int RARE_ROWS = Math.min(SAMPLE_ROWS, dev.flatline.data.StratifiedSample.DEFAULT_RARE_ROWS);
    @TempDir
    static Path dir;
    static Path train;
    static Path test;
    static SparkSession spark;

    @BeforeAll
    static void start() throws IOException {
        train = dir.resolve("train.csv");
        test = dir.resolve("test.csv");
        ShuttleLikeFile.write(train, 60_000, 1);
        writeShiftedTest(test);
        SparkCheckup.quietLogs();
        spark = SparkSession.builder().master("local[2]").appName("flatline test").config("spark.ui.enabled", "false")
                .config("spark.sql.caseSensitive", "true").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** A test file whose V1 is shifted by many training deviations: train-test-shift must fire on both paths. */
    static void writeShiftedTest(Path file) throws IOException {
        Path plain = file.resolveSibling("plain-" + file.getFileName());
        ShuttleLikeFile.write(plain, 20_000, 2);
        List<String> lines = Files.readAllLines(plain);
        StringBuilder out = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            int comma = line.indexOf(',');
            out.append(Integer.parseInt(line.substring(0, comma)) + 100).append(line.substring(comma)).append('\n');
        }
        Files.writeString(file, out);
    }

    @Test
    void sparkAggregationsEqualTheStreamingScan() {
        ScannedData streamed = StreamingScan.of(train).sampleRows(SAMPLE_ROWS).rareRows(RARE_ROWS).run();
        CheckData onSpark = SparkCheckup.checkData(SparkTables.read(spark, train.toString()), null, "class", 0,
                SAMPLE_ROWS);
        assertSameStatistics(streamed.summary(), onSpark.fullData().orElseThrow());
        assertTrue(onSpark.name().contains("aggregations on local[2]"), onSpark.name());
        assertEquals(streamed.sample().classCounts(), dev.flatline.data.ClassCounts.of(sampleCounts(onSpark)),
                "the same quotas, drawn on Spark");
    }

    @Test
    void theDataFindingsAreTheSameOnBothPaths() {
        assertSameDataFindings(spark, train, test);
    }

    /** Runs the data checks on both paths (train and a shifted test file) and compares every result. */
    static void assertSameDataFindings(SparkSession session, Path trainFile, Path testFile) {
        ScannedData a = StreamingScan.of(trainFile).sampleRows(SAMPLE_ROWS).rareRows(RARE_ROWS).run();
        ScannedData b = StreamingScan.of(testFile).sampleRows(SAMPLE_ROWS).rareRows(RARE_ROWS).run();
        CheckData streamed = CheckData.of(a.sample(), b.sample()).withFullData(a.summary(), b.summary(), "streamed");
        CheckData onSpark = SparkCheckup.checkData(SparkTables.read(session, trainFile.toString()),
                SparkTables.read(session, testFile.toString()), "class", 0, SAMPLE_ROWS);
        assertSameStatistics(a.summary(), onSpark.fullData().orElseThrow());
        Diagnosis x = dataChecks(streamed);
        Diagnosis y = dataChecks(onSpark);
        for (String id : List.of("class-imbalance", "constant-features", "feature-scale", "integer-features",
                "train-test-shift")) {
            CheckResult r = x.result(id).orElseThrow();
            CheckResult s = y.result(id).orElseThrow();
            assertEquals(r.status(), s.status(), id);
            assertEquals(r.findings().stream().map(f -> f.severity() + " " + f.title()).toList(),
                    s.findings().stream().map(f -> f.severity() + " " + f.title()).toList(), id);
        }
        assertTrue(x.finding("train-test-shift").isPresent(), "the shifted test file is found on every row");
        assertTrue(x.finding("class-imbalance").isPresent());
    }

    static Diagnosis dataChecks(CheckData data) {
        return Checkup.of(data).trainer(new LogisticRegressionTrainer()).maxTrials(0)
                .checks(List.of(new ClassImbalanceCheck(), new ConstantFeaturesCheck(), new FeatureScaleCheck(),
                        new IntegerFeaturesCheck(), new TrainTestShiftCheck()))
                .run();
    }

    static void assertSameStatistics(DataSummary streamed, DataSummary spark) {
        assertEquals(streamed.classCounts(), spark.classCounts());
        assertEquals(streamed.featureNames(), spark.featureNames());
        for (int j = 0; j < streamed.columns().size(); j++) {
            ColumnSummary s = streamed.columns().get(j);
            ColumnSummary k = spark.columns().get(j);
            assertEquals(s.count(), k.count());
            assertEquals(s.mean(), k.mean(), 1e-9 * Math.max(1, Math.abs(s.mean())));
            assertEquals(s.std(), k.std(), 1e-9 * Math.max(1, s.std()));
            assertEquals(s.min(), k.min());
            assertEquals(s.max(), k.max());
            assertEquals(s.wholeNumbers(), k.wholeNumbers());
            assertEquals(s.distinctWhole(), k.distinctWhole(), streamed.featureNames().get(j));
        }
        for (String c : streamed.classCounts().classes()) {
            for (int j = 0; j < streamed.columns().size(); j++) {
                ColumnSummary s = streamed.perClass().get(c).get(j);
                ColumnSummary k = spark.perClass().get(c).get(j);
                assertEquals(s.count(), k.count());
                assertEquals(s.mean(), k.mean(), 1e-9 * Math.max(1, Math.abs(s.mean())));
                assertEquals(s.std(), k.std(), 1e-9 * Math.max(1, s.std()));
            }
        }
    }

    @Test
    void badInputGetsOneLineNamingTheColumnAndValue() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,b,class\n1,2,x\n1,two,y\n3,4,x\n");
        String message = assertThrows(DataException.class, () -> SparkCheckup.checkData(
                SparkTables.read(spark, bad.toString()), null, "class", 0, 100)).getMessage();
        assertTrue(message.contains("Non-numeric value 'two' in feature column 'b'") && message.contains("bad.csv"),
                message);
        String target = assertThrows(DataException.class, () -> SparkCheckup.checkData(
                SparkTables.read(spark, bad.toString()), null, "label", 0, 100)).getMessage();
        assertTrue(target.contains("Target column 'label' not found") && target.contains("'a', 'b', 'class'"), target);
    }

    @Test
    void aSplitColumnMakesTwoTables() {
        var table = SparkTables.read(spark, train.toString())
                .withColumn("part", org.apache.spark.sql.functions.expr("CASE WHEN V2 % 5 = 0 THEN 'test' ELSE 'train' END"));
        var parts = SparkCheckup.split(table, "part", "test");
        long all = table.count();
        assertEquals(all, parts[0].count() + parts[1].count());
        assertTrue(parts[1].count() > 0 && !List.of(parts[0].columns()).contains("part"));
    }

    private static java.util.Map<String, Long> sampleCounts(CheckData data) {
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        data.train().forEach(e -> counts.merge(e.getOutput().getLabel(), 1L, Long::sum));
        data.test().forEach(e -> counts.merge(e.getOutput().getLabel(), 1L, Long::sum));
        return counts;
    }
}
