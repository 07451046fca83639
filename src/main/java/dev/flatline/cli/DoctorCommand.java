package dev.flatline.cli;

import dev.flatline.kernel.KernelInstaller;
import dev.flatline.kernel.KernelLogging;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flatline doctor}: the prerequisites that only a JVM can check — ND4J's native libraries
 * load (and the folder JavaCPP unpacks them to is usable), enough free memory for a kernel, enough
 * free disk. One line per check; exit status 1 when any needs fixing. The entry script's
 * {@code ./flatline doctor} checks Java, Maven, Jupyter and the kernelspec first, then runs this.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check ND4J's native libraries, free memory and disk (./flatline doctor also checks Java, Maven, Jupyter and the kernel).")
final class DoctorCommand implements Callable<Integer> {

    /** JavaCPP's system property for its cache folder. */
    static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";

    /** A kernel may use up to this much memory: the 1 GB heap plus JavaCPP's cap (see KernelInstaller). */
    static final long KERNEL_BYTES = 1600L << 20;

    /** Below this much memory in all, a kernel, Jupyter and a browser do not fit. */
    static final long TOTAL_BYTES = 2L << 30;

    /** What JavaCPP unpacks on first use (ND4J + OpenBLAS), with some room. */
    static final long CACHE_BYTES = 600L << 20;

    /** Room for the build and executed notebooks. */
    static final long PROJECT_BYTES = 300L << 20;

    @Option(names = "--javacpp-cache", paramLabel = "DIR",
            description = "The folder the kernel unpacks ND4J's natives to (default: -D" + CACHE_PROPERTY
                    + ", else ~/.javacpp/cache).")
    Path javacppCache;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".",
            description = "The project folder, whose disk holds the build and executed notebooks (default: .).")
    Path project;

    @Override
    public Integer call() {
        Path cache = javacppCache != null ? javacppCache
                : System.getProperty(CACHE_PROPERTY) != null ? Path.of(System.getProperty(CACHE_PROPERTY))
                : KernelInstaller.defaultJavacppCache();
        KernelLogging.quiet();
        // Before ND4J loads, so JavaCPP unpacks where the kernel will.
        System.setProperty(CACHE_PROPERTY, cache.toAbsolutePath().toString());
        List<DoctorCheck> checks = new ArrayList<>();
        DoctorCheck folder = cacheFolder(cache);
        checks.add(folder);
        checks.add(nd4j(cache));
        checks.add(memory(totalMemory(), availableMemory()));
        checks.add(disk("disk (JavaCPP cache)", existingAncestor(cache), CACHE_BYTES));
        checks.add(disk("disk (project)", existingAncestor(project.toAbsolutePath()), PROJECT_BYTES));
        checks.forEach(c -> System.out.println(c.line()));
        return checks.stream().allMatch(DoctorCheck::ok) ? 0 : 1;
    }

    /** The cache folder exists or can be made, and a file can be written in it. */
    static DoctorCheck cacheFolder(Path cache) {
        String name = "JavaCPP cache";
        String remedy = " Without it ND4J unpacks ~400 MB of native libraries to a temporary folder at every start. Pick a writable folder:"
                + " ./flatline kernel install --user --javacpp-cache DIR (and -D" + CACHE_PROPERTY + "=DIR for Java programs).";
        try {
            Files.createDirectories(cache);
            Path probe = Files.createTempFile(cache, ".flatline-doctor", ".tmp");
            Files.delete(probe);
            return DoctorCheck.ok(name, cache.toAbsolutePath() + " is writable");
        } catch (IOException | SecurityException e) {
            return DoctorCheck.fix(name, cache.toAbsolutePath() + " cannot be written (" + e.getClass().getSimpleName()
                    + ": " + e.getMessage() + ")." + remedy);
        }
    }

    /** ND4J loads its natives and adds up three numbers. */
    static DoctorCheck nd4j(Path cache) {
        String name = "ND4J natives";
        try {
            float sum = org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 2, 3}).sumNumber().floatValue();
            if (sum != 6f) {
                return DoctorCheck.fix(name, "ND4J loaded but computed 1+2+3 = " + sum + ": reinstall (delete "
                        + cache.toAbsolutePath() + " and run again).");
            }
            return DoctorCheck.ok(name, "loaded for " + org.bytedeco.javacpp.Loader.getPlatform()
                    + " (" + org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName() + ")");
        } catch (Throwable e) {
            String platform = platformOrUnknown();
            return DoctorCheck.fix(name, "ND4J could not load its native libraries on " + platform + " ("
                    + rootMessage(e) + "). This build carries natives for linux-x86_64"
                    + (platform.equals("linux-x86_64") ? "; check the JavaCPP cache line above, then delete "
                    + cache.toAbsolutePath() + " and run again."
                    : " only: use Linux (or Binder), or build for " + platform + " (see environment/README.md)."));
        }
    }

    /** Enough memory in all, and enough free now, for a kernel next to Jupyter and a browser. */
    static DoctorCheck memory(long total, long available) {
        String name = "memory";
        String found = gb(available) + " free of " + gb(total);
        if (total < TOTAL_BYTES) {
            return DoctorCheck.fix(name, found + ": the notebooks need a machine (or container) with at least "
                    + gb(TOTAL_BYTES) + "; on Binder this is the session's limit.");
        }
        if (available < KERNEL_BYTES) {
            return DoctorCheck.fix(name, found + ": a kernel may need " + gb(KERNEL_BYTES)
                    + ". Close programs (browser tabs, other kernels), or give the kernel a smaller heap:"
                    + " ./flatline kernel install --user --heap 768m");
        }
        return DoctorCheck.ok(name, found);
    }

    /** Enough free space on the file system that holds {@code where}. */
    static DoctorCheck disk(String name, Path where, long needed) {
        long usable;
        try {
            usable = Files.getFileStore(where).getUsableSpace();
        } catch (IOException e) {
            return DoctorCheck.fix(name, "cannot tell the free space at " + where + ": " + e.getMessage());
        }
        String found = gb(usable) + " free at " + where;
        return usable >= needed ? DoctorCheck.ok(name, found)
                : DoctorCheck.fix(name, found + ": needs " + gb(needed) + "; free some space there.");
    }

    /** The machine's (or container's) memory. */
    static long totalMemory() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
    }

    /**
     * Memory available to a new process: Linux's MemAvailable (free plus reclaimable cache), capped by
     * the container's share; elsewhere the JVM's free-memory figure.
     */
    static long availableMemory() {
        long jvmFree = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getFreeMemorySize();
        return memAvailable(Path.of("/proc/meminfo")).map(a -> Math.min(a, totalMemory())).orElse(jvmFree);
    }

    /** MemAvailable from a /proc/meminfo-style file, in bytes. */
    static Optional<Long> memAvailable(Path meminfo) {
        try {
            Matcher m = Pattern.compile("(?m)^MemAvailable:\\s+(\\d+)\\s+kB").matcher(Files.readString(meminfo));
            return m.find() ? Optional.of(Long.parseLong(m.group(1)) * 1024) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static Path existingAncestor(Path path) {
        Path p = path.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? path.toAbsolutePath().getRoot() : p;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }

    private static String platformOrUnknown() {
        try {
            return org.bytedeco.javacpp.Loader.getPlatform();
        } catch (Throwable e) {
            return System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
    }
}
