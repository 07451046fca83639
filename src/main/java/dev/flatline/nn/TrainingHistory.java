package dev.flatline.nn;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The training dynamics of one {@link MlpTrainer} run, kept with the {@link MlpModel}: per-epoch
 * losses, accuracies, prediction histograms, gradient norms and dead units, the loss at initialisation
 * (B2), and why training stopped.
 */
public final class TrainingHistory implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> classNames;
    private final double initialLoss;
    private final List<EpochRecord> epochs = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private StopReason stopReason = StopReason.COMPLETED;
    private String stopMessage = "completed all epochs";
    private int bestEpoch;

    TrainingHistory(List<String> classNames, double initialLoss) {
        this.classNames = List.copyOf(classNames);
        this.initialLoss = initialLoss;
    }

    void add(EpochRecord record) {
        epochs.add(record);
    }

    void warn(String message) {
        warnings.add(message);
    }

    void stop(StopReason reason, String message) {
        this.stopReason = reason;
        this.stopMessage = message;
    }

    void bestEpoch(int epoch) {
        this.bestEpoch = epoch;
    }

    /** Class names, in the order of every per-class array. */
    public List<String> classNames() { return classNames; }

    /** The training loss before the first step (B2); about {@link #expectedInitialLoss()} when healthy. */
    public double initialLoss() { return initialLoss; }

    /** {@code ln K}: the cross-entropy of a network that starts out guessing uniformly. */
    public double expectedInitialLoss() { return Math.log(classNames.size()); }

    /** The per-epoch records, in order. */
    public List<EpochRecord> epochs() { return Collections.unmodifiableList(epochs); }

    /** Warnings about the configuration (for example a wrong output/loss pairing, R10). */
    public List<String> warnings() { return Collections.unmodifiableList(warnings); }

    /** Why training ended. */
    public StopReason stopReason() { return stopReason; }

    /** A sentence saying why training ended, with the epoch where relevant. */
    public String stopMessage() { return stopMessage; }

    /** Whether the loss became NaN or infinite. */
    public boolean diverged() { return stopReason == StopReason.DIVERGED; }

    /** The epoch whose weights the model holds (the best validation epoch under early stopping). */
    public int bestEpoch() { return bestEpoch; }

    /** Training loss per epoch. */
    public double[] trainLosses() { return epochs.stream().mapToDouble(EpochRecord::trainLoss).toArray(); }

    /** Validation loss per epoch (NaN without a validation split). */
    public double[] validationLosses() { return epochs.stream().mapToDouble(EpochRecord::validationLoss).toArray(); }

    /** Validation balanced accuracy per epoch. */
    public double[] validationBalancedAccuracies() {
        return epochs.stream().mapToDouble(EpochRecord::validationBalancedAccuracy).toArray();
    }

    /** The last epoch's record; throws if training stopped before finishing one. */
    public EpochRecord last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch finished: " + stopMessage);
        }
        return epochs.get(epochs.size() - 1);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("TrainingHistory(").append(epochs.size()).append(" epochs, initial loss ")
                .append(String.format("%.4f (ln K = %.4f)", initialLoss, expectedInitialLoss())).append(", ")
                .append(stopMessage).append(")");
        for (EpochRecord e : epochs) {
            s.append("\n  ").append(e);
        }
        return s.toString();
    }
}
