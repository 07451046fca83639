package dev.flatline.checks;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.flatline.nn.MlpTrainer;

/**
 * Reads a network trainer's settings from its Tribuo provenance (the public record of every
 * configured field), so checks can adapt a trainer without the trainer growing getters for them.
 */
final class MlpSettings {

    private MlpSettings() {
    }

    /** The configured value of {@code field} as text, e.g. {@code optimiser} gives {@code ADAM}. */
    static String get(MlpTrainer trainer, String field) {
        Provenance p = trainer.getProvenance().getConfiguredParameters().get(field);
        if (p == null) {
            throw new IllegalStateException("MlpTrainer has no configured field '" + field + "'");
        }
        return p.toString();
    }

    static int integer(MlpTrainer trainer, String field) {
        return Integer.parseInt(get(trainer, field));
    }

    static double number(MlpTrainer trainer, String field) {
        return Double.parseDouble(get(trainer, field));
    }

    /** Whether the optimiser adapts its step per parameter (Adam, AdamW), which changes the sensible rates. */
    static boolean adaptive(MlpTrainer trainer) {
        return get(trainer, "optimiser").startsWith("ADAM");
    }
}
