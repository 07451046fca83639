package dev.flatline.plots;

import dev.flatline.nn.ProgressDisplay;
import dev.flatline.nn.TrainingHistory;
import dev.flatline.nn.TrainingListener;
import java.util.List;
import java.util.Optional;

/**
 * Live training progress in a notebook: one output that is replaced after every epoch with the loss
 * curves and each class's share of the predictions (B4: a collapse shows as one band filling the
 * plot). Registered as a {@link ProgressDisplay} service; usable only inside the flatline kernel.
 *
 * <p>While training runs, each state goes out as a {@link LiveFrame} (drawn from HTML, which every
 * front end redraws on update); the finished state goes out as the chart itself, so the saved
 * notebook keeps a Plotly figure.
 */
public final class LiveTrainingDisplay implements ProgressDisplay {

    @Override
    public Optional<TrainingListener> open() {
        return NotebookOutput.isAvailable() ? Optional.of(new Listener()) : Optional.empty();
    }

    private static final class Listener implements TrainingListener {
        private int epochs;
        private String displayId;

        @Override
        public void started(int epochCount, List<String> classNames) {
            epochs = epochCount;
            displayId = NotebookOutput.show(LiveFrame.of(TrainingProgressChart.of(null, epochs, 0, false))).orElse(null);
        }

        @Override
        public void epochEnded(TrainingHistory history, double elapsedSeconds) {
            replace(LiveFrame.of(TrainingProgressChart.of(history, epochs, elapsedSeconds, false)));
        }

        @Override
        public void finished(TrainingHistory history, double elapsedSeconds) {
            replace(TrainingProgressChart.of(history, epochs, elapsedSeconds, true));
        }

        /** Replaces the display with a {@link LiveFrame} while training runs, with the chart at the end. */
        private void replace(Object frameOrChart) {
            if (displayId != null) {
                NotebookOutput.update(displayId, frameOrChart);
            }
        }
    }
}
