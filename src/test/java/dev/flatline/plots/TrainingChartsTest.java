package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.nn.MlpModel;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.TrainingHistory;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/** History charts carry the history's series into Plotly JSON. */
class TrainingChartsTest {
    private static final Dataset<Label> TRAIN = Datasets.wine().standardised().train();

    @Test
    void chartsOfAHistory() {
        MlpModel model = MlpTrainer.builder().epochs(3).batchSize(16).hidden(8).progress(false).build().train(TRAIN);
        TrainingHistory h = model.history();
        String loss = TrainingCharts.lossCurves(h).toPlotlyJson();
        assertTrue(loss.contains("training loss") && loss.contains("validation loss"), loss);
        String shares = TrainingCharts.predictedShares(h).toPlotlyJson();
        for (String c : h.classNames()) {
            assertTrue(shares.contains(c), "class " + c + " in " + shares);
        }
        assertTrue(TrainingCharts.gradientNorms(h).toPlotlyJson().contains("output layer"));
        assertTrue(TrainingCharts.deadUnits(h).toPlotlyJson().contains("hidden layer 1"));
        String lr = TrainingCharts.learningRateRange(MlpTrainer.builder().batchSize(16).progress(false).build()
                .learningRateRangeTest(TRAIN, 1e-4, 1, 20)).toPlotlyJson();
        assertTrue(lr.contains("\"log\""), lr);
    }

    @Test
    void noHiddenLayersMeansNoDeadUnitChart() {
        MlpModel model = MlpTrainer.builder().epochs(1).batchSize(16).hidden().progress(false).build().train(TRAIN);
        assertThrows(IllegalArgumentException.class, () -> TrainingCharts.deadUnits(model.history()));
    }
}
