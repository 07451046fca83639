package dev.flatline.nn;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The trainer's live progress: the first {@link ProgressDisplay} that is usable now (in a notebook,
 * an output that updates in place), otherwise one line per epoch on standard error.
 */
final class TrainingProgress {

    private TrainingProgress() {
    }

    static TrainingListener open() {
        for (ProgressDisplay display : ServiceLoader.load(ProgressDisplay.class, ProgressDisplay.class.getClassLoader())) {
            Optional<TrainingListener> listener = display.open();
            if (listener.isPresent()) {
                return listener.get();
            }
        }
        return new TerminalProgress();
    }

    /** One line per epoch on standard error, and the reason when training stopped early. */
    static final class TerminalProgress implements TrainingListener {
        private int epochs;
        private int classes;

        @Override
        public void started(int epochCount, List<String> classNames) {
            this.epochs = epochCount;
            this.classes = classNames.size();
        }

        @Override
        public void epochEnded(TrainingHistory history, double elapsed) {
            EpochRecord e = history.last();
            System.err.println(String.format(Locale.ROOT, "epoch %d/%d  loss %.4f  val loss %.4f  val bal.acc %.3f  "
                            + "classes predicted %d/%d  %.1fs", e.epoch(), epochs, e.trainLoss(), e.validationLoss(),
                    e.validationBalancedAccuracy(), e.classesPredicted(), classes, elapsed));
        }

        @Override
        public void finished(TrainingHistory history, double elapsed) {
            if (history.stopReason() != StopReason.COMPLETED) {
                System.err.println(history.stopMessage());
            }
        }
    }
}
