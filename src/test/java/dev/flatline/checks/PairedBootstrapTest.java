package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lift's margin: none for identical predictions, wider on fewer rows, and the same every time. */
class PairedBootstrapTest {

    private static List<String> labels(int n, int every) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i % every == 0 ? "b" : "a");
        }
        return out;
    }

    /** The labels with every {@code every}-th one swapped: a model that errs on those rows. */
    private static List<String> flipped(List<String> truth, int every) {
        List<String> out = new ArrayList<>(truth);
        for (int i = 0; i < out.size(); i += every) {
            out.set(i, out.get(i).equals("a") ? "b" : "a");
        }
        return out;
    }

    @Test
    void identicalPredictionsHaveNoMargin() {
        List<String> truth = labels(100, 3);
        assertEquals(0.0, PairedBootstrap.margin(truth, truth, truth), 1e-12);
    }

    @Test
    void fewerTestRowsGiveAWiderMarginDeterministically() {
        List<String> small = labels(30, 3);
        List<String> large = labels(3000, 3);
        double m30 = PairedBootstrap.margin(small, flipped(small, 5), flipped(small, 7));
        double m3000 = PairedBootstrap.margin(large, flipped(large, 5), flipped(large, 7));
        assertTrue(m30 > 0 && m3000 < m30 / 3, m30 + " vs " + m3000);
        assertEquals(m30, PairedBootstrap.margin(small, flipped(small, 5), flipped(small, 7)));
    }

    @Test
    void averagingRefitsNarrowsTheMarginOfTheirSpreadButNotOfTheRows() {
        List<String> truth = labels(300, 3);
        List<String> before = flipped(truth, 4);
        List<String> one = flipped(truth, 7);
        assertEquals(PairedBootstrap.margin(truth, before, one),
                PairedBootstrap.averagedMargin(truth, before, List.of(one, one, one)), 1e-12,
                "identical refits are one refit");
        // Refits that err on different rows: their mean is surer than either, yet the rows' noise remains.
        List<String> other = flipped(truth, 5);
        double single = PairedBootstrap.margin(truth, before, other);
        double averaged = PairedBootstrap.averagedMargin(truth, before, List.of(one, other));
        assertTrue(averaged > 0 && averaged < Math.max(single, PairedBootstrap.margin(truth, before, one)),
                averaged + " vs " + single);
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.averagedMargin(truth, before, List.of()));
    }

    @Test
    void predictionsForOtherRowsAreRefused() {
        List<String> truth = labels(10, 2);
        assertThrows(IllegalArgumentException.class, () -> PairedBootstrap.margin(truth, truth, labels(9, 2)));
    }
}
