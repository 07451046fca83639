package dev.flatline.data;

/**
 * Data that flatline cannot use, with a message that says what was wrong, where (file, column,
 * line) and what to do about it.
 *
 * <p>It is an {@link IllegalArgumentException} because the data is an argument the caller chose:
 * code that already guards against bad arguments catches it without knowing flatline.
 */
public final class DataException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a complete, human-readable message. */
    public DataException(String message) {
        super(message);
    }

    /** Creates an exception with a complete message and the lower-level failure behind it. */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
