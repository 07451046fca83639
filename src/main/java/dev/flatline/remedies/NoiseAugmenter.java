package dev.flatline.remedies;

import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * Augmentation of tabular rows with Gaussian noise (recipe R5): each new row is a row of the class,
 * drawn uniformly, plus independent noise on every feature with standard deviation
 * {@code factor * sd_j}, where {@code sd_j} is the feature's standard deviation over the whole
 * dataset given (so the noise follows each feature's own scale; a constant feature stays constant).
 * Only the classes named in the target counts get rows, up to those counts.
 *
 * <pre>{@code
 * Dataset<Label> more = NoiseAugmenter.of(0.05).augment(train, Map.of("Fpv.Close", 500), 0);
 * }</pre>
 *
 * @param factor noise scale relative to each feature's standard deviation, at least 0 (0.05 is mild)
 */
public record NoiseAugmenter(double factor) {

    private static final String WHO = "NoiseAugmenter";

    /** Checks the factor. */
    public NoiseAugmenter {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(WHO + ": the noise factor must be a finite number of at least 0, was "
                    + factor);
        }
    }

    /** Noise of {@code factor} standard deviations of each feature. */
    public static NoiseAugmenter of(double factor) {
        return new NoiseAugmenter(factor);
    }

    /**
     * The dataset's examples followed by noisy copies of rows of the named classes, until each has its
     * target count (classes not named keep their rows).
     */
    public Dataset<Label> augment(Dataset<Label> dataset, Map<String, Integer> targetCounts, long seed) {
        double[] scale = scales(DenseRows.of(dataset, WHO));
        return RowMaker.augment(dataset, targetCounts, seed, WHO, (source, out, random) -> {
            for (int j = 0; j < source.length; j++) {
                out[j] = source[j] + scale[j] * random.nextGaussian();
            }
        });
    }

    /** {@code factor} times each column's population standard deviation. */
    private double[] scales(DenseRows rows) {
        int columns = rows.columns();
        int n = rows.labels().length;
        double[] mean = new double[columns];
        double[] scale = new double[columns];
        double[] values = rows.values();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns; j++) {
                mean[j] += values[r * columns + j] / n;
            }
        }
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < columns; j++) {
                double d = values[r * columns + j] - mean[j];
                scale[j] += d * d / n;
            }
        }
        for (int j = 0; j < columns; j++) {
            scale[j] = factor * Math.sqrt(scale[j]);
        }
        return scale;
    }
}
