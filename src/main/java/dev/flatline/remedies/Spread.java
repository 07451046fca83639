package dev.flatline.remedies;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A score measured several times (over seeds, resampled splits or folds), summarised as mean, standard
 * deviation and range: the course's one home for the spread of a score, and for its one ranking rule.
 *
 * <h2>The ranking rule</h2>
 * Setting {@code a} ranks above setting {@code b} when both were measured on the <em>same</em> seeds
 * and splits and their paired differences {@code a[i] - b[i]} have mean &minus; sd &gt; 0: the
 * {@link #paired} difference's interval mean &plusmn; sd lies above 0 ({@link #ranksAbove}). A setting's
 * rank is 1 + the number of settings that rank above it, so settings the rule does not separate share a
 * rank ({@link #rank}).
 *
 * <p>Why this rule, and not the overlap of two settings' own intervals or ranges: with 3 to 10 seeds,
 * most of a score's spread is shared by everything measured on the same split (which rare rows landed
 * in the test part), so two intervals overlap even when one setting wins on every split. The paired
 * difference removes that shared part and keeps only what differs between the settings; that is the
 * honest comparison when the runs are paired, and every comparison in the course is (same seeds, same
 * splits). Why mean &plusmn; one sd of the differences, and not a standard error or a t-test: the sd
 * says whether {@code a} beats {@code b} by more than a typical run-to-run wobble of their difference,
 * which is the question a practitioner choosing a setting asks, and it is the interval the notebooks
 * print, so a reader can check every rank by eye. It is a heuristic, not a significance test: with 3
 * runs it is about a one-sided paired t-test at 11%, with 10 runs stricter (t &gt; 3.2); to claim a
 * difference firmly, use more seeds or repeated stratified k-fold.
 *
 * @param values the measurements, in the order taken (seed or split {@code i} at index {@code i})
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

    /**
     * The course's ranking rule (see the class comment): {@code a} ranks above {@code b}, measured on the
     * same seeds or splits in the same order, when their paired difference's mean &minus; sd is above 0.
     */
    public static boolean ranksAbove(double[] a, double[] b) {
        return paired(a, b).lower() > 0;
    }

    /** 1 + the number of settings in {@code all} that {@link #ranksAbove} {@code scores}: unseparated ones share a rank. */
    public static int rank(double[] scores, List<double[]> all) {
        return 1 + (int) all.stream().filter(other -> ranksAbove(other, scores)).count();
    }

    /** A copy of the measurements, in the order taken. */
    @Override
    public double[] values() {
        return values.clone();
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

    /** The lower end of the interval, mean &minus; sd. */
    public double lower() {
        return mean() - sd();
    }

    /** The upper end of the interval, mean + sd. */
    public double upper() {
        return mean() + sd();
    }

    /** The smallest value. */
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** The largest value. */
    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /**
     * Whether mean &plusmn; sd excludes 0: for a {@link #paired} difference, one of the two settings
     * {@link #ranksAbove} the other.
     */
    public boolean excludesZero() {
        return lower() > 0 || upper() < 0;
    }

    /** "0.912 ± 0.015 (n 10)". */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f ± %.3f (n %d)", mean(), sd(), values.length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Spread spread && Arrays.equals(values, spread.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }
}
