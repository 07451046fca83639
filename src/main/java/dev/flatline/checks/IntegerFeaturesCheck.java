package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.CheckData;
import dev.flatline.data.ColumnSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code integer-features} (R13): columns holding only a few whole numbers are often category codes
 * (1 = red, 2 = green, ...), which a network reads as quantities with an order and a scale. Columns
 * with two values (0/1 flags) or many values (counts, measurements) are fine.
 */
public final class IntegerFeaturesCheck implements Check {

    /** At most this many distinct whole numbers looks like a code. */
    static final int MAX_CODES = 20;

    @Override
    public String id() {
        return "integer-features";
    }

    @Override
    public Cost cost() {
        return Cost.DATA;
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckData data = context.data();
        double[][] columns = data.fullData().isPresent() ? new double[data.featureNames().size()][]
                : data.trainColumns();
        List<String> codes = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            if (data.fullData().isPresent()) {   // counted over every row while streaming
                ColumnSummary c = data.fullData().get().columns().get(j);
                if (c.wholeNumbers() && c.distinctWhole() > 2) {
                    codes.add(data.featureNames().get(j) + " (" + c.distinctWhole() + " values)");
                }
                continue;
            }
            Set<Double> distinct = new HashSet<>();
            boolean whole = true;
            for (double v : columns[j]) {
                if (v != Math.rint(v)) {
                    whole = false;
                    break;
                }
                if (distinct.add(v) && distinct.size() > MAX_CODES) {
                    break;
                }
            }
            if (whole && distinct.size() > 2 && distinct.size() <= MAX_CODES) {
                codes.add(data.featureNames().get(j) + " (" + distinct.size() + " values)");
            }
        }
        if (codes.isEmpty()) {
            return CheckResult.healthy(id(), "no feature looks like an integer category code");
        }
        return CheckResult.problem(id(), new Finding(id(), Severity.LOW, codes.size() + " of " + columns.length
                + " features hold only a few whole numbers and may be category codes read as quantities.",
                evidence("integer_features", codes, "max_distinct_values", MAX_CODES),
                Remedy.advice("If a column is a category code, one-hot encode it; if it is a count, standardise it "
                        + "as a number."),
                Notebooks.DATA));
    }
}
