package dev.flatline.checks;

import dev.flatline.nn.MlpTrainer;
import dev.flatline.remedies.ClassWeights;

/**
 * The imbalance remedy the checkup tries (R4): balanced class weights {@code w_c = n / (K n_c)} from
 * {@link ClassWeights}, through the network trainer's own loss weights, or as Tribuo example weights
 * on a weighted copy of the training part for any other trainer (Tribuo's SGD trainers and CART
 * honour them).
 */
public final class ImbalanceFixes {

    private ImbalanceFixes() {
    }

    /** Balanced class weights for any trainer. */
    public static Fix balancedClassWeights() {
        return new Fix("balanced class weights w_c = n / (K n_c) (R4)",
                "MlpTrainer.builder()...classWeights(ClassWeights.balanced(train).asMap())",
                (data, trainer) -> {
                    ClassWeights weights = ClassWeights.balanced(data.train());
                    return trainer instanceof MlpTrainer mlp
                            ? new Fix.Attempt(data, mlp.toBuilder().classWeights(weights.asMap()).build())
                            : new Fix.Attempt(data.withTrain(weights.applyTo(data.train())), trainer);
                });
    }
}
