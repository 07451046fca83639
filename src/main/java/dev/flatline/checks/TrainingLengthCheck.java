package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.nn.StopReason;
import dev.flatline.nn.TrainingHistory;
import dev.flatline.remedies.Changes;
import java.util.Locale;

/**
 * {@code training-length} (R9): the training loss still falling at the last epoch (train longer), or
 * early stopping that ended training after a small share of the epochs with a short patience.
 */
public final class TrainingLengthCheck implements Check {

    /** A last-epoch drop of the training loss above this share is "still falling". */
    static final double STILL_FALLING = 0.02;

    @Override
    public String id() {
        return "training-length";
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
        TrainingHistory h = context.history().orElseThrow();
        double[] loss = h.trainLosses();
        int configured = context.mlpTrainer().orElseThrow().settings().epochs();
        int patience = context.mlpTrainer().orElseThrow().settings().patience();
        if (loss.length < 2 || h.diverged()) {
            return CheckResult.notApplicable(id(), "needs two finished epochs of finite loss");
        }
        int n = loss.length;
        double drop = (loss[n - 2] - loss[n - 1]) / loss[n - 2];
        double[] val = h.validationLosses();
        boolean valFalling = Double.isNaN(val[n - 1]) || val[n - 1] < val[n - 2];
        if (h.stopReason() == StopReason.COMPLETED && drop >= STILL_FALLING && valFalling) {
            return CheckResult.problem(id(), new Finding(id(), Severity.MEDIUM, String.format(Locale.ROOT,
                    "The loss is still falling at the last of %d epochs (%.1f%% in the last one): train longer.",
                    n, 100 * drop), evidence("epochs", n, "last_epoch_drop", drop, "final_loss", loss[n - 1]),
                    Remedy.of("Train for more epochs: three times as many (" + 3 * configured + ").",
                            Changes.tripleEpochs(configured)),
                    Notebooks.TRAINING_LENGTH));
        }
        if (h.stopReason() == StopReason.EARLY_STOPPED && n < 0.3 * configured && patience <= 2) {
            return CheckResult.problem(id(), new Finding(id(), Severity.LOW, String.format(Locale.ROOT,
                    "Early stopping ended training after %d of %d epochs with patience %d: it may be too eager.",
                    n, configured, patience), evidence("epochs", n, "configured_epochs", configured,
                    "patience", patience), Remedy.of("Use a patience of about 5 epochs.",
                    Changes.earlyStopping(5)), Notebooks.TRAINING_LENGTH));
        }
        return CheckResult.healthy(id(), String.format(Locale.ROOT,
                "%d epochs, last-epoch loss change %.1f%% (%s)", n, -100 * drop, h.stopMessage()));
    }
}
