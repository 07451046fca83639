package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.nn.MlpTrainer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** In a notebook the trainer's progress is one output, shown once and replaced after every epoch. */
class LiveTrainingDisplayTest {

    /** Records what the kernel would have been asked to show. */
    static final class RecordingSink implements NotebookOutput.Sink {
        final List<Object> shown = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        final List<Object> updates = new ArrayList<>();

        @Override
        public String show(Object value) {
            shown.add(value);
            return "display-" + shown.size();
        }

        @Override
        public void update(String displayId, Object value) {
            updatedIds.add(displayId);
            updates.add(value);
        }
    }

    @AfterEach
    void leaveTheNotebook() {
        NotebookOutput.uninstall();
    }

    @Test
    void progressIsShownOnceAndUpdatedInPlaceEveryEpoch() {
        RecordingSink sink = new RecordingSink();
        NotebookOutput.install(sink);
        MlpTrainer.builder().epochs(3).batchSize(16).hidden(8).build().train(Datasets.wine().standardised().train());

        assertEquals(1, sink.shown.size(), "one output area for the whole run");
        assertTrue(sink.shown.get(0) instanceof LiveFrame, "shown as a frame: " + sink.shown.get(0));
        for (Object update : sink.updates.subList(0, sink.updates.size() - 1)) {
            assertTrue(update instanceof LiveFrame, "while training, frames (HTML only): " + update);
        }
        assertTrue(((LiveFrame) sink.updates.get(2)).chart().title().startsWith("Epoch 3/3"),
                ((LiveFrame) sink.updates.get(2)).chart().title());
        assertEquals(List.of("display-1", "display-1", "display-1", "display-1"), sink.updatedIds,
                "three epochs and the end, all into the same output");
        assertTrue(sink.updates.get(sink.updates.size() - 1) instanceof Chart, "the end as the chart itself (Plotly JSON)");
        Chart last = (Chart) sink.updates.get(sink.updates.size() - 1);
        assertTrue(last.title().startsWith("Trained 3 epochs"), last.title());
        assertTrue(last.toPlotlyJson().contains("predicted class_"), "per-class share series: " + last.toPlotlyJson());
    }

    @Test
    void outsideANotebookNothingIsShown() {
        assertTrue(new LiveTrainingDisplay().open().isEmpty());
    }
}
