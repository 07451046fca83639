package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.ClassCounts;
import dev.flatline.evaluation.Metrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The symptom's lean toward the dominant training class and the class-imbalance proof read off the model's
 * recalls: each with the failure it detects and the healthy case beside it (predictions written out, so the
 * counts behind each rule are visible).
 */
class ImbalanceEvidenceTest {

    /** 140 rows of 'big', 14 each of 'a' and 'b': 10:1. */
    static final ClassCounts IMBALANCED = ClassCounts.of(Map.of("big", 140, "a", 14, "b", 14));
    static final ClassCounts BALANCED = ClassCounts.of(Map.of("big", 50, "a", 45, "b", 48));
    static final List<String> CLASSES = List.of("a", "b", "big");

    /** 40 test rows of each class; of each rare class, {@code lost} rows are predicted 'big'. */
    static Metrics leaning(int lost) {
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (String c : CLASSES) {
            for (int i = 0; i < 40; i++) {
                truth.add(c);
                predicted.add(!c.equals("big") && i < lost ? "big" : c);
            }
        }
        return Metrics.of(truth, predicted, CLASSES, 0);
    }

    @Test
    void aModelLeaningTowardTheDominantClassHasTheSymptomAndABalancedOneNot() {
        // 'big' predicted 40 + 2 * 12 = 64 times for 40 rows: 1.6x, 24 over, more than 2 * sqrt(40).
        String lean = Symptom.overPredicted(IMBALANCED, leaning(12));
        assertTrue(lean.contains("'big'") && lean.contains("64 times for 40 test rows"), lean);
        // A few rows lost (46 for 40: within the count's noise) is no symptom.
        assertEquals("", Symptom.overPredicted(IMBALANCED, leaning(3)));
        // The same lean where no class dominates the training rows is not this symptom (it is a confusion).
        assertEquals("", Symptom.overPredicted(BALANCED, leaning(12)));
    }

    @Test
    void aClassPredictedFarTooRarelyIsTheSymptomAndAMildShortfallIsNot() {
        // Shuttle without its class weights (seed 2): 'Fpv.Open' predicted 6 times for its 34 test rows.
        assertTrue(Symptom.predictedFarTooRarely(34, 6));
        // Landsat's damp grey soil predicted 95 times for 125 rows (0.76x): neighbouring soils confused, no symptom.
        assertFalse(Symptom.predictedFarTooRarely(125, 95));
        // One prediction for three rows is within the count's noise.
        assertFalse(Symptom.predictedFarTooRarely(3, 1));
    }

    @Test
    void recallsThatTrackTheClassSizesProveTheImbalanceAndEvenRecallsDoNot() {
        // 'big' recalled 1.0, the rare classes 28/40 = 0.7: a gap of 0.3, far beyond its margin.
        String proof = Checkup.rareRecallGap(IMBALANCED, leaning(12)).orElseThrow();
        assertTrue(proof.contains("+0.300"), proof);
        // Every class recalled alike: nothing to prove.
        assertTrue(Checkup.rareRecallGap(IMBALANCED, leaning(0)).isEmpty());
        // One rare row lost of 40: within the recalls' noise.
        assertTrue(Checkup.rareRecallGap(IMBALANCED, leaning(1)).isEmpty());
    }

    @Test
    void aModelThatPredictsARareClassFarTooOftenIsNotProvenImbalanced() {
        // 'big' recalled 1.0, 'b' 0.25: a gap, but the lost rows went to the rare 'a' (70 predictions for 40
        // rows), not to the dominant class: a broken model, not the imbalance's pull, and no proof.
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (String c : CLASSES) {
            for (int i = 0; i < 40; i++) {
                truth.add(c);
                predicted.add(c.equals("b") && i < 30 ? "a" : c);
            }
        }
        Metrics broken = Metrics.of(truth, predicted, CLASSES, 0);
        assertFalse(Checkup.errorsTowardTheDominantClass(IMBALANCED, broken));
        assertFalse(Checkup.rareRecallGap(IMBALANCED, broken).isPresent());
        // The same gap with the lost rows sent to 'big' is the imbalance's pull.
        assertTrue(Checkup.errorsTowardTheDominantClass(IMBALANCED, leaning(30)));
    }

    /** 40 test rows of each class, {@code lost} of each class predicted as the next one (a to b, b to big, big to a). */
    static Metrics confusedAlike(int lost) {
        List<String> truth = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        for (int k = 0; k < CLASSES.size(); k++) {
            for (int i = 0; i < 40; i++) {
                truth.add(CLASSES.get(k));
                predicted.add(CLASSES.get(i < lost ? (k + 1) % CLASSES.size() : k));
            }
        }
        return Metrics.of(truth, predicted, CLASSES, 0);
    }

    @Test
    void rowsOfTheRareClassesTriedProveAnImbalanceNothingElseShowsAndItsRemedyBecomesRows() {
        // Every class recalled 0.85 alike: no recall gap, and no reference lifted by weights (the symptom's
        // weights lift is 0): neither proof holds. The rare classes' rows, tried, lift the model to 1.0.
        Metrics model = confusedAlike(6);
        assertTrue(Checkup.rareRecallGap(IMBALANCED, model).isEmpty());
        Symptom healthy = new Symptom(false, model.balancedAccuracy(), model.balancedAccuracy(), "CART tree on the "
                + "test part", List.of(), 0, 0.05, "", 0, 0.02, "CART tree", "", "", "", Double.NaN, Double.NaN, "",
                Double.NaN);
        Finding imbalance = new Finding("class-imbalance", Severity.MEDIUM, "The classes are imbalanced 10:1.",
                Map.of("imbalance_ratio", 10.0, ClassImbalanceCheck.WEIGHTED, false),
                Remedy.advice("Weight the classes."), Notebooks.REBALANCING);
        MoreRows tried = new MoreRows(168, 60, List.of("a", "b"), model, leaning(0), 0.05);
        assertTrue(tried.proves(), tried::proof);

        Finding proven = Checkup.provenImbalance(List.of(imbalance), healthy, IMBALANCED, model,
                () -> Optional.of(tried)).get(0);
        assertEquals(tried.proof(), proven.evidence().get("proven_by"));
        assertEquals(true, proven.evidence().get(LearningCurveCheck.DATA_LIMITED));
        assertEquals(List.of("a", "b"), proven.evidence().get("more_rare_rows_classes"));
        assertTrue(proven.remedy().advice().startsWith("Collect or label more rows of the under-represented classes "
                + "'a', 'b' (here 60 more were worth +0.150)"), proven.remedy()::advice);

        // A class name is the user's text, a '%' included: it is printed, never read as a format.
        assertTrue(new MoreRows(168, 60, List.of("50% off", "b"), model, leaning(0), 0.05).proof()
                .contains("classes '50% off', 'b' (4 fifths"));

        // The same rows lifting it within their noise prove nothing: the finding is left as it was.
        MoreRows noisy = new MoreRows(168, 60, List.of("a", "b"), model, leaning(0), 0.2);
        assertEquals(imbalance, Checkup.provenImbalance(List.of(imbalance), healthy, IMBALANCED, model,
                () -> Optional.of(noisy)).get(0));
    }
}
