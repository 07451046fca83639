package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DatasetsTest {

    /** Shapes and class counts as documented in DESIGN.md section 5 and NOTICE.md. */
    private record Shape(Supplier<LabelledData> loader, String name, int rows, int features, int classes) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Datasets::shuttle, "shuttle", 58_000, 9, 7),
            new Shape(Datasets::glass, "glass", 214, 9, 6),
            new Shape(Datasets::satellite, "satellite", 6_435, 36, 6),
            new Shape(Datasets::digits, "digits", 1_797, 64, 10),
            new Shape(Datasets::breastCancer, "breast-cancer", 569, 30, 2),
            new Shape(Datasets::creditG, "credit-g", 1_000, 20, 2),
            new Shape(Datasets::wine, "wine", 178, 13, 3));

    @Test
    void everyBundledDatasetLoadsWithItsDocumentedShape() {
        for (Shape shape : SHAPES) {
            LabelledData data = shape.loader().get();
            assertEquals(shape.name(), data.name());
            assertEquals(shape.rows(), data.rowCount(), shape.name());
            assertEquals(shape.features(), data.featureCount(), shape.name());
            assertEquals(shape.classes(), data.classCounts().size(), shape.name());
            assertEquals("class", data.targetName());
            assertEquals(shape.rows(), data.trainSize() + data.testSize());
            assertEquals(0L, data.seed());
            assertEquals(0.2, data.testFraction());
            // Every class of every bundled dataset has >= 2 rows, so it must be in both parts.
            assertEquals(shape.classes(), data.train().getOutputs().size(), shape.name());
            assertEquals(shape.classes(), data.test().getOutputs().size(), shape.name());
        }
    }

    @Test
    void shuttleClassCountsMatchTheDocumentation() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("Rad.Flow", 45_586L);
        expected.put("High", 8_903L);
        expected.put("Bypass", 3_267L);
        expected.put("Fpv.Open", 171L);
        expected.put("Fpv.Close", 50L);
        expected.put("Bpv.Open", 13L);
        expected.put("Bpv.Close", 10L);
        LabelledData shuttle = Datasets.shuttle();
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(shuttle.classCounts().asMap().entrySet()));
        assertEquals("Rad.Flow", shuttle.majorityClass());
        assertEquals(4558.6, shuttle.imbalanceRatio(), 1e-9);
        assertEquals(45_586 / 58_000.0, shuttle.majorityFraction(), 1e-12);
    }

    @Test
    void otherDocumentedClassCounts() {
        assertEquals(List.of(76L, 70L, 29L, 17L, 13L, 9L), List.copyOf(Datasets.glass().classCounts().asMap().values()));
        assertEquals(Map.of("benign", 357L, "malignant", 212L), Datasets.breastCancer().classCounts().asMap());
        assertEquals(Map.of("good", 700L, "bad", 300L), Datasets.creditG().classCounts().asMap());
    }

    @Test
    void byNameAcceptsListedNamesAndSpellingVariants() {
        assertEquals(List.of("shuttle", "glass", "satellite", "digits", "breast-cancer", "credit-g", "wine"),
                Datasets.names());
        for (String name : Datasets.names()) {
            assertEquals(name, Datasets.byName(name).name());
        }
        assertEquals("breast-cancer", Datasets.byName("breastCancer").name());
        assertEquals("credit-g", Datasets.byName("CREDIT_G").name());
        assertEquals(7, Datasets.byName("wine", 7).seed());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        DataException e = assertThrows(DataException.class, () -> Datasets.byName("iris"));
        assertTrue(e.getMessage().contains("'iris'") && e.getMessage().contains("shuttle, glass"), e.getMessage());
    }

    @Test
    void callsReturnIndependentObjects() {
        LabelledData first = Datasets.glass();
        Table table = first.table();
        table.doubleColumn("RI").set(0, 99.0);
        first.train().getExample(0).setWeight(5f);
        LabelledData second = Datasets.glass();
        assertNotSame(first, second);
        assertEquals(1.52101, second.table().doubleColumn("RI").get(0), 1e-12);
        assertEquals(1.52101, first.table().doubleColumn("RI").get(0), 1e-12);
        assertEquals(1f, first.train().getExample(0).getWeight());
    }

    @Test
    void seedOverloadsChangeTheSplitDeterministically() {
        assertArrayEquals(Datasets.wine(5).testRows(), Datasets.wine(5).testRows());
        assertTrue(!java.util.Arrays.equals(Datasets.wine(5).testRows(), Datasets.wine(6).testRows()));
    }

    @Test
    void shuttleLoadsFastOnceWarm() {
        Datasets.shuttle();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Datasets.shuttle(i);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("shuttle (cached parse) + split: %.1f ms%n", best / 1e6);
        // Generous bound so a busy CI machine does not fail; typical is ~20 ms.
        assertTrue(best < 1_000_000_000L, "cached shuttle load took " + best / 1e6 + " ms");
    }
}
