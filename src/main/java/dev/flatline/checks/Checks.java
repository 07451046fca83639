package dev.flatline.checks;

import java.util.List;

/** The checks flatline knows, as the checkup runs them by default. */
public final class Checks {

    private Checks() {
    }

    /** Every check, in catalogue order (the checkup reorders them cheapest first). */
    public static List<Check> all() {
        return List.of(
                new PredictionCollapseCheck(),
                new ClassImbalanceCheck(),
                new AccuracyParadoxCheck(),
                new InputIndependentBaselineCheck(),
                new InitLossCheck(),
                new SingleExampleOverfitCheck(),
                new LearningRateCheck(),
                new DeadUnitsCheck(),
                new WeightSymmetryCheck(),
                new OutputActivationCheck(),
                new VanishingGradientsCheck(),
                new NumericalHealthCheck(),
                new FeatureScaleCheck(),
                new ConstantFeaturesCheck(),
                new TrainTestShiftCheck(),
                new IntegerFeaturesCheck(),
                new LearningCurveCheck(),
                new TrainingLengthCheck());
    }
}
