package dev.flatline.data;

/**
 * Mean and standard deviation of one feature column, and the one rule flatline standardises by:
 * {@code (value - mean) / scale}, where the scale is the deviation, or 1 for a constant column.
 *
 * <p>This is the single home of the mean/deviation formula (two passes, for accuracy) and of the
 * constant-column rule, shared by {@link Standardisation} (recipe R19), the checkup's standardised copy
 * and the data checks, so that "constant" and "standardised" mean the same thing wherever flatline says
 * them. A column is constant when its deviation is 0 or rounding noise next to its magnitude (below
 * 1e-12 times {@code max(1, |mean|)}); it is centred and left with scale 1, as scikit-learn's
 * StandardScaler does, so its training values become 0 and other values keep their offset from the
 * training constant: never NaN or infinity.
 *
 * @param mean the mean
 * @param std  the standard deviation: the population one (divide by n) from {@link #of(double[])}, the
 *             sample one (divide by n - 1) from {@link #ofSample(double[])}
 */
public record ColumnStats(double mean, double std) {

    /** Mean and population standard deviation (divide by n, scikit-learn's); 0 and 0 for no values. */
    public static ColumnStats of(double[] values) {
        return of(values, null, false);
    }

    /** The same over the given rows of {@code column} only (a training part, say). */
    public static ColumnStats of(double[] column, int[] rows) {
        return of(column, rows, false);
    }

    /**
     * Mean and sample standard deviation (divide by n - 1, as Tribuo's {@code MeanStdDevTransformation});
     * deviation 0, so constant, for fewer than two values. Only the checkup's standardised copy uses it,
     * so that its numbers for non-constant columns stay what Tribuo's scaling gave before this rule moved
     * here.
     */
    public static ColumnStats ofSample(double[] values) {
        return of(values, null, true);
    }

    private static ColumnStats of(double[] column, int[] rows, boolean sample) {
        int n = rows == null ? column.length : rows.length;
        if (n == 0) {
            return new ColumnStats(0, 0);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += column[rows == null ? i : rows[i]];
        }
        double mean = sum / n;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double diff = column[rows == null ? i : rows[i]] - mean;
            squares += diff * diff;
        }
        int divisor = sample ? n - 1 : n;
        return new ColumnStats(mean, divisor == 0 ? 0 : Math.sqrt(squares / divisor));
    }

    /** Constant: the deviation is zero or rounding noise next to the magnitude. */
    public boolean constant() {
        return std <= 1e-12 * Math.max(1.0, Math.abs(mean));
    }

    /** The divisor of {@link #standardise}: the deviation, or 1 for a constant column. */
    public double scale() {
        return constant() ? 1.0 : std;
    }

    /** {@code (value - mean) / scale()}: the standardised value. */
    public double standardise(double value) {
        return (value - mean) / scale();
    }

    /** The size of typical values: the larger of |mean| and the deviation. */
    public double magnitude() {
        return Math.max(Math.abs(mean), std);
    }
}
