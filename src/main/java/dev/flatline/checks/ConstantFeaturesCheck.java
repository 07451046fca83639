package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.CheckData;
import dev.flatline.data.ColumnStats;
import dev.flatline.remedies.Changes;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code constant-features} (R19): features with a single value on the training part (all zero, or
 * any constant) carry no information; if every feature is constant nothing can be learnt.
 */
public final class ConstantFeaturesCheck implements Check {

    @Override
    public String id() {
        return "constant-features";
    }

    @Override
    public Cost cost() {
        return Cost.DATA;
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckData data = context.data();
        List<ColumnStats> columns = data.trainColumnStats();
        List<String> constant = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (columns.get(j).constant()) {
                constant.add(data.featureNames().get(j));
            }
        }
        if (constant.isEmpty()) {
            return CheckResult.healthy(id(), "no constant feature among " + columns.size());
        }
        boolean all = constant.size() == columns.size();
        return CheckResult.problem(id(), new Finding(id(), all ? Severity.HIGH : Severity.LOW,
                all ? "Every feature is constant on the training part: nothing can be learnt from them."
                        : constant.size() + " of " + columns.size() + " features are constant on the training part "
                        + "and carry no information: " + String.join(", ", constant) + ".",
                evidence("constant_features", constant, "features", columns.size()),
                constant.size() == context.data().featureNames().size()
                        ? Remedy.advice("Every column is constant: check how the file was made.")
                        : Remedy.of("Drop the constant columns (or check how the file was made).",
                                Changes.dropColumns(constant)),
                Notebooks.PREPROCESSING));
    }
}
