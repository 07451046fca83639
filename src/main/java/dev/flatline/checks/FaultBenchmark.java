package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.HiddenActivation;
import dev.flatline.nn.LossFunction;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.Optimiser;
import dev.flatline.nn.OutputActivation;
import dev.flatline.nn.WeightInit;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The injected-fault benchmark: one fault injected into a bundled dataset (or none, a healthy control),
 * the checkup run through the public API with its default network, and the named root cause compared
 * with the injected one. {@code ./flatline bench faults} prints the table and the totals; a reduced
 * version runs in the tests.
 *
 * <p>Every case starts from the dataset's own stratified split (seeded), standardised on the training
 * part, and {@link Checkup#defaultNetwork(int)} seeded with the case's seed (with balanced class weights where
 * the data's own imbalance is at least {@link Checkup#LARGE_IMBALANCE}:1, as a careful user would train it);
 * only the fault differs.
 */
public final class FaultBenchmark {

    private FaultBenchmark() {
    }

    /** A fault to inject, with the finding id that should be named its root cause (none for a control). */
    public enum Fault {
        /** No fault: the checkup must name no root cause. */
        HEALTHY(""),
        /**
         * Adam at a learning rate of 10 (the usual is 1e-3; at 3 some converged networks on small data
         * still did as well as the clean one, so the fault did no harm there).
         */
        LEARNING_RATE_TOO_HIGH("learning-rate"),
        /** Every weight starts at 0 (units stay identical). */
        ZERO_INIT("weight-symmetry"),
        /** A ReLU (even seeds) or sigmoid (odd seeds) output with cross-entropy. */
        WRONG_OUTPUT_LOSS("output-activation"),
        /**
         * Features in units 1, 10^3, 10^6 and 10^9 times larger, in turn, in both parts (a spread up to 10^6
         * did no harm to some converged networks).
         */
        FEATURES_IN_DIFFERENT_UNITS("feature-scale"),
        /**
         * Every class but the largest cut to a tenth of its training rows (at least 5): a strong imbalance
         * (about 10:1 to 25:1 on the bundled data) whose rare classes still have rows to learn from; on data
         * imbalanced beyond {@link Checkup#LARGE_IMBALANCE}:1 already, also the class weights the other cases use
         * left out.
         */
        CLASS_IMBALANCE("class-imbalance"),
        /** The training part standardised, the test part left raw (the scaler forgotten on the test file). */
        TEST_PREPROCESSING_MISMATCH("train-test-shift"),
        /** A fiftieth of the training rows (at least 3 per class). */
        TOO_LITTLE_DATA("learning-curve"),
        /**
         * More faults, beyond the issue's kinds ({@link #more()}): plain SGD at a learning rate of 10 (it diverges).
         */
        SGD_RATE_TOO_HIGH("learning-rate", false),
        /** Every weight starts at 0.3 (units stay identical, as with zeros). */
        CONSTANT_INIT("weight-symmetry", false),
        /** One epoch at a learning rate of 1e-5: the loss barely moves. */
        TINY_RATE_ONE_EPOCH("learning-rate", false),
        /** Ten hidden layers of 16 sigmoid units. */
        DEEP_SIGMOID_STACK("vanishing-gradients", false),
        /**
         * The test part's columns in reverse order under the training part's names (a test file re-encoded or
         * reordered): each test column holds another feature's values, on the same (standardised) scale.
         */
        TEST_COLUMNS_REORDERED("train-test-shift", false);

        private final String expected;
        private final boolean issueKind;

        Fault(String expected) {
            this(expected, true);
        }

        Fault(String expected, boolean issueKind) {
            this.expected = expected;
            this.issueKind = issueKind;
        }

        /** The issue's kinds and the healthy control: what {@code flatline bench faults} runs by default. */
        public static List<Fault> issueKinds() {
            return java.util.Arrays.stream(values()).filter(f -> f.issueKind).toList();
        }

        /**
         * More faults, beyond the issue's kinds: other optimiser, initialisation and training-length slips, a deep
         * sigmoid stack, and a reordered test file ({@code flatline bench faults --more}).
         */
        public static List<Fault> more() {
            return java.util.Arrays.stream(values()).filter(f -> !f.issueKind).toList();
        }

        /** The finding id that should be named the root cause; empty for a healthy control. */
        public String expected() {
            return expected;
        }
    }

    /**
     * One case's outcome.
     *
     * @param dataset  the bundled dataset
     * @param fault    the fault injected
     * @param seed     the split and training seed
     * @param named    the root cause the checkup named, empty when none
     * @param symptom  whether the checkup found the symptom
     * @param model    the checked model's test balanced accuracy (the report's one "before")
     * @param reference the reference models' best balanced accuracy
     * @param lift     the root cause's lift with its 95% interval, or the reason it has none
     * @param seconds  the checkup's wall time
     * @param clean    the same default network's test balanced accuracy without the fault (same split and seed)
     * @param harm     clean minus faulty balanced accuracy
     * @param harmMargin the harm's 95% margin (paired bootstrap over the test rows)
     */
    public record Case(String dataset, Fault fault, long seed, String named, boolean symptom, double model,
                       double reference, String lift, double seconds, double clean, double harm, double harmMargin) {

        /**
         * Whether the injected fault measurably harmed the model: its harm, measured before the checkup
         * against the clean model, is larger than its 95% margin. A fault without effect is no fault to
         * find; such a case expects no root cause and is counted apart in {@link #totals(List)}.
         */
        public boolean noEffect() {
            return fault != Fault.HEALTHY && harm - harmMargin <= 0;
        }

        /** The root cause this case expects: the injected one, none for a control or a fault without effect. */
        public String expected() {
            return noEffect() ? "" : fault.expected();
        }

        /** Whether the checkup named the expected cause (a control or a fault without effect: nothing). */
        public boolean correct() {
            return named.equals(expected());
        }

        /** One table row. */
        public String row() {
            String harmText = fault == Fault.HEALTHY ? "" : String.format(Locale.ROOT, "%+.3f±%.3f%s", -harm,
                    harmMargin, noEffect() ? " no effect" : "");
            return String.format(Locale.ROOT, "%-14s %-28s %4d  %-18s %-18s %-7s %5.3f %5.3f %-25s %5.3f  %-17s %5.1f",
                    dataset, fault.name().toLowerCase(Locale.ROOT), seed, expected().isEmpty() ? "(none)"
                            : expected(), named.isEmpty() ? "(none)" : named, symptom ? "yes" : "no", clean, model,
                    harmText, reference, lift, seconds);
        }
    }

    /** The table's header line. */
    public static String header() {
        return String.format(Locale.ROOT, "%-14s %-28s %4s  %-18s %-18s %-7s %5s %5s %-25s %5s  %-17s %5s", "dataset",
                "case", "seed", "expected cause", "named cause", "symptom", "clean", "model", "fault's effect ± 95%",
                "ref", "lift ± 95%", "s");
    }

    /** Runs one case. */
    public static Case run(String dataset, Fault fault, long seed, Duration budget) {
        long t0 = System.nanoTime();
        Diagnosis report = report(dataset, fault, seed, budget);
        return outcome(dataset, fault, seed, report, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * One case's outcome from its checkup's report; the clean model (no fault, same split, seed and
     * default network) is trained here and compared with the checked one on the same test rows.
     */
    public static Case outcome(String dataset, Fault fault, long seed, Diagnosis report, double seconds) {
        Injected clean = inject(dataset, Fault.HEALTHY, seed);
        Metrics cleanMetrics = Metrics.of(clean.trainer().train(clean.data().train(), Map.of(), 0),
                clean.data().test(), clean.data().classCounts().classes());
        Metrics faulty = report.metrics();
        if (!cleanMetrics.trueLabels().equals(faulty.trueLabels())) {
            throw new IllegalStateException("the clean and faulty models of " + dataset + " were scored on different "
                    + "test rows");
        }
        double harm = cleanMetrics.balancedAccuracy() - faulty.balancedAccuracy();
        double margin = PairedBootstrap.margin(faulty.trueLabels(), faulty.predictedLabels(),
                cleanMetrics.predictedLabels());
        Optional<Trial> trial = report.rootCauseTrial();
        String lift = report.rootCause().isEmpty() ? ""
                : trial.filter(Trial::significant).map(Trial::liftText).orElse("by evidence");
        return new Case(dataset, fault, seed, report.rootCause().map(Finding::id).orElse(""),
                report.symptom().present(), faulty.balancedAccuracy(), report.symptom().reference(), lift,
                seconds, cleanMetrics.balancedAccuracy(), harm, margin);
    }

    /** The checkup's report of one case (the fault injected, the default network trained). */
    public static Diagnosis report(String dataset, Fault fault, long seed, Duration budget) {
        Injected injected = inject(dataset, fault, seed);
        return Checkup.of(injected.data()).trainer(injected.trainer()).budget(budget).seed(seed).run();
    }

    /** A case's data and network with its fault injected. */
    record Injected(CheckData data, MlpTrainer trainer) {
    }

    static Injected inject(String dataset, Fault fault, long seed) {
        LabelledData data = Datasets.byName(dataset, seed);
        CheckData check = CheckData.of(data.standardised());
        switch (fault) {
            case FEATURES_IN_DIFFERENT_UNITS -> {
                Map<String, Integer> column = new HashMap<>();
                for (int j = 0; j < check.featureNames().size(); j++) {
                    column.put(check.featureNames().get(j), j);
                }
                check = check.mapValues((f, v) -> v * Math.pow(10, 3 * (column.getOrDefault(f, 0) % 4)), true, true);
            }
            case CLASS_IMBALANCE -> check = check.withTrain(thinned(check.train(), 10, 5, seed));
            case TEST_PREPROCESSING_MISMATCH -> check = check.withTest(data.test());
            case TEST_COLUMNS_REORDERED -> check = check.testColumnsReversed();
            case TOO_LITTLE_DATA -> check = check.withTrain(thinned(check.train(), 50, 3, seed, true));
            default -> {
            }
        }
        MlpTrainer.Builder network = Checkup.defaultNetwork(check.train().size()).seed(seed);
        // Data whose own classes are imbalanced beyond LARGE_IMBALANCE (Shuttle, 4559:1) carry that fault
        // already: the careful user's network there weighs the classes, so the healthy control is healthy and
        // every other fault is one fault on top of it. The class-imbalance fault is then the weights left out.
        if (data.classCounts().imbalanceRatio() >= Checkup.LARGE_IMBALANCE && fault != Fault.CLASS_IMBALANCE) {
            network.balancedClassWeights();
        }
        switch (fault) {
            case LEARNING_RATE_TOO_HIGH -> network.learningRate(10.0);
            case ZERO_INIT -> network.weightInit(WeightInit.ZERO);
            case SGD_RATE_TOO_HIGH -> network.optimiser(Optimiser.sgd(10.0));
            case CONSTANT_INIT -> network.weightInit(WeightInit.CONSTANT).constantInit(0.3);
            case TINY_RATE_ONE_EPOCH -> network.learningRate(1e-5).epochs(1);
            case DEEP_SIGMOID_STACK -> network.hidden(16, 16, 16, 16, 16, 16, 16, 16, 16, 16)
                    .hiddenActivation(HiddenActivation.SIGMOID);
            case WRONG_OUTPUT_LOSS -> network.output(seed % 2 == 0 ? OutputActivation.RELU : OutputActivation.SIGMOID,
                    LossFunction.CROSS_ENTROPY);
            default -> {
            }
        }
        return new Injected(check, network.build());
    }

    private static Dataset<Label> thinned(Dataset<Label> train, int divisor, int atLeast, long seed) {
        return thinned(train, divisor, atLeast, seed, false);
    }

    /**
     * Keeps a {@code 1/divisor} share (at least {@code atLeast} rows) of every class but the largest, or of
     * every class when {@code all}; a seeded shuffle picks the rows.
     */
    private static Dataset<Label> thinned(Dataset<Label> train, int divisor, int atLeast, long seed, boolean all) {
        Map<String, Long> counts = new HashMap<>();
        for (Example<Label> e : train) {
            counts.merge(e.getOutput().getLabel(), 1L, Long::sum);
        }
        String largest = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Map<String, Long> keep = new HashMap<>();
        counts.forEach((c, n) -> keep.put(c, !all && c.equals(largest) ? n
                : Math.min(n, Math.max(atLeast, n / divisor))));
        List<Integer> order = new java.util.ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(new SplittableRandom(seed).nextLong()));
        Map<String, Long> taken = new HashMap<>();
        boolean[] kept = new boolean[train.size()];
        for (int i : order) {
            String c = train.getExample(i).getOutput().getLabel();
            if (taken.getOrDefault(c, 0L) < keep.get(c)) {
                taken.merge(c, 1L, Long::sum);
                kept[i] = true;
            }
        }
        MutableDataset<Label> out = CheckData.empty("thinned training part");
        for (int i = 0; i < kept.length; i++) {
            if (kept[i]) {
                out.add(train.getExample(i).copy());
            }
        }
        return out;
    }

    /**
     * The totals line: faults named top-1 (among those that measurably harmed the model), faults without
     * effect (counted apart; they expect no root cause) and root causes named on healthy controls.
     *
     * @return e.g. {@code faults named top-1: 40/42 (95.2%); no effect: 2 (1 with a root cause); healthy
     *         controls with a root cause: 0/14}
     */
    public static String totals(List<Case> cases) {
        List<Case> faults = cases.stream().filter(c -> c.fault() != Fault.HEALTHY && !c.noEffect()).toList();
        long named = faults.stream().filter(Case::correct).count();
        long without = cases.stream().filter(Case::noEffect).count();
        long withoutNamed = cases.stream().filter(Case::noEffect).filter(c -> !c.correct()).count();
        long controls = cases.stream().filter(c -> c.fault() == Fault.HEALTHY).count();
        long alarms = cases.stream().filter(c -> c.fault() == Fault.HEALTHY && !c.correct()).count();
        return String.format(Locale.ROOT, "faults named top-1: %d/%d (%.1f%%); faults with no effect: %d (%d given a "
                        + "root cause); healthy controls with a root cause: %d/%d", named, faults.size(),
                faults.isEmpty() ? 0 : 100.0 * named / faults.size(), without, withoutNamed, alarms, controls);
    }
}
