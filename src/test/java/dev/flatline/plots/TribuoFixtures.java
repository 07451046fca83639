package dev.flatline.plots;

import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Small Tribuo datasets and evaluations for chart tests. */
final class TribuoFixtures {

    private TribuoFixtures() {
    }

    /** A dataset with the given number of rows per class (one feature, the row number). */
    static MutableDataset<Label> dataset(Map<String, Integer> rowsPerClass) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("fixture", factory), factory);
        int row = 0;
        for (Map.Entry<String, Integer> entry : rowsPerClass.entrySet()) {
            for (int i = 0; i < entry.getValue(); i++) {
                dataset.add(new ArrayExample<>(new Label(entry.getKey()), new String[]{"x"}, new double[]{row++}));
            }
        }
        return dataset;
    }

    /** The evaluation of a collapsed model (always the most frequent class) on {@code dataset}. */
    static LabelEvaluation collapsedEvaluation(MutableDataset<Label> dataset) {
        Model<Label> model = DummyClassifierTrainer.createMostFrequentTrainer().train(dataset);
        return new LabelEvaluator().evaluate(model, dataset);
    }
}
