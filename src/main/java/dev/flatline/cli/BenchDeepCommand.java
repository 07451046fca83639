package dev.flatline.cli;

import dev.flatline.checks.DeepNarrowBenchmark;
import dev.flatline.checks.DeepNarrowBenchmark.Case;
import dev.flatline.checks.DeepNarrowBenchmark.Network;
import dev.flatline.checks.DeepNarrowBenchmark.Task;
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
 * {@code flatline bench deep}: the deep-narrow benchmark ({@link DeepNarrowBenchmark}). Checks each deep
 * narrow network on each 2-feature task for each seed, and prints one row per case (before, reference,
 * symptom, root cause, the repair's kept steps, after, repaired) and the totals: the share repaired to
 * within a few points of the reference, and the underperformers given a clean bill.
 */
@Command(name = "deep", mixinStandardHelpOptions = true,
        description = "Check deep narrow networks on small 2-feature tasks and count those repaired to a reference.")
public final class BenchDeepCommand implements Callable<Integer> {
    /** Held so that its level stays set (java.util.logging keeps loggers weakly). */
    private static final Logger NN_LOG = Logger.getLogger("dev.flatline.nn");
    /** The reference's logistic regression logs its progress at INFO: held quiet the same way. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    @Option(names = "--tasks", split = ",", paramLabel = "NAMES",
            description = "Tasks, some of moons,circles,blobs (default: all).")
    List<String> tasks;
    @Option(names = "--seeds", defaultValue = "1", paramLabel = "N", description = "Seeds 0..N-1 (default: ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--budget", defaultValue = "30", paramLabel = "SECONDS",
            description = "Each checkup's time budget (default: ${DEFAULT-VALUE}).")
    double budget;

    @Override
    public Integer call() {
        TRIBUO_LOG.setLevel(Level.WARNING);
        // Deep sigmoid stacks make the network warn on purpose: not news here.
        NN_LOG.setLevel(Level.SEVERE);
        List<Task> chosen = new ArrayList<>();
        for (String t : tasks == null ? Arrays.stream(Task.values()).map(Enum::name).toList() : tasks) {
            try {
                chosen.add(Task.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Unknown task '" + t + "'. Use some of "
                        + Arrays.stream(Task.values()).map(x -> x.name().toLowerCase(Locale.ROOT)).toList() + ".");
            }
        }
        if (seeds < 1 || !(budget > 0)) {
            throw new IllegalArgumentException("--seeds must be at least 1 and --budget positive.");
        }
        System.out.println(DeepNarrowBenchmark.header());
        List<Case> cases = new ArrayList<>();
        for (Network network : DeepNarrowBenchmark.networks(chosen, seeds)) {
            Case c = DeepNarrowBenchmark.run(network, Duration.ofMillis(Math.round(budget * 1000)));
            cases.add(c);
            System.out.println(c.row() + (c.cleanBillForUnderperformer() ? "  <- clean bill" : ""));
        }
        System.out.println(DeepNarrowBenchmark.totals(cases));
        return 0;
    }
}
