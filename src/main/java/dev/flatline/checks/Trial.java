package dev.flatline.checks;

/**
 * A remedy tried by the checkup: the model retrained with one fix, next to the same training
 * without it.
 *
 * @param finding   the id of the finding whose remedy this is
 * @param fix       what was changed
 * @param code      the change as a line of code
 * @param rows      training rows used for both fits
 * @param before    metrics without the fix
 * @param after     metrics with the fix
 */
public record Trial(String finding, String fix, String code, int rows, Metrics before, Metrics after) {

    /**
     * How much the fix lifted the model: the gain in balanced accuracy plus a small credit for each
     * class that is predicted again (so reviving a class counts even where its recall stays low).
     */
    public double lift() {
        int revived = before.neverPredicted().size() - after.neverPredicted().size();
        return after.balancedAccuracy() - before.balancedAccuracy() + 0.01 * revived;
    }
}
