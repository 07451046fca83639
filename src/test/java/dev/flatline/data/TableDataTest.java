package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Messy tables into LabelledData: one-hot encoding, missing cells, clear refusals. */
class TableDataTest {

    /** 20 rows: a numeric column with two missing cells, a text column, a coded column, a class. */
    private static Table messy() {
        double[] size = new double[20];
        String[] colour = new String[20];
        double[] code = new double[20];
        String[] label = new String[20];
        for (int i = 0; i < 20; i++) {
            size[i] = i;
            colour[i] = i % 3 == 0 ? "red" : "blue";
            code[i] = i % 4;
            label[i] = i % 2 == 0 ? "a" : "b";
        }
        size[3] = Double.NaN;
        size[8] = Double.NaN;
        return Table.create("messy", DoubleColumn.create("size", size), StringColumn.create("colour", colour),
                DoubleColumn.create("code", code), StringColumn.create("class", label));
    }

    @Test
    void missingCellsAreRefusedWithTheColumnAndAWayOut() {
        var e = assertThrows(DataException.class, () -> TableData.from(messy()).oneHot("colour").load());
        assertTrue(e.getMessage().contains("'size'") && e.getMessage().contains("2 missing cells")
                && e.getMessage().contains("fillMissingWithTrainMedian"), e.getMessage());
    }

    @Test
    void textColumnsMustBeNamedForOneHotEncoding() {
        var e = assertThrows(DataException.class, () -> TableData.from(messy()).fillMissingWithTrainMedian().load());
        assertTrue(e.getMessage().contains("'colour'") && e.getMessage().contains("oneHot(\"colour\")"), e.getMessage());
        var unknown = assertThrows(DataException.class, () -> TableData.from(messy()).oneHot("color").load());
        assertTrue(unknown.getMessage().contains("no column 'color'"), unknown.getMessage());
    }

    @Test
    void encodesNominalColumnsAndFillsWithTheTrainingMedian() {
        Table table = messy();
        LabelledData data = TableData.from(table).oneHot("colour", "code").fillMissingWithTrainMedian().load();
        assertEquals(Arrays.asList("size", "colour=blue", "colour=red", "code=0", "code=1", "code=2", "code=3"),
                data.featureNames());
        Table encoded = data.table();
        double[] trainSizes = Arrays.stream(data.trainRows()).mapToDouble(r -> table.doubleColumn("size").getDouble(r))
                .filter(Double::isFinite).sorted().toArray();
        int mid = trainSizes.length / 2;
        double median = trainSizes.length % 2 == 1 ? trainSizes[mid] : (trainSizes[mid - 1] + trainSizes[mid]) / 2;
        assertEquals(median, encoded.doubleColumn("size").getDouble(3), 1e-12);
        assertEquals(1.0, encoded.doubleColumn("colour=red").getDouble(0));
        assertEquals(0.0, encoded.doubleColumn("colour=blue").getDouble(0));
        assertEquals(1.0, encoded.doubleColumn("code=2").getDouble(6));
        assertFalse(table.doubleColumn("size").isMissing(0));
        assertTrue(table.doubleColumn("size").isMissing(3), "the table itself is not changed");
    }

    @Test
    void ignoredColumnsAndTheClassAreNotFeatures() {
        LabelledData data = TableData.from(messy()).oneHot("colour").ignore("code").fillMissingWithTrainMedian()
                .seed(3).load();
        assertFalse(data.featureNames().contains("code"));
        assertEquals(20, data.rowCount());
        var e = assertThrows(DataException.class, () -> TableData.from(messy()).oneHot("class").load());
        assertTrue(e.getMessage().contains("class column"), e.getMessage());
    }

    @Test
    void aRowWithoutAClassIsRefused() {
        Table table = messy();
        table.stringColumn("class").setMissing(5);
        var e = assertThrows(DataException.class,
                () -> TableData.from(table).oneHot("colour").fillMissingWithTrainMedian().load());
        assertTrue(e.getMessage().contains("Row 5") && e.getMessage().contains("no class"), e.getMessage());
    }

    @Test
    void trainValidationSplitsTheTrainingPartOnly() {
        LabelledData credit = Datasets.creditG();
        LabelledData inner = credit.trainValidation(0.25, 1);
        assertEquals(credit.trainSize(), inner.rowCount());
        assertEquals(Math.round(credit.trainSize() * 0.25), inner.testSize(), 2);
        assertThrows(DataException.class, () -> credit.trainValidation(1.5, 1));
        LabelledData scaled = credit.standardised();
        assertTrue(scaled.trainValidation(0.25, 1).standardisation().orElseThrow()
                == scaled.standardisation().orElseThrow(), "one scaling for train, validation and test");
    }
}
