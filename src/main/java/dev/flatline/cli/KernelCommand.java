package dev.flatline.cli;

import dev.flatline.kernel.KernelInstaller;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flatline kernel ...}: commands about the Jupyter kernel. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "The flatline Java kernel for Jupyter.",
        subcommands = {KernelCommand.Install.class})
final class KernelCommand {

    /** {@code flatline kernel install [--user | --prefix DIR | --jupyter-path DIR]}. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = "Write the kernelspec (kernels/flatline/kernel.json) so Jupyter offers \"Java (flatline)\".")
    static final class Install implements Callable<Integer> {

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Target target = new Target();

        @Option(names = "--javacpp-cache", paramLabel = "DIR",
                description = "Where ND4J's native libraries are unpacked (~400 MB). Default: ~/.javacpp/cache.")
        Path javacppCache;

        @Option(names = "--heap", paramLabel = "SIZE", defaultValue = KernelInstaller.DEFAULT_HEAP,
                description = "The kernel's heap cap (default: ${DEFAULT-VALUE}; fits a 2 GB Binder session).")
        String heap;

        @Override
        public Integer call() {
            Path kernels = target.kernelsDir();
            KernelInstaller installer = new KernelInstaller(KernelInstaller.currentJava(),
                    KernelInstaller.Layout.locate(),
                    javacppCache == null ? KernelInstaller.defaultJavacppCache() : javacppCache, heap);
            Path dir = installer.install(kernels);
            System.out.println("Installed the kernel \"" + KernelInstaller.DISPLAY_NAME + "\" in " + dir.toAbsolutePath());
            return 0;
        }
    }

    /** Where the kernelspec goes; the user's Jupyter data folder unless told otherwise. */
    static final class Target {
        @Option(names = "--user", description = "Install for this user (the default).")
        boolean user;

        @Option(names = "--prefix", paramLabel = "DIR",
                description = "Install into DIR/share/jupyter/kernels (e.g. a virtual environment).")
        Path prefix;

        @Option(names = "--jupyter-path", paramLabel = "DIR",
                description = "Install into DIR/kernels, a Jupyter data folder to put on JUPYTER_PATH.")
        Path jupyterPath;

        Path kernelsDir() {
            if (prefix != null) {
                return prefix.resolve("share/jupyter/kernels");
            }
            if (jupyterPath != null) {
                return jupyterPath.resolve("kernels");
            }
            return KernelInstaller.userDataDir().resolve("kernels");
        }
    }
}
