package dev.flatline.nn;

import java.util.Optional;

/**
 * A richer place than the terminal to show a run's live progress, such as a notebook output that
 * updates in place. Implementations are found with {@link java.util.ServiceLoader}, so the trainer
 * needs no compile-time knowledge of charts or notebooks (dev.flatline.plots provides the notebook one).
 */
public interface ProgressDisplay {

    /** A listener that shows one run's progress, or empty when this display is not usable now. */
    Optional<TrainingListener> open();
}
