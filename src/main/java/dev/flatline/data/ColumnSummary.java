package dev.flatline.data;

/**
 * What one pass over every row knows about one feature column (or about one column within one class):
 * the count, mean and population standard deviation, the range, whether every value is a whole number
 * and how many distinct ones there are (up to {@link #MAX_DISTINCT}), and the missing and non-finite
 * cells with the first line each occurs on. Made by {@link StreamingScan} or by Spark aggregations, so
 * the data checks read the same numbers whichever path computed them.
 *
 * @param count              rows with a finite value
 * @param mean               mean of the finite values (0 when there are none)
 * @param std                population standard deviation of the finite values
 * @param min                smallest finite value ({@code +inf} when none)
 * @param max                largest finite value ({@code -inf} when none)
 * @param wholeNumbers       whether every finite value is a whole number
 * @param distinctWhole      distinct whole values when {@code wholeNumbers} and at most {@link #MAX_DISTINCT}, else -1
 * @param missing            empty or missing-marker cells
 * @param firstMissingLine   the first line holding one (1-based, the header is line 1), or -1
 * @param nonFinite          NaN or infinite cells
 * @param firstNonFiniteLine the first line holding one, or -1
 */
public record ColumnSummary(long count, double mean, double std, double min, double max, boolean wholeNumbers,
        int distinctWhole, long missing, long firstMissingLine, long nonFinite, long firstNonFiniteLine) {

    /** Distinct whole values counted exactly up to this many (the integer-features check looks at up to 20). */
    public static final int MAX_DISTINCT = 20;
    /** A column is near-constant when its spread is under this share of its range (a few odd rows in a sea of one value). */
    public static final double NEAR_CONSTANT_SPREAD = 0.01;

    /** Constant: the deviation is zero or rounding noise next to the magnitude (as the data checks define it). */
    public boolean constant() {
        return std <= 1e-12 * Math.max(1.0, Math.abs(mean));
    }

    /** Not constant, but its spread is under {@value #NEAR_CONSTANT_SPREAD} of its range. */
    public boolean nearConstant() {
        return !constant() && max > min && std < NEAR_CONSTANT_SPREAD * (max - min);
    }
}
