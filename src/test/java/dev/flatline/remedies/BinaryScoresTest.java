package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Curves, Brier score, reliability bins and cost thresholds of binary scores. */
class BinaryScoresTest {

    private static BinaryScores scores(boolean[] positives, double[] scores) {
        return new BinaryScores("pos", positives, scores);
    }

    @Test
    void aPerfectRankingHasAreaOneAndAReversedOneAreaZero() {
        boolean[] y = {false, false, true, true};
        BinaryScores perfect = scores(y, new double[] {0.1, 0.2, 0.8, 0.9});
        assertEquals(1.0, perfect.rocAuc(), 1e-12);
        assertEquals(1.0, perfect.averagePrecision(), 1e-12);
        BinaryScores reversed = scores(y, new double[] {0.9, 0.8, 0.2, 0.1});
        assertEquals(0.0, reversed.rocAuc(), 1e-12);
        assertEquals(0.5, perfect.prevalence(), 1e-12);
    }

    @Test
    void brierScoreIsTheMeanSquaredGap() {
        BinaryScores s = scores(new boolean[] {true, false}, new double[] {0.8, 0.4});
        assertEquals((0.04 + 0.16) / 2, s.brierScore(), 1e-12);
    }

    @Test
    void calibratedScoresHaveASmallCalibrationErrorAndDistortedOnesALargeOne() {
        Random random = new Random(7);
        int n = 20_000;
        boolean[] y = new boolean[n];
        double[] calibrated = new double[n];
        double[] inflated = new double[n];
        for (int i = 0; i < n; i++) {
            calibrated[i] = random.nextDouble() * 0.5;
            y[i] = random.nextDouble() < calibrated[i];
            inflated[i] = Math.sqrt(calibrated[i]);   // what oversampling does: rare-class scores pushed up
        }
        BinaryScores healthy = scores(y, calibrated);
        BinaryScores distorted = scores(y, inflated);
        assertTrue(healthy.expectedCalibrationError(10) < 0.02, "calibrated: " + healthy.expectedCalibrationError(10));
        assertTrue(distorted.expectedCalibrationError(10) > 0.15, "inflated: " + distorted.expectedCalibrationError(10));
        assertTrue(distorted.brierScore() > healthy.brierScore());
        int rows = healthy.reliability(10).stream().mapToInt(BinaryScores.ReliabilityBin::rows).sum();
        assertEquals(n, rows, "every row lands in one bin");
    }

    @Test
    void theCheapestThresholdFollowsTheCosts() {
        boolean[] y = {false, false, false, true, false, true, true};
        double[] s = {0.05, 0.1, 0.3, 0.35, 0.6, 0.7, 0.9};
        BinaryScores scores = scores(y, s);
        // Misses cheap: flag only what is surely positive.
        assertEquals(0.7, scores.cheapestThreshold(1, 1).threshold(), 1e-12);
        // Misses five times dearer: flag down to 0.35 (one false alarm at 0.6 is worth it).
        BinaryScores.Operating dear = scores.cheapestThreshold(1, 5);
        assertEquals(0.35, dear.threshold(), 1e-12);
        assertEquals(3, dear.truePositives());
        assertEquals(1, dear.falsePositives());
        assertEquals(1.0, dear.cost(1, 5), 1e-12);
        // False alarms free: every positive is flagged (at the highest threshold that does it).
        assertEquals(0, scores.cheapestThreshold(0, 1).falseNegatives());
        assertEquals(0.35, scores.cheapestThreshold(0, 1).threshold(), 1e-12);
    }

    @Test
    void curvesNeedBothClassesAndScoresMustBeProbabilities() {
        BinaryScores allNegative = scores(new boolean[] {false, false}, new double[] {0.1, 0.2});
        var e = assertThrows(IllegalArgumentException.class, allNegative::rocAuc);
        assertTrue(e.getMessage().contains("all negative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> scores(new boolean[] {true}, new double[] {1.5}));
        assertThrows(IllegalArgumentException.class, () -> scores(new boolean[] {true}, new double[] {0.1, 0.2}));
        assertThrows(IllegalArgumentException.class, () -> allNegative.cheapestThreshold(-1, 1));
    }

    @Test
    void aTreeRanksByLeafSharesButIsNotReadAsProbabilities() {
        var credit = dev.flatline.data.Datasets.creditG();
        var tree = new org.tribuo.classification.dtree.CARTClassificationTrainer(4).train(credit.train());
        var e = assertThrows(IllegalArgumentException.class, () -> BinaryScores.of(tree, credit.test(), "bad"));
        assertTrue(e.getMessage().contains("ofScores"), e.getMessage());
        BinaryScores ranked = BinaryScores.ofScores(tree, credit.test(), "bad");
        assertTrue(ranked.rocAuc() > 0.6, "a depth-4 tree ranks better than chance: " + ranked.rocAuc());
        var dummy = org.tribuo.classification.baseline.DummyClassifierTrainer.createMostFrequentTrainer()
                .train(credit.train());
        assertEquals(0.5, BinaryScores.ofScores(dummy, credit.test(), "bad").rocAuc(), 1e-12, "one score for all");
    }
}
