package dev.flatline.checks;

import dev.flatline.evaluation.Metrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Checkup} found: the findings ranked with the likely root cause first, the remedies it
 * tried with their before/after metrics, every check's outcome and time, and the numbers behind the
 * report's charts. Render it with {@code dev.flatline.report} (HTML, JSON, text): this is the diagnosis, that
 * package the reports made of it.
 *
 * @param dataset        the data's name
 * @param target         the class column
 * @param trainRows      training rows
 * @param testRows       test rows
 * @param features       feature names
 * @param classCounts    training rows per class, largest first
 * @param standardised   whether the features were standardised before the checkup
 * @param trainer        the trainer, as it describes itself
 * @param trainerKind    the trainer's class name
 * @param metrics        the model's test metrics
 * @param fitSeconds     seconds the model took to train
 * @param symptom        whether the model has the symptom, measured against reference models
 * @param findings       findings, likely root cause first, then by severity
 * @param rootCause      for a model with the symptom, the finding whose remedy lifted it most by more
 *                       than the lift's noise; empty for a healthy model
 * @param trials         remedies tried, best lift first
 * @param results        every check's outcome, in the order run
 * @param repair         where the best single remedy left a model with the symptom short of the reference,
 *                       the next candidates tried one on top of the other ({@link Repair}); empty otherwise
 * @param rateSweep      the learning-rate sweep, if it ran
 * @param learningCurve  the learning curve, if it ran
 * @param budgetSeconds  the time budget
 * @param elapsedSeconds the checkup's wall time
 */
public record Diagnosis(String dataset, String target, int trainRows, int testRows, List<String> features,
                        Map<String, Long> classCounts, boolean standardised, String trainer, String trainerKind,
                        Metrics metrics, double fitSeconds, Symptom symptom, List<Finding> findings, Optional<Finding> rootCause,
                        List<Trial> trials, List<CheckResult> results, Optional<Repair> repair, Optional<RateSweep> rateSweep,
                        Optional<LearningCurve> learningCurve, double budgetSeconds, double elapsedSeconds) {

    /** Copies the lists. */
    public Diagnosis {
        features = List.copyOf(features);
        findings = List.copyOf(findings);
        trials = List.copyOf(trials);
        results = List.copyOf(results);
    }

    /** The finding with this id, if the checkup made one. */
    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The trial of the root cause's remedy, if there is a root cause. */
    public Optional<Trial> rootCauseTrial() {
        return rootCause.flatMap(f -> trials.stream().filter(t -> t.finding().equals(f.id())).findFirst());
    }

    /**
     * Remedies whose lift cleared its noise but that are not the root cause: for a healthy model, every
     * such remedy (improvements, not causes).
     */
    public List<Trial> improvements() {
        return trials.stream().filter(Trial::significant)
                .filter(t -> rootCause.map(r -> !r.id().equals(t.finding())).orElse(true)).toList();
    }

    /**
     * Other causes the test rows cannot tell from the root cause: trials from the same "before" whose lift
     * beats its noise and whose interval overlaps the root cause's.
     */
    public List<Trial> rivals() {
        Optional<Trial> root = rootCauseTrial();
        if (root.isEmpty()) {
            return List.of();
        }
        return trials.stream().filter(t -> t != root.get() && t.onTopOf().isEmpty() && t.significant())
                .filter(t -> !t.finding().equals(root.get().finding()))
                .filter(t -> t.lift() + t.margin() >= root.get().lowerBound()).toList();
    }

    /**
     * Training rows of the remedy trials: all training rows, or a stratified sample on large data (then the
     * trials' "before" is the model retrained on that sample, not {@link #metrics()}).
     */
    public int trialRows() {
        return trials.isEmpty() ? trainRows : trials.get(0).rows();
    }

    /** The outcome of the check with this id. */
    public Optional<CheckResult> result(String id) {
        return results.stream().filter(r -> r.check().equals(id)).findFirst();
    }

    /** Findings at this severity. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    @Override
    public String toString() {
        return "Diagnosis[" + dataset + ", " + findings.size() + " findings, root cause "
                + rootCause.map(Finding::id).orElse("none") + ", " + String.format(java.util.Locale.ROOT, "%.1f s",
                elapsedSeconds) + "]";
    }
}
