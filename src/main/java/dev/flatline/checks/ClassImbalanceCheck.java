package dev.flatline.checks;

import dev.flatline.data.ClassCounts;
import static dev.flatline.checks.Finding.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code class-imbalance} (R1, R21): the imbalance ratio (largest over smallest training class), the
 * minority classes' shares and the accuracy of always predicting the majority. Above 99% majority the
 * problem may be better framed as anomaly detection.
 */
public final class ClassImbalanceCheck implements Check {

    @Override
    public String id() {
        return "class-imbalance";
    }

    @Override
    public Cost cost() {
        return Cost.DATA;
    }

    @Override
    public CheckResult run(CheckContext context) {
        ClassCounts counts = context.data().dataClassCounts();
        List<String> classes = counts.classes();
        String largest = counts.majority();
        String smallest = counts.minority();
        double total = counts.total();
        double ratio = counts.imbalanceRatio();
        double majority = counts.majorityShare();
        if (ratio < 3) {
            return CheckResult.healthy(id(), String.format(Locale.ROOT,
                    "classes are roughly balanced (largest/smallest %.1f:1)", ratio));
        }
        Severity severity = majority >= 0.99 || ratio >= 100 ? Severity.HIGH
                : ratio >= 10 ? Severity.MEDIUM : Severity.LOW;
        List<String> minority = new ArrayList<>();
        for (String c : classes) {
            if (counts.get(c) / total < 0.05) {
                minority.add(String.format(Locale.ROOT, "%s %.3f%%", c, 100 * counts.get(c) / total));
            }
        }
        String title = String.format(Locale.ROOT, "The classes are imbalanced %.0f:1 ('%s' %d rows vs '%s' %d); "
                + "always predicting '%s' scores %.1f%% accuracy.", ratio, largest, counts.get(largest), smallest,
                counts.get(smallest), largest, 100 * majority)
                + (majority >= 0.99 ? " With over 99% in one class, consider framing it as anomaly detection (R21)."
                : "");
        return CheckResult.problem(id(), new Finding(id(), severity, title, evidence(
                "imbalance_ratio", ratio,
                "majority_class", largest,
                "majority_baseline_accuracy", majority,
                "smallest_class", smallest,
                "smallest_class_rows", counts.get(smallest),
                "minority_shares", minority,
                "classes", classes.size()),
                new Remedy("Weight classes by n / (K n_c), or resample (over/under/SMOTE); judge by balanced accuracy.",
                        context.mlpTrainer().isPresent()
                                ? "MlpTrainer.builder()...balancedClassWeights().build()"
                                : "ClassWeights.balanced(train).applyTo(train)"),
                Notebooks.REBALANCING));
    }

    @Override
    public Optional<Fix> fix(Finding finding, CheckContext context) {
        return Optional.of(ImbalanceFixes.balancedClassWeights());
    }
}
