package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.nn.LossFunction;
import dev.flatline.nn.MlpModel;
import dev.flatline.nn.OutputActivation;
import dev.flatline.remedies.Changes;

/**
 * {@code output-activation} (R10): single-label classification needs a softmax output trained with
 * cross-entropy (or focal / logit-adjusted loss). A sigmoid, linear or ReLU output, or squared error
 * on probabilities, trains badly or not at all.
 */
public final class OutputActivationCheck implements Check {

    @Override
    public String id() {
        return "output-activation";
    }

    @Override
    public Cost cost() {
        return Cost.MODEL;
    }

    @Override
    public Need needs() {
        return Need.NETWORK;
    }

    @Override
    public CheckResult run(CheckContext context) {
        MlpModel model = context.mlpModel().orElseThrow();
        OutputActivation output = model.outputActivation();
        String loss = context.mlpTrainer().orElseThrow().settings().loss().name();
        boolean wrongOutput = output != OutputActivation.SOFTMAX;
        boolean squared = LossFunction.MEAN_SQUARED_ERROR.name().equals(loss);
        if (!wrongOutput && !squared) {
            return CheckResult.healthy(id(), "softmax output with " + loss);
        }
        String warning = model.history().warnings().stream().findFirst().orElse("");
        return CheckResult.problem(id(), new Finding(id(), wrongOutput ? Severity.HIGH : Severity.MEDIUM,
                "The output layer is " + output + " with " + loss + " loss, a wrong pairing for single-label "
                        + "classification: use softmax with cross-entropy.",
                evidence("output_activation", output.name(), "loss", loss, "trainer_warning", warning),
                Remedy.of("Use a softmax output with cross-entropy loss.", Changes.softmaxCrossEntropy()),
                Notebooks.ARCHITECTURE));
    }
}
