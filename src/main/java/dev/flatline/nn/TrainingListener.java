package dev.flatline.nn;

import java.util.List;

/**
 * Hears a training run as it goes: after every epoch and at the end. The trainer's own live
 * progress is one of these; add your own with {@link MlpTrainer.Builder#listener(TrainingListener)}.
 */
public interface TrainingListener {

    /** Training is about to start: {@code epochs} at most, over these classes. */
    default void started(int epochs, List<String> classNames) {
    }

    /** An epoch ended; {@code history.last()} is its record. */
    default void epochEnded(TrainingHistory history, double elapsedSeconds) {
    }

    /** Training ended, completed or stopped ({@link TrainingHistory#stopReason()} says which). */
    default void finished(TrainingHistory history, double elapsedSeconds) {
    }
}
