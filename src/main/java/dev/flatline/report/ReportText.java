package dev.flatline.report;

import dev.flatline.checks.Finding;
import dev.flatline.checks.Repair;
import dev.flatline.checks.Diagnosis;
import dev.flatline.checks.Trial;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A checkup {@link Diagnosis} as a short ranked summary for a terminal, the likely root cause first. */
public final class ReportText {

    private ReportText() {
    }

    /** Why the report names no root cause, in a sentence. */
    static String noRootCause(Diagnosis report) {
        if (!report.symptom().present()) {
            return "No root cause: the model is healthy"
                    + (report.improvements().isEmpty() ? "." : "; the improvements below are options, not causes.");
        }
        if (report.findings().isEmpty()) {
            return "No finding: the model passed every check that applied.";
        }
        if (report.trials().isEmpty()) {
            return "No remedy could be tried (none of the serious findings has one, or the budget ran out); "
                    + "see the findings.";
        }
        return "No remedy tried lifted the model by more than its noise; see the findings.";
    }

    /** One trial: the change, balanced accuracy before and after, the lift with its 95% interval. */
    static String trialLine(Trial t) {
        return String.format(Locale.ROOT, "%s -> balanced accuracy %.3f -> %.3f (lift %s, 95%% paired bootstrap "
                        + "over test rows), classes never predicted %d -> %d", t.change(), t.before().balancedAccuracy(),
                t.after().balancedAccuracy(), t.liftText(), t.before().neverPredicted().size(),
                t.after().neverPredicted().size());
    }

    /** Where trials retrain on a sample: says so once, with the model's score on that sample. */
    static String trialSample(Diagnosis report) {
        Trial first = report.trials().stream().filter(t -> t.onTopOf().isEmpty()).findFirst()
                .orElse(report.trials().get(0));
        return String.format(Locale.ROOT, "Remedy trials retrain on a stratified sample of %d of the %d training rows "
                        + "and score the whole test part; retrained on that sample the model scores balanced accuracy "
                        + "%.3f (the \"before\" of every trial).", report.trialRows(), report.trainRows(),
                first.before().balancedAccuracy());
    }

    /** The repair: each step's change and lift on top of the steps kept before it, the combined fix, the gap. */
    static String repair(Repair r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%nNo single remedy reached the reference "
                + "(%.3f); the next candidates, each on top of those kept (kept when validation rows improve):%n",
                r.reference()));
        int i = 1;
        for (Repair.Step step : r.steps()) {
            s.append(String.format(Locale.ROOT, "  %d. %s (%s): %.3f -> %.3f, lift %s, validation %.3f: %s%n", i++,
                    step.trial().change(), step.source(), step.trial().before().balancedAccuracy(),
                    step.trial().after().balancedAccuracy(), step.trial().liftText(), step.validation(),
                    step.kept() ? "kept" : "not kept"));
        }
        s.append("  ").append(r.summary()).append('\n');
        return s.toString();
    }

    /** The summary: one line on the model, the root cause with its before/after, then the findings. */
    public static String summary(Diagnosis report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "flatline checkup of %s (%d training / %d test rows, %d classes) with %s%n",
                report.dataset(), report.trainRows(), report.testRows(), report.classCounts().size(),
                report.trainerKind()));
        s.append(String.format(Locale.ROOT, "model: %s%n", report.metrics()));
        s.append(report.symptom().summary()).append('\n');
        if (report.trialRows() < report.trainRows()) {
            s.append(trialSample(report)).append('\n');
        }
        Optional<Trial> trial = report.rootCauseTrial();
        if (report.rootCause().isPresent() && trial.isPresent()) {
            Finding root = report.rootCause().get();
            s.append(String.format(Locale.ROOT, "%nLikely root cause: %s — %s%n", root.id(), root.title()));
            s.append("  tried: ").append(trialLine(trial.get())).append('\n');
            if (root.evidence().containsKey("proven_by")) {
                s.append("  proven by: ").append(root.evidence().get("proven_by")).append('\n');
            }
            if (!root.remedy().code().isEmpty()) {
                s.append("  fix:   ").append(root.remedy().code()).append('\n');
            }
            for (Trial rival : report.rivals()) {
                s.append("  within the noise of it: ").append(rival.finding()).append(" (lift ")
                        .append(rival.liftText()).append("): the test rows cannot tell these apart; fix both.\n");
            }
        } else if (report.rootCause().isPresent()) {
            // Proven by evidence (e.g. the references' drop on the test part), not by a retrain.
            Finding root = report.rootCause().get();
            s.append(String.format(Locale.ROOT, "%nLikely root cause: %s — %s%n  proven by: %s (evidence, no "
                    + "retrain)%n", root.id(), root.title(), root.evidence().get("proven_by")));
        } else {
            s.append('\n').append(noRootCause(report)).append('\n');
        }
        List<Trial> improvements = report.improvements();
        if (!improvements.isEmpty()) {
            s.append(report.rootCause().isPresent() ? "Other remedies that helped:\n" : "Improvements:\n");
            improvements.forEach(t -> s.append("  ").append(t.finding()).append(": ").append(trialLine(t))
                    .append('\n'));
        }
        report.repair().ifPresent(r -> s.append(repair(r)));
        s.append(String.format(Locale.ROOT, "%nFindings (%d):%n", report.findings().size()));
        int i = 1;
        for (Finding f : report.findings()) {
            s.append(String.format(Locale.ROOT, "%2d. [%s] %s: %s%n", i++, f.severity().label(), f.id(), f.title()));
        }
        s.append(String.format(Locale.ROOT, "%nChecked in %.1f s (budget %.0f s).%n", report.elapsedSeconds(),
                report.budgetSeconds()));
        return s.toString();
    }
}
