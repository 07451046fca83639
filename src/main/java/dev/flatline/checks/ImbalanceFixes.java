package dev.flatline.checks;

import dev.flatline.nn.MlpTrainer;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The imbalance remedies the checkup tries (R4), in one place so the remedies package can replace
 * them: balanced class weights {@code w_c = n / (K n_c)}, through the network trainer's own option,
 * or as Tribuo example weights on a copied training set for any other trainer (Tribuo's SGD
 * trainers and CART honour them).
 */
public final class ImbalanceFixes {

    private ImbalanceFixes() {
    }

    /** Balanced class weights for any trainer. */
    public static Fix balancedClassWeights() {
        return new Fix("balanced class weights w_c = n / (K n_c) (R4)",
                "MlpTrainer.builder()...balancedClassWeights()",
                (data, trainer) -> trainer instanceof MlpTrainer mlp
                        ? new Fix.Attempt(data, mlp.toBuilder().balancedClassWeights().build())
                        : new Fix.Attempt(data.withTrain(weighted(data)), trainer));
    }

    /** A copy of the training part with each example weighted by its class's balanced weight. */
    static MutableDataset<Label> weighted(CheckData data) {
        Map<String, Integer> counts = data.classCounts();
        double n = data.train().size();
        int k = counts.size();
        MutableDataset<Label> out = CheckData.empty("balanced class weights");
        for (Example<Label> e : data.train()) {
            Example<Label> copy = e.copy();
            copy.setWeight((float) (n / (k * (double) counts.get(e.getOutput().getLabel()))));
            out.add(copy);
        }
        return out;
    }
}
