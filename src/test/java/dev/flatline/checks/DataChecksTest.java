package dev.flatline.checks;

import static dev.flatline.checks.CheckFixtures.assertFinding;
import static dev.flatline.checks.CheckFixtures.assertHealthy;
import static dev.flatline.checks.CheckFixtures.context;
import static dev.flatline.checks.CheckFixtures.logistic;
import static dev.flatline.checks.CheckFixtures.modified;
import static dev.flatline.checks.CheckFixtures.smallMlp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.CheckData;
import dev.flatline.data.CsvData;
import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.transform.TransformationMap;
import org.tribuo.transform.TransformerMap;
import org.tribuo.transform.transformations.MeanStdDevTransformation;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** The checks that read only the data: each with the failure it detects and the healthy case beside it. */
class DataChecksTest {

    @Test
    void classImbalanceFindsShuttlesExtremeImbalanceAndNotBalancedDigits() {
        Finding shuttle = assertFinding(new ClassImbalanceCheck().run(context(Datasets.shuttle(), logistic())),
                Severity.HIGH);
        assertTrue((double) shuttle.evidence().get("imbalance_ratio") > 1000, shuttle::toString);
        assertEquals("Rad.Flow", shuttle.evidence().get("majority_class"));
        assertHealthy(new ClassImbalanceCheck().run(context(Datasets.digits(), logistic())));
    }

    @Test
    void classImbalanceWithTheWeightsInPlaceOffersNoWeightsToTry() {
        // The data's imbalance is the same; what differs is whether the network already weighs its classes.
        LabelledData shuttle = Datasets.shuttle().subsampleTrain(3000, 0);
        CheckContext plain = context(shuttle, smallMlp().build());
        Finding open = assertFinding(new ClassImbalanceCheck().run(plain), Severity.HIGH);
        assertEquals(false, open.evidence().get(ClassImbalanceCheck.WEIGHTED));
        assertTrue(open.remedy().change().isPresent(), "balanced class weights to try");
        assertEquals(open.remedy().code(), open.remedy().change().get().code());
        CheckContext weighted = context(shuttle, smallMlp().balancedClassWeights().build());
        Finding inPlace = assertFinding(new ClassImbalanceCheck().run(weighted), Severity.LOW);
        assertEquals(true, inPlace.evidence().get(ClassImbalanceCheck.WEIGHTED));
        assertTrue(inPlace.title().contains("already weighs"), inPlace.title());
        assertTrue(inPlace.remedy().change().isEmpty(), "nothing to try: the weights are in place");
    }

    @Test
    void classImbalanceSuggestsAnomalyDetectionAbove99PercentMajority() {
        // Breast cancer with all but 3 malignant rows relabelled: 99.5% one class.
        LabelledData skewed = modified(Datasets.breastCancer(), t -> {
            var target = t.stringColumn("class");
            int kept = 0;
            for (int i = 0; i < t.rowCount(); i++) {
                if (!target.get(i).equals(target.get(0)) && kept++ >= 3) {
                    target.set(i, target.get(0));
                }
            }
        });
        Finding f = assertFinding(new ClassImbalanceCheck().run(context(skewed, logistic())), Severity.HIGH);
        assertTrue(f.title().contains("anomaly detection"), f.title());
    }

    @Test
    void featureScaleFindsAFeatureTimesAMillionAndNotStandardisedData() {
        LabelledData scaled = modified(Datasets.wine().standardised(), t -> {
            DoubleColumn first = (DoubleColumn) t.column(0);
            t.replaceColumn(0, first.multiply(1e6).setName(first.name()));
        });
        Finding f = assertFinding(new FeatureScaleCheck().run(context(scaled, logistic())), Severity.HIGH);
        assertEquals(Datasets.wine().featureNames().get(0), f.evidence().get("largest_feature"));
        assertHealthy(new FeatureScaleCheck().run(context(Datasets.wine().standardised(), logistic())));
    }

    @Test
    void featureScaleIsOnlyInformationForATree() {
        Finding f = assertFinding(new FeatureScaleCheck().run(context(Datasets.breastCancer(), CheckFixtures.cart())),
                Severity.INFO);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(Severity.HIGH, assertFinding(new FeatureScaleCheck().run(context(Datasets.breastCancer(),
                logistic())), Severity.HIGH).severity());
    }

    @Test
    void constantFeaturesFindsAConstantColumnAndNothingInWine() {
        LabelledData withConstant = modified(Datasets.wine(), t -> t.insertColumn(0,
                DoubleColumn.create("always seven", t.rowCount()).setMissingTo(7.0)));
        Finding f = assertFinding(new ConstantFeaturesCheck().run(context(withConstant, logistic())), Severity.LOW);
        assertEquals(List.of("always seven"), f.evidence().get("constant_features"));
        assertHealthy(new ConstantFeaturesCheck().run(context(Datasets.wine(), logistic())));
    }

    @Test
    void standardisingForARemedyLeavesAConstantColumnAtZeroInsteadOfNaN() {
        LabelledData withConstant = modified(Datasets.wine(), t -> t.insertColumn(0,
                DoubleColumn.create("always seven", t.rowCount()).setMissingTo(7.0)));
        CheckData standardised = CheckData.of(withConstant).standardisedCopy();
        for (var dataset : List.of(standardised.train(), standardised.test())) {
            for (var example : dataset) {
                for (var feature : example) {
                    assertTrue(Double.isFinite(feature.getValue()), feature.getName() + " = " + feature.getValue());
                }
                assertEquals(0.0, example.lookup("always seven").getValue());
            }
        }
    }

