package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.nn.MlpTrainer;
import dev.flatline.report.ModelComparison;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * The remedies really help: on Shuttle's standardised training split (all 46,400 rows; the same
 * 11,600-row test split for every model; seeds fixed), a Tribuo logistic regression and flatline's
 * network each reach a higher balanced accuracy with class weights, with random oversampling and
 * with SMOTE than the same model trained on the data as it is.
 */
class RemediesHelpTest {

    private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

    @BeforeAll
    static void quietTribuo() {
        TRIBUO.setLevel(Level.WARNING);
    }

    @Test
    void logisticRegressionIsBetterWithEveryRemedy() {
        Dataset<Label> train = Fixtures.shuttle().train();
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        LogisticRegressionTrainer trainer = new LogisticRegressionTrainer();
        models.put("as is", trainer.train(train));
        models.put("class weights", trainer.train(ClassWeights.balanced(train).applyTo(train)));
        models.put("oversampled", trainer.train(RandomOverSampler.toMajority(0).resample(train)));
        models.put("SMOTE", trainer.train(Smote.toMajority(0).resample(train)));
        assertEveryRemedyBeatsTheBaseline(ModelComparison.evaluate(Fixtures.shuttle().test(), models));
    }

    @Test
    void networkIsBetterWithEveryRemedy() {
        Dataset<Label> train = Fixtures.shuttle().train();
        MlpTrainer plain = network().build();
        Map<String, Model<Label>> models = new LinkedHashMap<>();
        models.put("as is", plain.train(train));
        models.put("class weights", network().classWeights(ClassWeights.balanced(train).asMap()).build().train(train));
        models.put("oversampled", plain.train(RandomOverSampler.toMajority(0).resample(train)));
        models.put("SMOTE", plain.train(Smote.toMajority(0).resample(train)));
        assertEveryRemedyBeatsTheBaseline(ModelComparison.evaluate(Fixtures.shuttle().test(), models));
    }

    /** Small and quick: one hidden layer of 32, two epochs (the resampled sets are 5.5 times larger). */
    private static MlpTrainer.Builder network() {
        return MlpTrainer.builder().hidden(32).epochs(2).batchSize(256).seed(0).progress(false);
    }

    private static void assertEveryRemedyBeatsTheBaseline(ModelComparison comparison) {
        System.out.println(comparison.table().printAll());
        double before = comparison.balancedAccuracy("as is");
        for (String remedy : comparison.models().subList(1, comparison.models().size())) {
            double after = comparison.balancedAccuracy(remedy);
            assertTrue(after > before + 0.02, remedy + ": balanced accuracy " + after + " vs " + before + " before\n"
                    + comparison);
        }
    }
}
