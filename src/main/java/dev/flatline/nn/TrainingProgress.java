package dev.flatline.nn;

import dev.flatline.plots.NotebookOutput;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Live progress of a training run: in a notebook, one output area that is replaced after every epoch
 * (a {@link TrainingProgressView}); elsewhere one line per epoch on standard error.
 */
final class TrainingProgress {
    private final int epochs;
    private final List<String> classNames;
    private final String displayId;

    private TrainingProgress(int epochs, List<String> classNames, String displayId) {
        this.epochs = epochs;
        this.classNames = classNames;
        this.displayId = displayId;
    }

    static TrainingProgress start(int epochs, List<String> classNames) {
        Optional<String> id = Optional.empty();
        if (NotebookOutput.isAvailable()) {
            id = NotebookOutput.show(new TrainingProgressView(null, epochs, 0, false));
        }
        return new TrainingProgress(epochs, classNames, id.orElse(null));
    }

    void epoch(TrainingHistory history, double elapsed) {
        if (displayId != null) {
            NotebookOutput.update(displayId, new TrainingProgressView(history, epochs, elapsed, false));
            return;
        }
        EpochRecord e = history.last();
        System.err.println(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  val loss %.4f  val bal.acc %.3f  "
                        + "classes predicted %d/%d  %.1fs", e.epoch(), epochs, e.trainLoss(), e.validationLoss(),
                e.validationBalancedAccuracy(), e.classesPredicted(), classNames.size(), elapsed));
    }

    void finish(TrainingHistory history, double elapsed) {
        if (displayId != null) {
            NotebookOutput.update(displayId, new TrainingProgressView(history, epochs, elapsed, true));
        } else if (history != null && history.stopReason() != StopReason.COMPLETED) {
            System.err.println(history.stopMessage());
        }
    }
}
