package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.remedies.Spread;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import tech.tablesaw.api.Table;

/** Rankings over seeds on Glass: only what the spread separates is ranked apart. */
class SeedComparisonTest {

    private static LabelledData glass() {
        return Datasets.glass().standardised();
    }


    @Test
    void ranksOnlyWhatTheSpreadSeparates() {
        List<Integer> seen = new ArrayList<>();
        SeedComparison comparison = SeedComparison.seeds(3).resplitting(glass())
                .add("majority", (rows, seed) -> {
                    seen.add(seed);
                    return DummyClassifierTrainer.createMostFrequentTrainer().train(rows);
                })
                .add("tree", (rows, seed) -> new CARTClassificationTrainer(6).train(rows))
                .add("tree again", (rows, seed) -> new CARTClassificationTrainer(6).train(rows))
                .run();

        assertEquals(List.of(0, 1, 2), seen, "each seed trains each recipe once, with its seed");
        assertEquals(1.0 / 6, comparison.balancedAccuracy("majority").min(), 1e-12);
        assertEquals(1.0 / 6, comparison.balancedAccuracy("majority").max(), 1e-12);
        assertTrue(comparison.balancedAccuracy("tree").max() > comparison.balancedAccuracy("tree").min(), "resplitting shows a spread: " + comparison);
        assertArrayEquals(comparison.balancedAccuracies("tree"), comparison.balancedAccuracies("tree again"));

        assertTrue(comparison.ranksAbove("tree", "majority"), comparison.toString());
        assertFalse(comparison.ranksAbove("majority", "tree"));
        assertFalse(comparison.ranksAbove("tree", "tree again"), "identical runs are not separated");
        assertEquals(1, comparison.rank("tree"));
        assertEquals(1, comparison.rank("tree again"), "overlapping models share a rank");
        assertEquals(3, comparison.rank("majority"), "two models are clearly better");

        Table table = comparison.table();
        assertEquals(List.of("model", "balanced accuracy (mean)", "sd", "lowest", "highest", "minus best, paired",
                "accuracy (mean)", "rank"), table.columnNames());
        assertEquals("majority", table.stringColumn("model").get(2), "best mean first");
        assertEquals(comparison.balancedAccuracy("tree").min(), table.doubleColumn("lowest").get(0), 1e-12);
        assertEquals(comparison.balancedAccuracy("tree").sd(), table.doubleColumn("sd").get(0), 1e-12);
        assertEquals("0.0000 ± 0.0000", table.stringColumn("minus best, paired").get(0));
        Spread behind = Spread.paired(comparison.balancedAccuracies("majority"), comparison.balancedAccuracies("tree"));
        assertTrue(behind.upper() < 0, "the majority is behind the best on every seed: " + behind);
        assertEquals(3, table.intColumn("rank").get(2));

        Table differences = comparison.differences();
        assertEquals(List.of("model", "tree", "tree again", "majority"), differences.columnNames());
        assertEquals("", differences.stringColumn("tree").get(0), "no difference of a model from itself");
        assertTrue(differences.stringColumn("majority").get(0).endsWith(" above"), differences.print());
        assertTrue(differences.stringColumn("tree").get(2).endsWith(" below"), differences.print());
        assertEquals("+0.0000 ± 0.0000", differences.stringColumn("tree again").get(0), "not separated: no verdict");

        Table recalls = comparison.recallTable();
        assertEquals("test rows", recalls.columnNames().get(1));
        assertEquals(comparison.classes().size(), recalls.rowCount());
        assertTrue(recalls.intColumn("test rows").get(0) > recalls.intColumn("test rows").get(5),
                "support next to each recall, most rows first");
        assertTrue(recalls.stringColumn("majority").get(0).startsWith("1.00 [1.00–1.00]"), recalls.print());
    }

    @Test
    void aFixedSplitHasNoSpreadForDeterministicModels() {
        SeedComparison comparison = SeedComparison.seeds(2).on(glass().train(), glass().test())
                .add("tree", (rows, seed) -> new CARTClassificationTrainer(6).train(rows))
                .run();
        assertEquals(0, comparison.balancedAccuracy("tree").sd(), 1e-12);
        assertEquals(2, comparison.seedCount());
    }

    @Test
    void refusesWhatCannotShowASpread() {
        assertThrows(IllegalArgumentException.class, () -> SeedComparison.seeds(1));
        assertThrows(IllegalArgumentException.class, () -> SeedComparison.seeds(3).run());
        IllegalArgumentException noData = assertThrows(IllegalArgumentException.class, () -> SeedComparison.seeds(3)
                .add("tree", (rows, seed) -> new CARTClassificationTrainer().train(rows)).run());
        assertTrue(noData.getMessage().contains("resplitting"), noData.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SeedComparison.seeds(3)
                .add("tree", (rows, seed) -> null).add("tree", (rows, seed) -> null));
    }
}
