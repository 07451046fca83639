package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.CheckData;
import dev.flatline.data.ColumnStats;
import dev.flatline.remedies.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.common.tree.AbstractCARTTrainer;

/**
 * {@code feature-scale} (R19): features on very different scales, or far from unit scale, make
 * gradient training of networks and linear models slow or unstable (trees do not care). Compares the
 * training part's per-feature standard deviations and magnitudes. For a CART tree the finding is only
 * informational.
 */
public final class FeatureScaleCheck implements Check {

    @Override
    public String id() {
        return "feature-scale";
    }

    @Override
    public Cost cost() {
        return Cost.DATA;
    }

    @Override
    public CheckResult run(CheckContext context) {
        CheckData data = context.data();
        List<ColumnStats> columns = data.trainColumnStats();
        double minStd = Double.POSITIVE_INFINITY;
        double maxStd = 0;
        double maxMagnitude = 0;
        String largest = "";
        String smallest = "";
        for (int j = 0; j < columns.size(); j++) {
            ColumnStats s = columns.get(j);
            if (s.constant()) {
                continue;
            }
            if (s.std() < minStd) {
                minStd = s.std();
                smallest = data.featureNames().get(j);
            }
            if (s.std() > maxStd) {
                maxStd = s.std();
            }
            if (s.magnitude() > maxMagnitude) {
                maxMagnitude = s.magnitude();
                largest = data.featureNames().get(j);
            }
        }
        if (maxStd == 0) {
            return CheckResult.notApplicable(id(), "every feature is constant (see constant-features)");
        }
        double ratio = maxStd / minStd;
        if (ratio < 100 && maxMagnitude < 10) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "features on similar scales (std ratio %.1f, largest magnitude %.3g)", ratio, maxMagnitude));
        }
        // Trees split on thresholds and do not care about scale; networks and linear models do.
        boolean tree = context.trainer() instanceof AbstractCARTTrainer<?>;
        Severity severity = tree ? Severity.INFO
                : ratio >= 1e3 || maxMagnitude >= 100 ? Severity.HIGH : Severity.MEDIUM;
        List<String> notes = new ArrayList<>();
        if (data.standardised()) {
            notes.add("the data says it is standardised, yet scales differ");
        }
        if (tree) {
            notes.add("a tree is not affected by feature scale");
        }
        return CheckResult.problem(id(), new Finding(id(), severity, String.format(Locale.ROOT,
                "Features are on very different scales: standard deviations differ %.3g-fold and '%s' reaches "
                        + "magnitude %.3g; gradient training suffers.", ratio, largest, maxMagnitude),
                evidence("std_ratio", ratio, "largest_magnitude", maxMagnitude, "largest_feature", largest,
                        "smallest_std_feature", smallest, "notes", notes),
                Remedy.of("Standardise the features with statistics fitted on the training part only.",
                        Changes.standardise()),
                Notebooks.PREPROCESSING));
    }
}
