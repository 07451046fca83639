package dev.flatline.cli;

import dev.flatline.checks.FaultBenchmark;
import dev.flatline.checks.FaultBenchmark.Case;
import dev.flatline.checks.FaultBenchmark.Fault;
import dev.flatline.data.Datasets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flatline bench faults}: the injected-fault benchmark ({@link FaultBenchmark}). Injects each fault
 * (and none, a healthy control) into each bundled dataset for each seed, runs the checkup, and prints one
 * row per case (expected cause, named cause, lift ± 95% interval) and the totals: the share of faults
 * named top-1 and the healthy controls given a root cause.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
        description = "Inject known faults into the bundled datasets, run the checkup, and count the causes it names.")
public final class BenchFaultsCommand implements Callable<Integer> {
    /** Held so that its level stays set (java.util.logging keeps loggers weakly). */
    private static final Logger NN_LOG = Logger.getLogger("dev.flatline.nn");

    @Option(names = "--datasets", split = ",", paramLabel = "NAMES",
            description = "Bundled datasets (default: all of them).")
    List<String> datasets;
    @Option(names = "--faults", split = ",", paramLabel = "KINDS",
            description = "Fault kinds, e.g. healthy,learning_rate_too_high (default: the issue's kinds and the healthy "
                    + "control).")
    List<String> faults;
    @Option(names = "--more", description = "Run the more faults instead of the issue's kinds: SGD at a rate of 10, "
            + "constant initialisation, one epoch at a tiny rate, a ten-layer sigmoid stack, reordered test columns.")
    boolean more;
    @Option(names = "--seeds", defaultValue = "2", paramLabel = "N", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--budget", defaultValue = "30", paramLabel = "SECONDS",
            description = "Each checkup's time budget (default: ${DEFAULT-VALUE}).")
    double budget;

    @Option(names = "--reports", description = "Print each case's checkup summary too.")
    boolean reports;

    @Override
    public Integer call() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        // The injected faults make the network warn on purpose (e.g. a wrong output/loss pairing): not news here.
        NN_LOG.setLevel(Level.SEVERE);
        List<String> names = datasets == null ? Datasets.names() : datasets;
        for (String name : names) {
            if (!Datasets.names().contains(name)) {
                throw new IllegalArgumentException("Unknown dataset '" + name + "'. Use some of " + Datasets.names() + ".");
            }
        }
        List<Fault> kinds = new ArrayList<>();
        if (more && faults != null) {
            throw new IllegalArgumentException("Give --faults or --more, not both.");
        }
        List<Fault> defaults = more ? Fault.more() : Fault.issueKinds();
        for (String f : faults == null ? defaults.stream().map(Enum::name).toList() : faults) {
            try {
                kinds.add(Fault.valueOf(f.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown fault '" + f + "'. Use some of "
                        + Arrays.stream(Fault.values()).map(x -> x.name().toLowerCase(Locale.ROOT)).toList() + ".");
            }
        }
        if (seeds < 1 || !(budget > 0)) {
            throw new IllegalArgumentException("--seeds must be at least 1 and --budget positive.");
        }
        System.out.println(FaultBenchmark.header());
        List<Case> cases = new ArrayList<>();
        for (String name : names) {
            for (Fault fault : kinds) {
                for (long seed = 0; seed < seeds; seed++) {
                    Duration time = Duration.ofMillis(Math.round(budget * 1000));
                    long t0 = System.nanoTime();
                    dev.flatline.checks.Diagnosis report = FaultBenchmark.report(name, fault, seed, time);
                    Case c = FaultBenchmark.outcome(name, fault, seed, report, (System.nanoTime() - t0) / 1e9);
                    if (reports) {
                        System.out.print(dev.flatline.report.ReportText.summary(report));
                        report.learningCurve().ifPresent(lc -> System.out.println("  learning curve: rows "
                                + Arrays.toString(lc.rows()) + ", test balanced accuracy "
                                + Arrays.toString(Arrays.stream(lc.testBalancedAccuracy())
                                        .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toArray())
                                + String.format(Locale.ROOT, ", last doubling %+.3f ± %.3f, slope %+.3f", lc.lastGain(),
                                lc.lastGainMargin(), lc.slopePerDoubling())));
                        report.trials().forEach(t -> System.out.println("  trial " + t.finding() + ": " + t.change()
                                + String.format(Locale.ROOT, " %.3f -> %.3f, lift %s%s", t.before().balancedAccuracy(),
                                t.after().balancedAccuracy(), t.liftText(), t.significant() ? " (significant)" : "")));
                    }
                    cases.add(c);
                    System.out.println(c.row() + (c.correct() ? "" : "  <- miss"));
                }
            }
        }
        System.out.println(FaultBenchmark.totals(cases));
        return 0;
    }
}
