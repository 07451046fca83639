package dev.flatline.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The Java side of the {@code ./flatline} entry script: the commands that need the library
 * (installing the kernel, benchmarks, the checkup). The script itself handles what needs no JVM
 * (setting up Jupyter, running notebooks, running the tests).
 */
@Command(name = "flatline",
        mixinStandardHelpOptions = true,
        versionProvider = FlatlineCli.Version.class,
        description = "Find out why a classifier predicts one class for everything, and fix it.",
        subcommands = {CommandLine.HelpCommand.class, KernelCommand.class, BenchCommand.class})
public final class FlatlineCli {

    private FlatlineCli() {
    }

    /** Entry point; exits with the command's status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands without exiting. */
    public static CommandLine commandLine() {
        return new CommandLine(new FlatlineCli());
    }

    /** Reads the version from the jar manifest, falling back to "development". */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FlatlineCli.class.getPackage().getImplementationVersion();
            return new String[] {"flatline " + (v == null ? "development" : v)};
        }
    }
}
