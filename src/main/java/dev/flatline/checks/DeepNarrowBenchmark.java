package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.LabelledData;
import dev.flatline.data.TwoFeatureTasks;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.MlpTrainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/**
 * The deep-narrow benchmark (AutoTrainer, ICSE 2021): networks of 10 to 17 hidden layers of 3 to 8
 * units (ReLU, tanh, sigmoid) on small seeded 2-feature tasks ({@link TwoFeatureTasks}), each checked by
 * the {@link Checkup} with its default budget, and the checkup's outcome compared with a well-trained
 * reference. {@code ./flatline bench deep} prints the table and the totals; a reduced version runs in
 * the tests.
 *
 * <p>A case is <em>repaired</em> when the model the checkup ends with (its {@link Repair}'s, else its best
 * single remedy that beat its noise, else the model as checked) is within {@link Repair#WITHIN} of the
 * reference or above it. A model is an <em>underperformer</em> when it trails the reference by more than
 * {@link Repair#WITHIN} and by more than the gap's 95% margin (paired bootstrap over the test rows); the
 * checkup must not give one a clean bill (no symptom).
 *
 * <p>The reference is the best test balanced accuracy of three models trained on the same training part
 * (independent of the checkup's own references): a Tribuo CART tree, a Tribuo logistic regression, and a
 * shallow network of {@link Symptom#SHALLOW_NETWORK} tanh units with the checkup's default settings (the
 * symptom's own references train on a share of the training part only). The
 * networks are {@link Checkup#defaultNetwork(int)} with the case's depth, width, activation and seed.
 */
public final class DeepNarrowBenchmark {

    /** Hidden layers of the deep networks. */
    public static final List<Integer> DEPTHS = List.of(10, 13, 15, 17);
    /** Units per hidden layer, cycled over the cases. */
    public static final List<Integer> WIDTHS = List.of(3, 4, 5, 6, 7, 8);
    /** Hidden activations of the deep networks. */
    public static final List<HiddenActivation> ACTIVATIONS = List.of(HiddenActivation.RELU, HiddenActivation.TANH,
            HiddenActivation.SIGMOID);
    private DeepNarrowBenchmark() {
    }

    /**
     * A 2-feature task with scikit-learn's generator and fixed sizes and noise: up to 1000 rows, so that the
     * test part (a fifth) holds 160 to 200 rows and "within a few points" is not lost in its noise.
     */
    public enum Task {
        /** Two moons, 800 rows, noise 0.2. */
        MOONS,
        /** Concentric circles, 1000 rows, noise 0.2, inner radius 0.5. */
        CIRCLES,
        /** Three Gaussian blobs, 1000 rows, spread 1.5. */
        BLOBS;

        /** The task's rows, standardised on the training part, with the split made by {@code seed}. */
        public CheckData data(long seed) {
            LabelledData d = switch (this) {
                case MOONS -> TwoFeatureTasks.moons(800, 0.2, seed);
                case CIRCLES -> TwoFeatureTasks.circles(1000, 0.2, 0.5, seed);
                case BLOBS -> TwoFeatureTasks.blobs(1000, 3, 1.5, seed);
            };
            return CheckData.of(d.standardised());
        }
    }

    /**
     * A deep narrow network on a task.
     *
     * @param task       the task
     * @param depth      hidden layers
     * @param width      units per hidden layer
     * @param activation hidden activation
     * @param seed       the task's split and the network's seed
     */
    public record Network(Task task, int depth, int width, HiddenActivation activation, long seed) {

        /** The network trainer: the checkup's default network with these layers. */
        public MlpTrainer trainer(int trainRows) {
            int[] hidden = new int[depth];
            Arrays.fill(hidden, width);
            return Checkup.defaultNetwork(trainRows).seed(seed).hidden(hidden).hiddenActivation(activation).build();
        }
    }

