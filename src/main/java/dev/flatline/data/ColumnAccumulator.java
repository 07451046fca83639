package dev.flatline.data;

/**
 * Accumulates one column's {@link ColumnSummary} a value at a time in constant memory: Welford's
 * running mean and sum of squared deviations (stable over billions of rows, unlike a sum of squares),
 * the range, and up to {@link ColumnSummary#MAX_DISTINCT} + 1 distinct whole values.
 */
final class ColumnAccumulator {

    private long count;
    private double mean;
    private double squares;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private boolean whole = true;
    /** Distinct whole values seen, while there are at most MAX_DISTINCT; more ends the tracking. */
    private final double[] distinct = new double[ColumnSummary.MAX_DISTINCT + 1];
    private int distinctCount;
    private long missing;
    private long firstMissingLine = -1;
    private long nonFinite;
    private long firstNonFiniteLine = -1;

    void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        squares += delta * (value - mean);
        if (value < min) {
            min = value;
        }
        if (value > max) {
            max = value;
        }
        if (whole) {
            if (value != Math.rint(value)) {
                whole = false;
            } else if (distinctCount <= ColumnSummary.MAX_DISTINCT) {
                trackDistinct(value);
            }
        }
    }

    private void trackDistinct(double value) {
        for (int i = 0; i < distinctCount; i++) {
            if (distinct[i] == value) {
                return;
            }
        }
        distinct[distinctCount++] = value;
    }

    void missing(long line) {
        if (missing++ == 0) {
            firstMissingLine = line;
        }
    }

    void nonFinite(long line) {
        if (nonFinite++ == 0) {
            firstNonFiniteLine = line;
        }
    }

    ColumnSummary summary() {
        double std = count == 0 ? 0 : Math.sqrt(Math.max(0, squares) / count);
        boolean allWhole = whole && count > 0;
        return new ColumnSummary(count, count == 0 ? 0 : mean, std, min, max, allWhole,
                allWhole && distinctCount <= ColumnSummary.MAX_DISTINCT ? distinctCount : -1,
                missing, firstMissingLine, nonFinite, firstNonFiniteLine);
    }
}
