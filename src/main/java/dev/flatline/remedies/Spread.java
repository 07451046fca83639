package dev.flatline.remedies;

import java.util.Arrays;
import java.util.Locale;

/**
 * A score measured several times (over seeds, resampled splits or folds) summarised as mean, standard
 * deviation and range: so a comparison can say whether a difference is larger than the noise.
 *
 * <p>{@link #separatedFrom(Spread)} is the course's rule for ranking: two settings are ranked only when
 * their mean &plusmn; one standard deviation intervals do not overlap. For paired runs (the same splits for
 * both), {@link #paired(double[], double[])} gives the spread of the differences, which is tighter.
 *
 * @param values the measurements, in the order taken
 */
public record Spread(double[] values) {

    /** Validates and copies. */
    public Spread {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("no values; measure at least once");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a measurement is " + v + "; every value must be finite");
            }
        }
        values = values.clone();
    }

    /** The spread of these measurements. */
    public static Spread of(double... values) {
        return new Spread(values);
    }

    /** The spread of {@code a[i] - b[i]}: two settings measured on the same splits or seeds. */
    public static Spread paired(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) {
            throw new IllegalArgumentException("paired measurements need two arrays of one length");
        }
        double[] diff = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            diff[i] = a[i] - b[i];
        }
        return new Spread(diff);
    }

    /** Number of measurements. */
    public int count() {
        return values.length;
    }

    /** Their mean. */
    public double mean() {
        return Arrays.stream(values).average().orElseThrow();
    }

    /** Their sample standard deviation (0 for one value). */
    public double sd() {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean();
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / (values.length - 1));
    }

    /** The smallest value. */
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** The largest value. */
    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** Whether mean &plusmn; sd of the two do not overlap: only then does the course rank one above the other. */
    public boolean separatedFrom(Spread other) {
        return mean() - sd() > other.mean() + other.sd() || other.mean() - other.sd() > mean() + sd();
    }

    /** Whether mean &plusmn; sd excludes 0: for a {@link #paired} difference, a difference the noise does not explain. */
    public boolean excludesZero() {
        return mean() - sd() > 0 || mean() + sd() < 0;
    }

    /** "0.912 ± 0.015 (n 10)". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f ± %.3f (n %d)", mean(), sd(), values.length);
    }
}
