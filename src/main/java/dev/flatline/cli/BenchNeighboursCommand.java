package dev.flatline.cli;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.remedies.NeighboursBenchmark;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flatline bench neighbours}: SMOTE's hand-written neighbour search against Tribuo's k-d tree
 * ({@link NeighboursBenchmark}) on Shuttle's two largest minority classes (standardised training rows), one thread.
 */
@Command(name = "neighbours", mixinStandardHelpOptions = true,
        description = "Time SMOTE's k-nearest-neighbour search against Tribuo's KDTreeFactory on Shuttle's classes.")
public final class BenchNeighboursCommand implements Callable<Integer> {

    @Option(names = "--runs", defaultValue = "6", paramLabel = "N",
            description = "Runs per search; the first is reported as cold, the median of the rest as warm "
                    + "(default: ${DEFAULT-VALUE}).")
    int runs;
    @Option(names = "-k", defaultValue = "5", paramLabel = "K", description = "Neighbours (default: ${DEFAULT-VALUE}).")
    int k;

    @Override
    public Integer call() {
        if (runs < 2 || k < 1) {
            throw new IllegalArgumentException("--runs must be at least 2 and -k at least 1.");
        }
        LabelledData shuttle = Datasets.shuttle().standardised();
        List<NeighboursBenchmark.Result> results = NeighboursBenchmark.run(shuttle.train(), List.of("High", "Bypass"),
                k, runs);
        results.forEach(r -> System.out.println(r.row()));
        NeighboursBenchmark.Result first = results.get(0);
        System.out.printf(Locale.ROOT, "{\"benchmark\":\"neighbours\",\"class\":\"%s\",\"rows\":%d,\"k\":%d,"
                + "\"flatline_warm_ms\":%.2f,\"tribuo_kdtree_warm_ms\":%.2f}%n", first.label(), first.rows(), k,
                first.flatlineMs()[1], first.tribuoMs()[1]);
        return 0;
    }
}
