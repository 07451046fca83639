package dev.flatline.checks;

import static dev.flatline.checks.Finding.evidence;

import dev.flatline.data.ClassCounts;
import dev.flatline.nn.ClassWeighting;
import dev.flatline.remedies.Changes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        boolean weighted = weighsClasses(context);
        Severity severity = weighted ? Severity.LOW : majority >= 0.99 || ratio >= 100 ? Severity.HIGH
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
                : "") + (weighted ? " The network already weighs the classes (" + WEIGHTED + ")." : "");
        return CheckResult.problem(id(), new Finding(id(), severity, title, evidence(
                "imbalance_ratio", ratio,
                "majority_class", largest,
                "majority_baseline_accuracy", majority,
                "smallest_class", smallest,
                "smallest_class_rows", counts.get(smallest),
                "minority_shares", minority,
                "classes", classes.size(),
                WEIGHTED, weighted),
                weighted ? Remedy.advice("The class weights are in place: where rare classes are still missed, "
                        + "add rows of them or oversample them (SMOTE), and judge by balanced accuracy.")
                        : Remedy.of("Weight classes by n / (K n_c), or resample (over/under/SMOTE); judge by "
                                + "balanced accuracy.", Changes.balancedClassWeights(context.mlpTrainer().isPresent())),
                Notebooks.REBALANCING));
    }

    /** The evidence key saying the checked network already weighs its classes. */
    static final String WEIGHTED = "class_weights_in_use";

    /**
     * Whether the checked network already trains with class weights: then weighting is not a remedy left to try,
     * and the imbalance cannot be the cause that weights would fix.
     */
    static boolean weighsClasses(CheckContext context) {
        return context.mlpTrainer().map(m -> !m.settings().classWeights().equals(ClassWeighting.none()))
                .orElse(false);
    }
}