    @Test
    void standardisingForARemedyGivesNonConstantColumnsTribuosNumbers() {
        // The copy's statistics moved from Tribuo's MeanStdDevTransformation to data.ColumnStats; for
        // columns that vary, the numbers must not move (the checkup's reference models are trained on them).
        LabelledData withConstant = modified(Datasets.wine(), t -> t.insertColumn(0,
                DoubleColumn.create("always seven", t.rowCount()).setMissingTo(7.0)));
        CheckData data = CheckData.of(withConstant);
        CheckData ours = data.standardisedCopy();
        TransformerMap tribuo = data.train().createTransformers(
                new TransformationMap(List.of(new MeanStdDevTransformation())));
        for (var parts : List.of(List.of(data.train(), ours.train()), List.of(data.test(), ours.test()))) {
            Iterator<Example<Label>> theirs = tribuo.transformDataset(parts.get(0)).iterator();
            for (Example<Label> mine : parts.get(1)) {
                Example<Label> expected = theirs.next();
                for (var feature : expected) {
                    if (!feature.getName().equals("always seven")) {
                        assertEquals(feature.getValue(), mine.lookup(feature.getName()).getValue(), 1e-12,
                                feature.getName());
                    }
                }
            }
        }
    }

    @Test
    void constantFeaturesIsHighWhenEveryFeatureIsConstant() {
        LabelledData allConstant = modified(Datasets.wine(), t -> {
            for (int j = 0; j < t.columnCount() - 1; j++) {
                DoubleColumn c = (DoubleColumn) t.column(j);
                t.replaceColumn(j, DoubleColumn.create(c.name(), t.rowCount()).setMissingTo(1.0));
            }
        });
        assertFinding(new ConstantFeaturesCheck().run(context(allConstant, logistic())), Severity.HIGH);
    }

    @Test
    void trainTestShiftFindsATestFileStandardisedOnItsOwnAndNotARandomSplit(@TempDir Path dir) throws IOException {
        LabelledData wine = Datasets.wine();
        // The test file went through its own standardisation (statistics fitted on the test rows).
        Table test = wine.testTable();
        for (int j = 0; j < test.columnCount() - 1; j++) {
            DoubleColumn c = (DoubleColumn) test.column(j);
            test.replaceColumn(j, c.subtract(c.mean()).divide(c.standardDeviation()).setName(c.name()));
        }
        CheckData shifted = fromFiles(dir, wine, test, "test.csv");
        Finding f = assertFinding(new TrainTestShiftCheck().run(context(shifted, logistic())), Severity.HIGH);
        assertEquals(true, f.evidence().get("separate_test_file"));
        assertHealthy(new TrainTestShiftCheck().run(context(wine, logistic())));
        assertHealthy(new TrainTestShiftCheck().run(context(Datasets.shuttle(), logistic())));
    }

    @Test
    void trainTestShiftFindsTestColumnsThatHoldOtherColumnsValuesAndRenamesThem(@TempDir Path dir) throws IOException {
        LabelledData wine = Datasets.wine();
        // The test file's columns were re-encoded: two pairs of columns hold each other's values under the
        // training file's header.
        Table test = wine.testTable();
        Map<String, String> swapped = Map.of("alcohol", "proline", "proline", "alcohol", "magnesium",
                "color_intensity", "color_intensity", "magnesium");
        Table reencoded = test.copy();
        swapped.forEach((column, holds) -> reencoded.replaceColumn(column,
                test.doubleColumn(holds).copy().setName(column)));
        CheckData moved = fromFiles(dir, wine, reencoded, "test.csv");
        Finding f = assertFinding(new TrainTestShiftCheck().run(context(moved, logistic())), Severity.HIGH);
        assertEquals(4, ((List<?>) f.evidence().get("moved_columns")).size(), f.evidence()::toString);
        // The remedy gives each column back its name: the test part is then the original one.
        CheckData renamed = f.remedy().change().orElseThrow().apply(moved, logistic()).data();
        CheckData clean = fromFiles(dir, wine, test, "original.csv");
        for (int j = 0; j < clean.featureNames().size(); j++) {
            String feature = clean.featureNames().get(j);
            int r = renamed.featureNames().indexOf(feature);
            assertArrayEquals(clean.testColumns()[j], renamed.testColumns()[r], 1e-9, feature);
        }
        // A healthy split moves nothing, on data of any size.
        assertTrue(CheckData.of(wine).testColumnMatch(0).moved().isEmpty());
        assertTrue(CheckData.of(Datasets.shuttle()).testColumnMatch(0).moved().isEmpty());
    }

    @Test
    void integerFeaturesFindsCodedColumnsInCreditGAndNoneInWine() {
        Finding f = assertFinding(new IntegerFeaturesCheck().run(context(Datasets.creditG(), logistic())),
                Severity.LOW);
        assertTrue(!((List<?>) f.evidence().get("integer_features")).isEmpty());
        assertHealthy(new IntegerFeaturesCheck().run(context(Datasets.wine().standardised(), logistic())));
    }

    /** The data's training part and {@code test} written to CSV files in {@code dir} and loaded as a user's files. */
    private static CheckData fromFiles(Path dir, LabelledData data, Table test, String testName) throws IOException {
        Path trainCsv = dir.resolve("train.csv");
        Path testCsv = dir.resolve(testName);
        data.trainTable().write().csv(trainCsv.toFile());
        test.write().csv(testCsv.toFile());
        return CheckData.of(CsvData.from(trainCsv).load(), CsvData.from(testCsv).load());
    }
}