    /** Every network for seeds 0 to {@code seeds - 1}: each task, depth and activation, the width cycled. */
    public static List<Network> networks(List<Task> tasks, int seeds) {
        List<Network> out = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            int k = (int) seed;
            for (Task task : tasks) {
                for (int depth : DEPTHS) {
                    for (HiddenActivation activation : ACTIVATIONS) {
                        out.add(new Network(task, depth, WIDTHS.get(k++ % WIDTHS.size()), activation, seed));
                    }
                }
            }
        }
        return out;
    }

    /**
     * One case's outcome.
     *
     * @param network       the network
     * @param before        the checked model's test balanced accuracy
     * @param reference     the reference's test balanced accuracy
     * @param gapMargin     the before-to-reference gap's 95% margin
     * @param symptom       whether the checkup found the symptom
     * @param rootCause     the root cause named, empty when none
     * @param steps         the repair's kept changes, or the single remedy used, or empty
     * @param after         the balanced accuracy the checkup ends with
     * @param seconds       the checkup's wall time
     */
    public record Case(Network network, double before, double reference, double gapMargin, boolean symptom,
                       String rootCause, String steps, double after, double seconds) {

        /** Whether the model the checkup ends with is within {@link Repair#WITHIN} of the reference. */
        public boolean repaired() {
            return reference - after <= Repair.WITHIN;
        }

        /** Whether the checked model trails the reference by more than the threshold and its noise. */
        public boolean underperformer() {
            double gap = reference - before;
            return gap > Repair.WITHIN && gap > gapMargin;
        }

        /** Whether the checkup gave an underperformer a clean bill. */
        public boolean cleanBillForUnderperformer() {
            return underperformer() && !symptom;
        }

        /** One table row. */
        public String row() {
            Network n = network;
            return String.format(Locale.ROOT, "%-8s %2dx%d %-7s %4d  %5.3f %5.3f %-4s %-20s %5.3f %-4s %5.1f  %s",
                    n.task().name().toLowerCase(Locale.ROOT), n.depth(), n.width(),
                    n.activation().name().toLowerCase(Locale.ROOT), n.seed(), before, reference,
                    symptom ? "yes" : "no", rootCause.isEmpty() ? "(none)" : rootCause, after,
                    repaired() ? "yes" : "NO", seconds, steps.isEmpty() ? "-" : steps);
        }
    }

    /** The table's header line. */
    public static String header() {
        return String.format(Locale.ROOT, "%-8s %-4s %-7s %4s  %5s %5s %-4s %-20s %5s %-4s %5s  %s", "task", "net",
                "act", "seed", "befor", "ref", "sym", "root cause", "after", "rep", "s", "repair steps (kept)");
    }

    /** Runs one case: the reference, the checkup with {@code budget}, the outcome. */
    public static Case run(Network network, Duration budget) {
        CheckData data = network.task().data(network.seed());
        List<String> classes = data.classCounts().classes();
        Metrics reference = reference(data, network.seed(), classes);
        long t0 = System.nanoTime();
        Diagnosis report = Checkup.of(data).trainer(network.trainer(data.train().size())).budget(budget)
                .seed(network.seed()).run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Metrics before = report.metrics();
        double margin = PairedBootstrap.margin(before.trueLabels(), before.predictedLabels(),
                reference.predictedLabels());
        double after = before.balancedAccuracy();
        String steps = "";
        if (report.repair().isPresent()) {
            Repair repair = report.repair().get();
            after = repair.finalAfter();
            steps = repair.combined().map(Trial::change).orElse("nothing kept") + " [" + repair.steps().size()
                    + " tried]";
        } else {
            Trial best = report.trials().stream().filter(t -> t.onTopOf().isEmpty() && t.significant())
                    .max(java.util.Comparator.comparingDouble(t -> t.after().balancedAccuracy())).orElse(null);
            if (best != null && best.after().balancedAccuracy() > after) {
                after = best.after().balancedAccuracy();
                steps = best.change() + " (single remedy)";
            }
        }
        return new Case(network, before.balancedAccuracy(), reference.balancedAccuracy(), margin,
                report.symptom().present(), report.rootCause().map(Finding::id).orElse(""), steps, after, seconds);
    }

    /** The best test metrics of the reference models trained on the training part. */
    static Metrics reference(CheckData data, long seed, List<String> classes) {
        List<Trainer<Label>> trainers = List.of(new CARTClassificationTrainer(), new LogisticRegressionTrainer(),
                Checkup.defaultNetwork(data.train().size()).seed(seed).hidden(Symptom.SHALLOW_NETWORK)
                        .hiddenActivation(HiddenActivation.TANH).build());
        Metrics best = null;
        for (Trainer<Label> trainer : trainers) {
            Model<Label> model = trainer.train(data.train(), java.util.Map.of(), 0);
            Metrics m = Metrics.of(model, data.test(), classes);
            if (best == null || m.balancedAccuracy() > best.balancedAccuracy()) {
                best = m;
            }
        }
        return best;
    }

    /**
     * The totals line: the share repaired (the goal is at least 97%) and the underperformers given a clean
     * bill (the goal is none).
     */
    public static String totals(List<Case> cases) {
        long repaired = cases.stream().filter(Case::repaired).count();
        long under = cases.stream().filter(Case::underperformer).count();
        long clean = cases.stream().filter(Case::cleanBillForUnderperformer).count();
        return String.format(Locale.ROOT, "repaired to within %.2f of the reference: %d/%d (%.1f%%); clean bills for "
                        + "underperformers: %d/%d", Repair.WITHIN, repaired, cases.size(),
                cases.isEmpty() ? 0 : 100.0 * repaired / cases.size(), clean, under);
    }
}
