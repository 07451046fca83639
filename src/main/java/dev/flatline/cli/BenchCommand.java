package dev.flatline.cli;

import picocli.CommandLine.Command;

/** {@code flatline bench ...}: speed benchmarks, each printing one JSON line last. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks; each prints one JSON line last (run with OMP_NUM_THREADS=1 for steady numbers).",
        subcommands = {BenchMlpCommand.class, BenchFaultsCommand.class, BenchDeepCommand.class,
            BenchNeighboursCommand.class})
public final class BenchCommand implements Runnable {
    @Override
    public void run() {
        System.err.println("choose a benchmark, e.g. 'flatline bench mlp --data FILE'");
    }
}
