package dev.flatline.remedies;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import java.util.Arrays;
import java.util.Locale;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/**
 * Timing of the samplers on Shuttle's standardised training split (the peer benchmark's section 2
 * does the same work with imbalanced-learn). Not a test: run its main with the test class path under
 * {@code flock /tmp/bench.lock}. The first call in the JVM is "cold"; "warm" is the median of the
 * following calls.
 */
public final class RemediesBench {

    private RemediesBench() {
    }

    /** Prints one JSON line of timings in seconds. */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        LabelledData shuttle = Datasets.shuttle().standardised();
        Table train = shuttle.trainTable();
        int n = train.rowCount();
        int d = shuttle.featureCount();
        double[] x = new double[n * d];
        for (int c = 0; c < d; c++) {
            double[] column = train.doubleColumn(c).asDoubleArray();
            for (int r = 0; r < n; r++) {
                x[r * d + c] = column[r];
            }
        }
        String[] y = train.stringColumn(shuttle.targetName()).asObjectArray();

        Smote smote = Smote.toMajority(0);
        RandomOverSampler over = RandomOverSampler.toMajority(0);
        RandomUnderSampler under = RandomUnderSampler.toMinority(0);
        double smoteCold = time(() -> smote.resample(x, d, y));
        double overCold = time(() -> gather(x, d, y, over.sampleRows(y)));
        double underCold = time(() -> gather(x, d, y, under.sampleRows(y)));
        double[] smoteWarm = new double[repeats];
        double[] overWarm = new double[repeats];
        double[] underWarm = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            smoteWarm[i] = time(() -> smote.resample(x, d, y));
            overWarm[i] = time(() -> gather(x, d, y, over.sampleRows(y)));
            underWarm[i] = time(() -> gather(x, d, y, under.sampleRows(y)));
        }
        Dataset<Label> tribuo = shuttle.train();
        double smoteDatasetCold = time(() -> smote.resample(tribuo));
        double[] smoteDataset = new double[5];
        double[] overDataset = new double[5];
        for (int i = 0; i < 5; i++) {
            smoteDataset[i] = time(() -> smote.resample(tribuo));
            overDataset[i] = time(() -> over.resample(tribuo));
        }
        Resampled out = smote.resample(x, d, y);
        System.out.printf(Locale.ROOT, "{\"train_rows\":%d,\"smote_rows_out\":%d,\"smote_cold_s\":%.4f,"
                        + "\"smote_warm_s\":%.4f,\"smote_warm_min_s\":%.4f,\"over_cold_s\":%.4f,\"over_warm_s\":%.4f,"
                        + "\"under_cold_s\":%.4f,\"under_warm_s\":%.4f,\"smote_dataset_first_s\":%.4f,"
                        + "\"smote_dataset_warm_s\":%.4f,\"over_view_warm_s\":%.4f,\"counts\":%s}%n",
                n, out.rows(), smoteCold, median(smoteWarm), Arrays.stream(smoteWarm).min().orElse(0), overCold,
                median(overWarm), underCold, median(underWarm), smoteDatasetCold, median(smoteDataset),
                median(overDataset), ClassLabels.counts(out.labels()));
    }

    /** The rows picked, gathered into new arrays (what imbalanced-learn's fit_resample returns). */
    static Object gather(double[] x, int d, String[] y, int[] rows) {
        double[] xs = new double[rows.length * d];
        String[] ys = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * d, xs, i * d, d);
            ys[i] = y[rows[i]];
        }
        return new Object[] {xs, ys};
    }

    private static double time(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
