package dev.flatline.remedies;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import tech.tablesaw.api.Table;

/** Real data for the remedies' tests: Shuttle (standardised once per JVM) and Glass. */
final class Fixtures {
    private static LabelledData shuttle;

    private Fixtures() {
    }

    static synchronized LabelledData shuttle() {
        if (shuttle == null) {
            shuttle = Datasets.shuttle().standardised();
        }
        return shuttle;
    }

    static LabelledData glass() {
        return Datasets.glass().standardised();
    }

    /** Rows per class of a Tribuo dataset, counted here independently of the code under test. */
    static Map<String, Integer> count(Iterable<Example<Label>> dataset) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Example<Label> example : dataset) {
            counts.merge(example.getOutput().getLabel(), 1, Integer::sum);
        }
        return counts;
    }

    /** Row-major training features. */
    static double[] trainFeatures(LabelledData data) {
        Table train = data.trainTable();
        int n = train.rowCount();
        int d = data.featureCount();
        double[] x = new double[n * d];
        for (int c = 0; c < d; c++) {
            double[] column = train.doubleColumn(c).asDoubleArray();
            for (int r = 0; r < n; r++) {
                x[r * d + c] = column[r];
            }
        }
        return x;
    }

    static String[] trainLabels(LabelledData data) {
        return data.trainTable().stringColumn(data.targetName()).asObjectArray();
    }

    static Dataset<Label> glassTrain() {
        return glass().train();
    }
}
