package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.report.ModelComparison;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.math.optimisers.AdaGrad;

/** Post-hoc logit adjustment and thresholds around Tribuo logistic regression. */
class AdjustedModelTest {

    @BeforeAll
    static void quietTribuo() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
    }

    @Test
    void logitAdjustmentRaisesBalancedAccuracyOnShuttleWithoutRetraining() {
        Dataset<Label> train = Fixtures.shuttle().train();
        Model<Label> plain = new LogisticRegressionTrainer().train(train);
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("as is", plain);
        models.put("tau 0", AdjustedModel.logitAdjusted(plain, train, 0.0));
        models.put("tau 1", AdjustedModel.logitAdjusted(plain, train, 1.0));
        ModelComparison comparison = ModelComparison.evaluate(Fixtures.shuttle().test(), models);
        assertEquals(comparison.balancedAccuracy("as is"), comparison.balancedAccuracy("tau 0"), 1e-12,
                "tau 0 changes nothing");
        assertTrue(comparison.balancedAccuracy("tau 1") > comparison.balancedAccuracy("as is") + 0.1, comparison.toString());
        assertTrue(comparison.neverPredicted("tau 1").size() < comparison.neverPredicted("as is").size(),
                comparison.toString());
    }

    @Test
    void thresholdOnTwoClassesIsPositiveWhenTheProbabilityExceedsIt() {
        LabelledData cancer = Datasets.breastCancer().standardised();
        Model<Label> plain = new LogisticRegressionTrainer().train(cancer.train());
        List<String> classes = cancer.classes();
        String positive = classes.get(1);
        String negative = classes.get(0);
        double t = 0.2;
        AdjustedModel moved = AdjustedModel.thresholds(plain, Map.of(positive, t, negative, 1 - t));
        int flipped = 0;
        for (Prediction<Label> original : plain.predict(cancer.test())) {
            Prediction<Label> adjusted = moved.predict(original.getExample());
            double p = original.getOutputScores().get(positive).getScore();
            assertEquals(p > t ? positive : negative, adjusted.getOutput().getLabel(), "p=" + p);
            double sum = adjusted.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
            assertEquals(1.0, sum, 1e-9, "adjusted scores are probabilities");
            if (!adjusted.getOutput().getLabel().equals(original.getOutput().getLabel())) {
                flipped++;
            }
        }
        assertTrue(flipped > 0, "a threshold of 0.2 moves some decisions");
    }

    @Test
    void refusesModelsWithoutProbabilitiesAndIncompleteThresholds() {
        Dataset<Label> train = Fixtures.glassTrain();
        Model<Label> svm = new LinearSGDTrainer(new Hinge(), new AdaGrad(1.0), 1, 0).train(train);
        IllegalArgumentException scores = assertThrows(IllegalArgumentException.class,
                () -> AdjustedModel.logitAdjusted(svm, train, 1.0));
        assertTrue(scores.getMessage().contains("probabilities"), scores.getMessage());
        Model<Label> logistic = new LogisticRegressionTrainer().train(train);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> AdjustedModel.thresholds(logistic, Map.of("1", 0.5)));
        assertTrue(missing.getMessage().contains("threshold of class"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AdjustedModel.logitAdjusted(logistic, train, -1));
    }
}
