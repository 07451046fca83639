package dev.flatline.checks;

import java.util.List;

/**
 * What running one check gave.
 *
 * @param check    the check's id
 * @param status   whether it found a problem, found none, could not apply or was skipped
 * @param findings what it found (empty unless {@code status} is {@link Status#PROBLEM})
 * @param note     one sentence: why healthy, why not applicable, or why skipped
 * @param seconds  wall time the check took (its share of the model fits it triggered included)
 */
public record CheckResult(String check, Status status, List<Finding> findings, String note, double seconds) {

    /** The outcome of a check. */
    public enum Status {
        /** At least one finding. */
        PROBLEM,
        /** Looked and found nothing wrong. */
        HEALTHY,
        /** Needs something the model or data does not have (e.g. network internals for a tree). */
        NOT_APPLICABLE,
        /** Not run: the time budget was spent. */
        SKIPPED,
        /** The check itself failed (the note says how); the other checks still ran. */
        FAILED
    }

    /** Copies the findings. */
    public CheckResult {
        findings = List.copyOf(findings);
        note = note == null ? "" : note;
    }

    /** A result with findings. */
    public static CheckResult problem(String check, Finding... findings) {
        return new CheckResult(check, Status.PROBLEM, List.of(findings), "", 0);
    }

    /** A healthy result, with the reason. */
    public static CheckResult healthy(String check, String note) {
        return new CheckResult(check, Status.HEALTHY, List.of(), note, 0);
    }

    /** Not applicable, with the reason. */
    public static CheckResult notApplicable(String check, String note) {
        return new CheckResult(check, Status.NOT_APPLICABLE, List.of(), note, 0);
    }

    /** Skipped, with the reason. */
    public static CheckResult skipped(String check, String note) {
        return new CheckResult(check, Status.SKIPPED, List.of(), note, 0);
    }

    /** A check that threw, with the reason. */
    public static CheckResult failed(String check, String note) {
        return new CheckResult(check, Status.FAILED, List.of(), note, 0);
    }

    /** This result with its timing. */
    public CheckResult timed(double wallSeconds) {
        return new CheckResult(check, status, findings, note, wallSeconds);
    }

    /** The finding with the check's own id, if any. */
    public java.util.Optional<Finding> finding() {
        return findings.stream().findFirst();
    }
}
