package dev.flatline.report;

import dev.flatline.checks.Finding;
import dev.flatline.checks.Report;
import dev.flatline.checks.Trial;
import java.util.Locale;
import java.util.Optional;

/** A checkup {@link Report} as a short ranked summary for a terminal, the likely root cause first. */
public final class ReportText {

    private ReportText() {
    }

    /** Why the report names no root cause, in a sentence. */
    static String noRootCause(Report report) {
        if (report.findings().isEmpty()) {
            return "No finding: the model passed every check that applied.";
        }
        if (report.trials().isEmpty()) {
            return "No remedy could be tried (none of the serious findings has one, or the budget ran out); "
                    + "see the findings.";
        }
        return "No remedy tried lifted the model clearly; see the findings.";
    }

    /** The summary: one line on the model, the root cause with its before/after, then the findings. */
    public static String summary(Report report) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "flatline checkup of %s (%d training / %d test rows, %d classes) with %s%n",
                report.dataset(), report.trainRows(), report.testRows(), report.classCounts().size(),
                report.trainerKind()));
        s.append(String.format(Locale.ROOT, "model: %s%n", report.metrics()));
        Optional<Trial> trial = report.rootCauseTrial();
        if (report.rootCause().isPresent() && trial.isPresent()) {
            Finding root = report.rootCause().get();
            s.append(String.format(Locale.ROOT, "%nLikely root cause: %s — %s%n", root.id(), root.title()));
            s.append(String.format(Locale.ROOT, "  tried: %s -> balanced accuracy %.3f -> %.3f, classes never "
                            + "predicted %d -> %d%n", trial.get().fix(), trial.get().before().balancedAccuracy(),
                    trial.get().after().balancedAccuracy(), trial.get().before().neverPredicted().size(),
                    trial.get().after().neverPredicted().size()));
            if (!root.remedy().code().isEmpty()) {
                s.append("  fix:   ").append(root.remedy().code()).append('\n');
            }
        } else {
            s.append('\n').append(noRootCause(report)).append('\n');
        }
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
