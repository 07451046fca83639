package dev.flatline.checks;

/**
 * Mean and population standard deviation of one feature column, the statistics the data checks
 * compare (the same definitions as {@code dev.flatline.data.Standardisation}).
 *
 * @param mean the mean
 * @param std  the population standard deviation
 */
record ColumnStats(double mean, double std) {

    static ColumnStats of(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = values.length == 0 ? 0 : sum / values.length;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new ColumnStats(mean, values.length == 0 ? 0 : Math.sqrt(squares / values.length));
    }

    /** Constant: the deviation is zero or rounding noise next to the magnitude. */
    boolean constant() {
        return std <= 1e-12 * Math.max(1.0, Math.abs(mean));
    }

    /** The size of typical values: the larger of |mean| and the deviation. */
    double magnitude() {
        return Math.max(Math.abs(mean), std);
    }
}
