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
        subcommands = {CommandLine.HelpCommand.class, KernelCommand.class, CheckupCommand.class, WeightsCommand.class,
                RebalanceCommand.class, BenchCommand.class, DoctorCommand.class})
public final class FlatlineCli {

    private FlatlineCli() {
    }

    /** Entry point; exits with the command's status. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands without exiting. */
    public static CommandLine commandLine() {
        return new CommandLine(new FlatlineCli()).setExecutionExceptionHandler(FlatlineCli::report)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    /**
     * A failed command says what went wrong in one line instead of a stack trace. Bad input (an
     * {@link IllegalArgumentException}, such as a CSV with a missing cell) exits with 2, anything else
     * with 1; set FLATLINE_DEBUG=1 to see the stack trace too.
     */
    static int report(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        String name = command.getCommandSpec().qualifiedName();
        boolean badInput = failure instanceof IllegalArgumentException;
        String message = failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
        command.getErr().println(name + ": " + (badInput ? "" : failure.getClass().getSimpleName() + ": ") + message);
        if (System.getenv("FLATLINE_DEBUG") != null) {
            failure.printStackTrace(command.getErr());
        }
        return badInput ? 2 : 1;
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
