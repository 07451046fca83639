package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class LabelledDataTest {

    @TempDir
    Path dir;

    @Test
    void tribuoDatasetsNameFeaturesAfterColumnsAndHoldEveryClassInBothParts() {
        LabelledData glass = Datasets.glass();
        Dataset<Label> train = glass.train();
        Dataset<Label> test = glass.test();
        assertEquals(glass.trainSize(), train.size());
        assertEquals(glass.testSize(), test.size());
        assertEquals(new TreeSet<>(glass.featureNames()), new TreeSet<>(train.getFeatureIDMap().keySet()));
        Set<String> trainClasses = train.getOutputs().stream().map(Label::getLabel).collect(Collectors.toSet());
        Set<String> testClasses = test.getOutputs().stream().map(Label::getLabel).collect(Collectors.toSet());
        assertEquals(Set.copyOf(glass.classCounts().classes()), trainClasses);
        assertEquals(Set.copyOf(glass.classCounts().classes()), testClasses);
        // The first training example carries the values of the first training row, zeros included.
        Example<Label> first = train.getExample(0);
        Table table = glass.table();
        int row = glass.trainRows()[0];
        assertEquals(glass.featureCount(), first.size());
        for (Feature feature : first) {
            assertEquals(table.doubleColumn(feature.getName()).get(row), feature.getValue(), 0.0);
        }
        assertEquals(table.stringColumn("class").get(row), first.getOutput().getLabel());
    }

    @Test
    void trainAndTestTablesMatchTheSplit() {
        LabelledData wine = Datasets.wine();
        Table train = wine.trainTable();
        Table test = wine.testTable();
        assertEquals(wine.trainSize(), train.rowCount());
        assertEquals(wine.testSize(), test.rowCount());
        assertEquals(wine.table().doubleColumn("alcohol").get(wine.testRows()[3]),
                test.doubleColumn("alcohol").get(3));
    }

    @Test
    void standardisationIsFittedOnTheTrainingPartOnly() {
        LabelledData raw = Datasets.breastCancer();
        LabelledData scaled = raw.standardised();
        Standardisation stats = scaled.standardisation().orElseThrow();
        assertTrue(raw.standardisation().isEmpty());
        assertEquals(raw.trainSize(), stats.fittedRows());
        DoubleColumn rawTrainArea = raw.trainTable().doubleColumn("mean_area");
        assertEquals(rawTrainArea.mean(), stats.mean("mean_area"), 1e-9);
        assertEquals(rawTrainArea.populationVariance(), Math.pow(stats.standardDeviation("mean_area"), 2), 1e-6);
        for (String feature : raw.featureNames()) {
            DoubleColumn train = scaled.trainTable().doubleColumn(feature);
            assertEquals(0.0, train.mean(), 1e-9, feature);
            assertEquals(1.0, Math.sqrt(train.populationVariance()), 1e-9, feature);
        }
        // The test part uses the training statistics, so its mean is close to, but not exactly, 0.
        double testMean = scaled.testTable().doubleColumn("mean_area").mean();
        assertNotEquals(0.0, testMean, 1e-6);
        assertTrue(Math.abs(testMean) < 0.5, "test mean " + testMean);
        double rawValue = raw.testTable().doubleColumn("mean_area").get(0);
        assertEquals((rawValue - stats.mean("mean_area")) / stats.standardDeviation("mean_area"),
                scaled.testTable().doubleColumn("mean_area").get(0), 1e-12);
        assertArrayEquals(raw.testRows(), scaled.testRows());
        assertEquals(stats.means()[0], scaled.standardised().standardisation().orElseThrow().means()[0], 0.0);
        assertTrue(scaled.toString().contains("standardised"));
        assertEquals(4, stats.toTable().columnCount());
    }

    @Test
    void constantFeaturesBecomeOffsetsNotNaN() throws IOException {
        Path file = dir.resolve("const.csv");
        StringBuilder text = new StringBuilder("c,x,y\n");
        for (int i = 0; i < 20; i++) {
            text.append("3,").append(i).append(',').append(i % 2 == 0 ? "a" : "b").append('\n');
        }
        text.append("5,7,a\n").append("5,8,b\n");
        LabelledData data = CsvData.from(Files.writeString(dir.resolve("const.csv"), text)).target("y").load();
        // Make the constant column vary only in the test part: rows 20 and 21 are a and b, but they
        // may land in training; check the documented rule on whatever the split is.
        LabelledData scaled = data.standardised();
        Standardisation stats = scaled.standardisation().orElseThrow();
        DoubleColumn c = scaled.table().doubleColumn("c");
        for (int i = 0; i < c.size(); i++) {
            assertTrue(Double.isFinite(c.get(i)));
        }
        boolean constantInTraining = Arrays.stream(data.trainRows()).allMatch(r -> r < 20);
        if (constantInTraining) {
            assertEquals(List.of("c"), stats.constantFeatures());
            assertEquals(1.0, stats.scales()[0]);
            assertEquals(2.0, c.get(20), 0.0);
        } else {
            assertEquals(List.of(), stats.constantFeatures());
        }
        Path allConstant = Files.writeString(dir.resolve("zero.csv"), "z,y\n0,a\n0,b\n0,a\n0,b\n");
        Standardisation zero = CsvData.from(allConstant).target("y").load().standardised().standardisation()
                .orElseThrow();
        assertEquals(List.of("z"), zero.constantFeatures());
        assertEquals(0.0, zero.standardDeviation("z"));
    }

    @Test
    void subsampleTrainKeepsTheTestPartAndStratifies() {
        LabelledData shuttle = Datasets.shuttle();
        LabelledData small = shuttle.subsampleTrain(200, 1);
        assertEquals(200, small.trainSize());
        assertEquals(shuttle.testSize(), small.testSize());
        assertEquals(200 + shuttle.testSize(), small.rowCount());
        assertEquals(7, small.train().getOutputs().size(), "every class keeps a row when size >= classes");
        assertArrayEquals(shuttle.testTable().doubleColumn("V1").asDoubleArray(),
                small.testTable().doubleColumn("V1").asDoubleArray());
        Map<String, Long> trainCounts = small.trainTable().stringColumn("class").asList().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertTrue(Math.abs(trainCounts.get("Rad.Flow") - 200 * 0.786) <= 7, trainCounts.toString());
        assertArrayEquals(small.trainTable().doubleColumn("V2").asDoubleArray(),
                shuttle.subsampleTrain(200, 1).trainTable().doubleColumn("V2").asDoubleArray());
    }

    @Test
    void withSplitResplitsAndRefitsStandardisation() {
        LabelledData glass = Datasets.glass();
        LabelledData other = glass.withSplit(9, 0.5);
        assertEquals(9, other.seed());
        assertEquals(0.5, other.testFraction());
        assertTrue(Math.abs(other.testSize() - 107) <= 6);
        LabelledData scaled = glass.standardised().withSplit(9, 0.5);
        assertEquals(other.trainSize(), scaled.standardisation().orElseThrow().fittedRows());
        assertFalse(Arrays.equals(glass.testRows(), other.testRows()));
    }

    @Test
    void aClassWithOneRowIsInTheTrainingPartOnly() throws IOException {
        Path file = Files.writeString(dir.resolve("rare.csv"), "x,y\n1,a\n2,a\n3,a\n4,b\n5,b\n6,solo\n");
        LabelledData data = CsvData.from(file).target("y").testFraction(0.5).load();
        assertEquals(1, data.classCounts().get("solo"));
        assertTrue(data.trainTable().doubleColumn("x").contains(6.0));
        Set<String> testClasses = data.test().getOutputs().stream().map(Label::getLabel).collect(Collectors.toSet());
        assertEquals(Set.of("a", "b"), testClasses);
        assertEquals(3, data.train().getOutputs().size());
        assertEquals(3.0, data.imbalanceRatio());
    }

    @Test
    void toStringIsOneInformativeLine() {
        String text = Datasets.shuttle().toString();
        assertFalse(text.contains("\n"));
        for (String part : List.of("shuttle", "58000 rows", "9 features", "7 classes", "Rad.Flow", "Bpv.Close",
                "4558.6:1", "train 46400", "seed 0")) {
            assertTrue(text.contains(part), () -> "missing '" + part + "' in " + text);
        }
    }
}
