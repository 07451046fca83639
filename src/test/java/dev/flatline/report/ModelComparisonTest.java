package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.plots.Charts;
import dev.flatline.remedies.ClassWeights;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import tech.tablesaw.api.Table;

/** A collapsed baseline next to a real model on Glass: the table, HTML and chart say which is which. */
class ModelComparisonTest {

    @Test
    void collapsedBaselineBesideATreeOnGlass() {
        LabelledData glass = Datasets.glass().standardised();
        Dataset<Label> train = glass.train();
        Dataset<Label> test = glass.test();
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("majority", DummyClassifierTrainer.createMostFrequentTrainer().train(train));
        models.put("tree, weighted", new CARTClassificationTrainer().train(ClassWeights.balanced(train).applyTo(train)));
        ModelComparison comparison = ModelComparison.evaluate(test, models);

        List<String> classes = comparison.classes();
        assertEquals(6, classes.size());
        assertEquals(5, comparison.neverPredicted("majority").size(), "the baseline predicts one class of six");
        assertEquals(1.0 / 6, comparison.balancedAccuracy("majority"), 1e-12);
        assertTrue(comparison.balancedAccuracy("tree, weighted") > 0.4, comparison.toString());
        assertEquals(1.0, comparison.recall("majority", classes.get(0)), 1e-12, "majority class first");
        assertEquals(0.0, comparison.recall("majority", classes.get(5)), 1e-12);

        Table table = comparison.table();
        assertEquals(List.of("measure", "majority", "tree, weighted", "test rows"), table.columnNames());
        int smallest = comparison.support(classes.get(5));
        assertTrue(smallest > 0 && smallest < comparison.support(classes.get(0)), "support follows the class order");
        assertEquals(smallest, table.doubleColumn("test rows").get(4 + 5), 1e-12, "each recall's support beside it");
        assertTrue(table.doubleColumn("test rows").isMissing(1), "no support for balanced accuracy");
        assertEquals(4 + 6, table.rowCount());
        assertEquals("balanced accuracy", table.stringColumn("measure").get(1));
        assertEquals(comparison.balancedAccuracy("tree, weighted"), table.doubleColumn("tree, weighted").get(1), 1e-12);
        assertEquals(5.0, table.doubleColumn("majority").get(3));

        String html = comparison.toHtml();
        assertTrue(html.contains("<th>tree, weighted</th>") && html.contains("classes never predicted"), html);
        assertTrue(html.contains("5 ("), html);
        assertEquals(2, Charts.recallComparison(comparison.evaluations()).toPlotlyJson().split("\"type\":\"bar\"").length - 1);

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> comparison.balancedAccuracy("nope"));
        assertTrue(unknown.getMessage().contains("majority"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.evaluate(test, Map.of()));
    }
}
