package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.ColumnStats;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

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
                new Remedy("Drop the constant columns (or check how the file was made).",
                        "CsvData.from(path).ignoreColumns(" + String.join(", ", constant.stream()
                                .map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList())
                        + ")"),
                Notebooks.PREPROCESSING));
    }

    @Override
    public Optional<Fix> fix(Finding finding, CheckContext context) {
        @SuppressWarnings("unchecked")
        List<String> constant = (List<String>) finding.evidence().get("constant_features");
        if (constant.size() == context.data().featureNames().size()) {
            return Optional.empty();
        }
        return Optional.of(Fix.data("constant columns dropped", "CsvData.from(path).ignoreColumns(...)",
                d -> d.withoutFeatures(new LinkedHashSet<>(constant))));
    }
}
