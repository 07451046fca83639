package dev.flatline.nn;

/** Why training ended. */
public enum StopReason {
    /** All requested epochs ran. */
    COMPLETED,
    /** The validation loss stopped improving for {@code patience} epochs (R9); best weights restored. */
    EARLY_STOPPED,
    /** The loss became NaN or infinite (R12); the weights from before the failing epoch are kept. */
    DIVERGED
}
