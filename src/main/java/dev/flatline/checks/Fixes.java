package dev.flatline.checks;

import dev.flatline.nn.MlpTrainer;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/** Fixes used by more than one check, and the helper that derives a network trainer. */
final class Fixes {

    private Fixes() {
    }

    /** Standardisation fitted on the training part (R19). */
    static Fix standardise() {
        return Fix.data("features standardised on the training part (R19)", "data.standardised()",
                CheckData::standardisedCopy);
    }

    /** A builder from a network trainer; fixes that change network settings are only offered for networks. */
    static MlpTrainer.Builder mlp(Trainer<Label> trainer) {
        if (!(trainer instanceof MlpTrainer mlp)) {
            throw new IllegalStateException("a network fix was offered for " + trainer.getClass().getSimpleName());
        }
        return mlp.toBuilder().progress(false);
    }
}
