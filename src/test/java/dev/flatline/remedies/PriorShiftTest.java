package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/** The prior-shift correction undoes what oversampling does to the probabilities of credit-g's rare class. */
class PriorShiftTest {

    @BeforeAll
    static void quietTribuo() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    @Test
    void oversamplingInflatesTheRareClassAndTheCorrectionBringsItBack() {
        LabelledData credit = Datasets.creditG().standardised();
        Dataset<Label> train = credit.train();
        Model<Label> plain = new LogisticRegressionTrainer().train(train);
        Model<Label> oversampled = new LogisticRegressionTrainer().train(RandomOverSampler.toMajority(0).resample(train));
        Map<String, Integer> counts = ClassLabels.counts(ClassLabels.of(train, "test"));
        Model<Label> corrected = AdjustedModel.priorShift(oversampled, Map.of("good", 1, "bad", 1), counts);

        BinaryScores plainScores = BinaryScores.of(plain, credit.test(), "bad");
        BinaryScores overScores = BinaryScores.of(oversampled, credit.test(), "bad");
        BinaryScores fixedScores = BinaryScores.of(corrected, credit.test(), "bad");
        double meanOver = java.util.Arrays.stream(overScores.scores()).average().orElseThrow();
        double meanFixed = java.util.Arrays.stream(fixedScores.scores()).average().orElseThrow();
        // Failing case: trained on half "bad" rows, the model says "bad" far more often than 30% of the time.
        assertTrue(meanOver > 0.4, "oversampled mean P(bad) " + meanOver);
        assertTrue(overScores.brierScore() > plainScores.brierScore() + 0.01,
                overScores.brierScore() + " vs " + plainScores.brierScore());
        // Healthy case: corrected, the mean probability is near the prior and the Brier score near the plain model's.
        assertEquals(0.3, meanFixed, 0.06);
        assertTrue(fixedScores.brierScore() < overScores.brierScore() - 0.01);
        assertEquals(plainScores.brierScore(), fixedScores.brierScore(), 0.02);
        // The ranking is untouched: a monotone change of one score.
        assertEquals(overScores.rocAuc(), fixedScores.rocAuc(), 1e-9);
    }

    @Test
    void equalPriorsChangeNothingAndBadPriorsAreRefused() {
        LabelledData credit = Datasets.creditG().standardised();
        Model<Label> plain = new LogisticRegressionTrainer().train(credit.train());
        var same = AdjustedModel.priorShift(plain, Map.of("good", 7, "bad", 3), Map.of("good", 70, "bad", 30));
        assertEquals(BinaryScores.of(plain, credit.test(), "bad").brierScore(),
                BinaryScores.of(same, credit.test(), "bad").brierScore(), 1e-9);
        var missing = assertThrows(IllegalArgumentException.class,
                () -> AdjustedModel.priorShift(plain, Map.of("good", 1), Map.of("good", 1, "bad", 1)));
        assertTrue(missing.getMessage().contains("'bad'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> AdjustedModel.priorShift(plain, Map.of("good", 1, "bad", 1, "ugly", 1), Map.of("good", 1, "bad", 1)));
        assertThrows(IllegalArgumentException.class,
                () -> AdjustedModel.priorShift(plain, Map.of("good", 1, "bad", 0), Map.of("good", 1, "bad", 1)));
    }
}
