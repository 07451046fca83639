package dev.flatline.nn;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/** Small standardised Shuttle subsets shared by the tests (loaded once). */
final class Shuttle {
    private static LabelledData full;

    private Shuttle() {
    }

    static synchronized LabelledData standardised() {
        if (full == null) {
            full = Datasets.shuttle().standardised();
        }
        return full;
    }

    /** A stratified training sample of {@code size} rows. */
    static Dataset<Label> train(int size) {
        return standardised().subsampleTrain(size, 0).train();
    }

    static Dataset<Label> test() {
        return standardised().test();
    }
}
