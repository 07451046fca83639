package dev.flatline.checks;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.nn.LossFunction;
import dev.flatline.nn.MlpTrainer;
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
 * part, and {@link Checkup#defaultNetwork(int)} seeded with the case's seed; only the fault differs.
 */
public final class FaultBenchmark {

    private FaultBenchmark() {
    }

    /** A fault to inject, with the finding id that should be named its root cause (none for a control). */
    public enum Fault {
        /** No fault: the checkup must name no root cause. */
        HEALTHY(""),
        /** Adam at a learning rate of 3 (the usual is 1e-3). */
        LEARNING_RATE_TOO_HIGH("learning-rate"),
        /** Every weight starts at 0 (units stay identical). */
        ZERO_INIT("weight-symmetry"),
        /** A ReLU (even seeds) or sigmoid (odd seeds) output with cross-entropy. */
        WRONG_OUTPUT_LOSS("output-activation"),
        /** Features in units 1, 100, 10^4 and 10^6 times larger, in turn, in both parts. */
        FEATURES_IN_DIFFERENT_UNITS("feature-scale"),
        /** Every class but the largest cut to a fiftieth of its training rows (at least 2). */
        CLASS_IMBALANCE("class-imbalance"),
        /** The training part standardised, the test part left raw (the scaler forgotten on the test file). */
        TEST_PREPROCESSING_MISMATCH("train-test-shift"),
        /** A fiftieth of the training rows (at least 3 per class). */
        TOO_LITTLE_DATA("learning-curve");

        private final String expected;

        Fault(String expected) {
            this.expected = expected;
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
     */
    public record Case(String dataset, Fault fault, long seed, String named, boolean symptom, double model,
                       double reference, String lift, double seconds) {

        /** Whether the checkup named the injected fault (a control: named nothing). */
        public boolean correct() {
            return named.equals(fault.expected());
        }

        /** One table row. */
        public String row() {
            return String.format(Locale.ROOT, "%-14s %-28s %4d  %-18s %-18s %-7s %5.3f %5.3f  %-17s %5.1f", dataset,
                    fault.name().toLowerCase(Locale.ROOT), seed, fault.expected().isEmpty() ? "(none)"
                            : fault.expected(), named.isEmpty() ? "(none)" : named, symptom ? "yes" : "no", model,
                    reference, lift, seconds);
        }
    }

    /** The table's header line. */
    public static String header() {
        return String.format(Locale.ROOT, "%-14s %-28s %4s  %-18s %-18s %-7s %5s %5s  %-17s %5s", "dataset", "case",
                "seed", "expected cause", "named cause", "symptom", "model", "ref", "lift ± 95%", "s");
    }

    /** Runs one case. */
    public static Case run(String dataset, Fault fault, long seed, Duration budget) {
        long t0 = System.nanoTime();
        Report report = report(dataset, fault, seed, budget);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Optional<Trial> trial = report.rootCauseTrial();
        String lift = report.rootCause().isEmpty() ? "" : trial.map(Trial::liftText).orElse("by evidence");
        return new Case(dataset, fault, seed, report.rootCause().map(Finding::id).orElse(""),
                report.symptom().present(), report.metrics().balancedAccuracy(), report.symptom().reference(), lift,
                seconds);
    }

    /** The checkup's report of one case (the fault injected, the default network trained). */
    public static Report report(String dataset, Fault fault, long seed, Duration budget) {
        LabelledData data = Datasets.byName(dataset, seed);
        CheckData check = CheckData.of(data.standardised());
        int trainRows = check.train().size();
        switch (fault) {
            case FEATURES_IN_DIFFERENT_UNITS -> {
                Map<String, Integer> column = new HashMap<>();
                for (int j = 0; j < check.featureNames().size(); j++) {
                    column.put(check.featureNames().get(j), j);
                }
                check = check.mapValues((f, v) -> v * Math.pow(10, 2 * (column.getOrDefault(f, 0) % 4)), true, true);
            }
            case CLASS_IMBALANCE -> check = check.withTrain(thinned(check.train(), 50, 2, seed));
            case TEST_PREPROCESSING_MISMATCH -> check = check.withTest(data.test());
            case TOO_LITTLE_DATA -> check = check.withTrain(thinned(check.train(), 50, 3, seed, true));
            default -> {
            }
        }
        MlpTrainer.Builder network = Checkup.defaultNetwork(check.train().size()).seed(seed);
        switch (fault) {
            case LEARNING_RATE_TOO_HIGH -> network.learningRate(3.0);
            case ZERO_INIT -> network.weightInit(WeightInit.ZERO);
            case WRONG_OUTPUT_LOSS -> network.output(seed % 2 == 0 ? OutputActivation.RELU : OutputActivation.SIGMOID,
                    LossFunction.CROSS_ENTROPY);
            default -> {
            }
        }
        return Checkup.of(check).trainer(network.build()).budget(budget).seed(seed).run();
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
     * The totals line: faults named top-1 and root causes named on healthy controls.
     *
     * @return e.g. {@code faults named top-1: 40/42 (95.2%); healthy controls with a root cause: 0/14}
     */
    public static String totals(List<Case> cases) {
        long faults = cases.stream().filter(c -> c.fault() != Fault.HEALTHY).count();
        long named = cases.stream().filter(c -> c.fault() != Fault.HEALTHY && c.correct()).count();
        long controls = cases.stream().filter(c -> c.fault() == Fault.HEALTHY).count();
        long alarms = cases.stream().filter(c -> c.fault() == Fault.HEALTHY && !c.correct()).count();
        return String.format(Locale.ROOT, "faults named top-1: %d/%d (%.1f%%); healthy controls with a root cause: %d/%d",
                named, faults, faults == 0 ? 0 : 100.0 * named / faults, alarms, controls);
    }
}
