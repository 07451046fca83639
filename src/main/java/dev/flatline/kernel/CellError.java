package dev.flatline.kernel;

import java.util.List;

/**
 * A cell failed: a compile error, an exception thrown by the cell's code, incomplete code, a bad
 * magic or an interrupt. Carries the lines the notebook shows, already written for the learner.
 *
 * <p>The message is one line ({@code "ArithmeticException: / by zero (at line 2: int r = 1 / 0;)"});
 * Jupyter reports it as the error value, and shows {@link #lines()} as the traceback.
 */
public final class CellError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> lines;

    CellError(String summary, List<String> lines) {
        super(summary, null, false, false);
        this.lines = List.copyOf(lines);
    }

    /** What the notebook shows, one entry per line. */
    public List<String> lines() {
        return lines;
    }
}
