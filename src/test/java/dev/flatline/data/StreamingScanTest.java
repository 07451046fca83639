package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StreamingScan}: its statistics over every row equal those of the loaded file, its sample keeps
 * every rare row and is seeded, and bad input gets CsvData's messages, found while streaming.
 */
class StreamingScanTest {

    @TempDir
    static Path dir;
    static Path file;
    static LabelledData loaded;

    @BeforeAll
    static void writeFile() throws IOException {
        file = dir.resolve("shuttle-like.csv");
        ShuttleLikeFile.write(file, 40_000, 3);
        loaded = CsvData.from(file).load();
    }

    @Test
    void statisticsOverEveryRowEqualThoseOfTheLoadedFile() {
        ScannedData scan = StreamingScan.of(file).run();
        DataSummary s = scan.summary();
        assertEquals(loaded.classCounts(), s.classCounts());
        assertEquals(40_000, s.rows());
        Columns columns = loadedColumns();
        for (int j = 0; j < columns.featureCount(); j++) {
            double[] v = columns.features()[j];
            double mean = java.util.Arrays.stream(v).average().orElseThrow();
            double var = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / v.length;
            ColumnSummary c = s.columns().get(j);
            assertEquals(mean, c.mean(), 1e-9 * Math.max(1, Math.abs(mean)), "mean of " + s.featureNames().get(j));
            assertEquals(Math.sqrt(var), c.std(), 1e-9 * Math.max(1, Math.sqrt(var)));
            assertEquals(java.util.Arrays.stream(v).min().orElseThrow(), c.min());
            assertEquals(java.util.Arrays.stream(v).max().orElseThrow(), c.max());
            assertTrue(c.wholeNumbers(), "Shuttle's values are whole numbers");
            Set<Double> distinct = new HashSet<>();
            for (double x : v) {
                distinct.add(x);
            }
            assertEquals(distinct.size() <= ColumnSummary.MAX_DISTINCT ? distinct.size() : -1, c.distinctWhole());
            assertEquals(0, c.missing());
            assertEquals(-1, c.firstMissingLine());
        }
        // Per class: the rows of class c alone.
        String rare = s.classCounts().minority();
        assertEquals(s.classCounts().get(rare), s.perClass().get(rare).get(0).count());
        assertTrue(scan.bytes() > 0 && scan.seconds() > 0);
        assertTrue(s.computedBy().contains("40,000 rows"), s.computedBy());
    }

    @Test
    void theSampleKeepsEveryRareRowAndSamplesTheCommonClasses() {
        int sampleRows = 4000;
        int rareRows = 500;
        ScannedData scan = StreamingScan.of(file).sampleRows(sampleRows).rareRows(rareRows).seed(7).run();
        ClassCounts all = scan.summary().classCounts();
        ClassCounts kept = scan.sample().classCounts();
        Map<String, Long> quotas = StratifiedSample.quotas(all, sampleRows, rareRows);
        for (String c : all.classes()) {
            assertEquals(quotas.get(c), kept.get(c), c);
            if (all.get(c) <= rareRows) {
                assertEquals(all.get(c), kept.get(c), "rare class " + c + " kept whole");
            } else {
                assertTrue(kept.get(c) >= rareRows && kept.get(c) < all.get(c), c + ": " + kept.get(c));
            }
        }
        assertTrue(all.get(all.minority()) < 20, "the file has a class of a few rows: " + all);
        // A uniform sample of the majority class: its mean lies within a few standard errors of the class's.
        String majority = all.majority();
        ColumnSummary v1 = scan.summary().perClass().get(majority).get(0);
        double sampleMean = classMean(scan.sample(), majority, 0);
        double standardError = v1.std() / Math.sqrt(kept.get(majority));
        assertTrue(Math.abs(sampleMean - v1.mean()) < 5 * standardError,
                sampleMean + " vs " + v1.mean() + " +- " + standardError);
    }

    @Test
    void theSampleIsSeeded() {
        LabelledData a = StreamingScan.of(file).sampleRows(3000).rareRows(300).seed(1).run().sample();
        LabelledData b = StreamingScan.of(file).sampleRows(3000).rareRows(300).seed(1).run().sample();
        LabelledData c = StreamingScan.of(file).sampleRows(3000).rareRows(300).seed(2).run().sample();
        assertArrayEquals(a.table().numberColumn(0).asDoubleArray(), b.table().numberColumn(0).asDoubleArray());
        assertFalse(java.util.Arrays.equals(a.table().numberColumn(0).asDoubleArray(),
                c.table().numberColumn(0).asDoubleArray()));
    }

    @Test
    void quotasKeepRareClassesWholeAndShareTheRest() {
        ClassCounts counts = ClassCounts.of(Map.of("a", 1_000_000, "b", 250_000, "c", 40, "d", 900));
        Map<String, Long> q = StratifiedSample.quotas(counts, 10_000, 1_000);
        assertEquals(40L, q.get("c"));
        assertEquals(900L, q.get("d"));
        assertEquals((long) Math.floor((10_000 - 940) * 1_000_000.0 / 1_250_000), q.get("a"));
        assertEquals(1_812L, q.get("b"));
        assertThrows(DataException.class, () -> StratifiedSample.quotas(counts, 10, 100));
    }

    @Test
    void aNonNumericCellGetsCsvDatasMessage() throws IOException {
        Path bad = withLine("bad.csv", "1,2,3,4,5,6,7,8,nine,Rad.Flow");
        String loadMessage = assertThrows(DataException.class, () -> CsvData.from(bad).load()).getMessage();
        String scanMessage = assertThrows(DataException.class, () -> StreamingScan.of(bad).run()).getMessage();
        assertEquals(loadMessage, scanMessage);
        assertTrue(scanMessage.contains("'nine'") && scanMessage.contains("'V9'") && scanMessage.contains("line 5"),
                scanMessage);
    }

    @Test
    void missingAndNonFiniteCellsAreCountedToTheEndWithTheFirstLineOfEach() throws IOException {
        Path bad = withLine("missing.csv", "1,NA,3,4,5,6,7,8,9,Rad.Flow", "1,2,NaN,4,5,6,7,8,9,High",
                "1,,3,4,5,6,7,8,9,High");
        String loadMessage = assertThrows(DataException.class, () -> CsvData.from(bad).load()).getMessage();
        String scanMessage = assertThrows(DataException.class, () -> StreamingScan.of(bad).run()).getMessage();
        assertTrue(scanMessage.startsWith(loadMessage), scanMessage);
        assertTrue(scanMessage.contains("2 missing and 1 non-finite feature cells"), scanMessage);
        assertTrue(scanMessage.contains("'V2' 2 missing from line 5") && scanMessage.contains("'V3' 1 non-finite from line 6"),
                scanMessage);
    }

    @Test
    void anUnknownTargetAndAnEmptyFileGetCsvDatasMessages() throws IOException {
        String load = assertThrows(DataException.class, () -> CsvData.from(file).target("label").load()).getMessage();
        assertEquals(load, assertThrows(DataException.class, () -> StreamingScan.of(file).target("label").run())
                .getMessage());
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertEquals(assertThrows(DataException.class, () -> CsvData.from(empty).load()).getMessage(),
                assertThrows(DataException.class, () -> StreamingScan.of(empty).run()).getMessage());
        assertThrows(DataException.class, () -> StreamingScan.of(dir.resolve("absent.csv")).run());
    }

    @Test
    void longReadsDrawAProgressLine() {
        java.io.ByteArrayOutputStream terminal = new java.io.ByteArrayOutputStream();
        StreamingScan.of(file).progress(new java.io.PrintStream(terminal, true)).run();
        // 40,000 rows read in well under the 2 s before the first line: nothing drawn.
        assertEquals("", terminal.toString());
    }

    private static Path withLine(String name, String... extra) throws IOException {
        StringBuilder text = new StringBuilder("V1,V2,V3,V4,V5,V6,V7,V8,V9,class\n");
        text.append("1,2,3,4,5,6,7,8,9,Rad.Flow\n1,2,3,4,5,6,7,8,9,High\n1,2,3,4,5,6,7,8,9,High\n");
        for (String line : extra) {
            text.append(line).append('\n');
        }
        return Files.writeString(dir.resolve(name), text);
    }

    private static Columns loadedColumns() {
        try (var in = Files.newInputStream(file)) {
            return CsvData.parse(in, "x", "class", Set.of(), ',');
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double classMean(LabelledData data, String label, int feature) {
        double sum = 0;
        int n = 0;
        var table = data.table();
        for (int i = 0; i < table.rowCount(); i++) {
            if (table.stringColumn(data.targetName()).get(i).equals(label)) {
                sum += table.numberColumn(feature).getDouble(i);
                n++;
            }
        }
        assertNotEquals(0, n);
        return sum / n;
    }
}
