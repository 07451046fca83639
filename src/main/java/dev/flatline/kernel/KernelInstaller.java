package dev.flatline.kernel;

import com.google.gson.GsonBuilder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;

/**
 * Writes the Jupyter kernelspec ({@code kernels/flatline/kernel.json} and logos) that starts
 * {@link KernelMain}.
 *
 * <p><b>How it finds what to run.</b> The kernel runs from the built jar and its dependencies,
 * laid out by {@code mvn package} as {@code target/flatline-<version>.jar} and {@code target/lib/*.jar}.
 * {@link Layout#locate()} starts from where this class was loaded: when that is a jar, it is the
 * jar, and its {@code lib} folder sits beside it; when it is a class folder ({@code target/classes},
 * as in tests and IDEs), the jar is the {@code flatline-*.jar} in the folder above it. The kernelspec
 * stores absolute paths, so it keeps working from any notebook folder; re-run the installer after
 * moving the build.
 *
 * <p><b>The Java command.</b> The {@code java} of the JVM running the installer
 * ({@code java.home}); the entry script runs the installer with {@code JAVA_HOME}'s java, so this is
 * JAVA_HOME's. The JVM options fit a 2 GB session (Binder): see {@link #jvmOptions()}.
 */
public final class KernelInstaller {

    /** Display name shown in Jupyter's kernel chooser. */
    public static final String DISPLAY_NAME = "Java (flatline)";

    /** The default heap cap. */
    public static final String DEFAULT_HEAP = "1g";

    private final Path java;
    private final Layout layout;
    private final Path javacppCache;
    private final String heap;

    /**
     * @param java         the java executable the kernel runs with
     * @param layout       the jar and library folder to put on the class path
     * @param javacppCache where JavaCPP unpacks ND4J's native libraries (~400 MB on first use)
     * @param heap         the heap cap, e.g. {@code "1g"}
     */
    public KernelInstaller(Path java, Layout layout, Path javacppCache, String heap) {
        this.java = Objects.requireNonNull(java, "java").toAbsolutePath();
        this.layout = Objects.requireNonNull(layout, "layout");
        this.javacppCache = Objects.requireNonNull(javacppCache, "javacppCache").toAbsolutePath();
        this.heap = Objects.requireNonNull(heap, "heap");
        if (!heap.matches("\\d+[kKmMgG]")) {
            throw new IllegalArgumentException("heap must be a size such as 1g or 768m, not '" + heap + "'");
        }
    }

    /** An installer for this JVM's java, the located build and the default JavaCPP cache and heap. */
    public static KernelInstaller forThisBuild() {
        return new KernelInstaller(currentJava(), Layout.locate(), defaultJavacppCache(), DEFAULT_HEAP);
    }

    /** The java executable of the running JVM. */
    public static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** JavaCPP's own default cache, {@code ~/.javacpp/cache}, shared with other JavaCPP programs. */
    public static Path defaultJavacppCache() {
        return Path.of(System.getProperty("user.home"), ".javacpp", "cache");
    }

    /** Jupyter's per-user data folder: {@code $JUPYTER_DATA_DIR}, else the platform's default. */
    public static Path userDataDir() {
        String env = System.getenv("JUPYTER_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path home = Path.of(System.getProperty("user.home"));
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return home.resolve("Library/Jupyter");
        }
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData == null ? home.toString() : appData, "jupyter");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg)).resolve("jupyter");
    }

    /**
     * The JVM options, chosen for a 2 GB session: a 1 GB heap cap; JavaCPP's off-heap memory (ND4J
     * arrays) capped at 512 MB and the whole process at 1.6 GB, so a too-big array fails in its cell
     * with an OutOfMemoryError instead of the container killing the kernel; the serial collector
     * (least memory and threads on 1–2 cores); quiet SLF4J; no AWT windows.
     */
    public List<String> jvmOptions() {
        return List.of(
                "-Xmx" + heap,
                "-XX:+UseSerialGC",
                "-Dorg.bytedeco.javacpp.maxbytes=512m",
                "-Dorg.bytedeco.javacpp.maxphysicalbytes=1600m",
                "-Dorg.bytedeco.javacpp.cachedir=" + javacppCache,
                "-D" + KernelLogging.SLF4J_LEVEL_PROPERTY + "=warn",
                "-Djava.awt.headless=true");
    }

    /** The class path: the jar and every jar of the library folder (the launcher expands {@code *}). */
    public String classPath() {
        return layout.jar() + File.pathSeparator + layout.lib().resolve("*");
    }

    /** The kernel.json content. */
    public String kernelJson() {
        List<String> argv = new ArrayList<>();
        argv.add(java.toString());
        argv.addAll(jvmOptions());
        argv.add("-cp");
        argv.add(classPath());
        argv.add(KernelMain.class.getName());
        argv.add("{connection_file}");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        // Interrupts arrive as interrupt_request messages: SIGINT would end a JVM.
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of("OMP_NUM_THREADS", "1"));
        spec.put("metadata", Map.of("debugger", false));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /**
     * Writes {@code kernelsDir/flatline/kernel.json} and the logos.
     *
     * @param kernelsDir a Jupyter {@code kernels} folder (created if missing)
     * @return the kernel's folder
     */
    public Path install(Path kernelsDir) {
        Path dir = kernelsDir.resolve(FlatlineKernel.NAME);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("kernel.json"), kernelJson(), StandardCharsets.UTF_8);
            writeLogo(dir.resolve("logo-32x32.png"), 32);
            writeLogo(dir.resolve("logo-64x64.png"), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kernelspec to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** A flat line on a dark square: a classifier that always predicts the same class. */
    private static void writeLogo(Path file, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x1f, 0x2a, 0x44));
            g.fillRoundRect(0, 0, size, size, size / 4, size / 4);
            g.setColor(new Color(0x4c, 0xd1, 0x7a));
            g.setStroke(new BasicStroke(Math.max(2f, size / 12f), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            int y = size / 2;
            int q = size / 8;
            g.drawPolyline(new int[] {q, size / 3, size / 3 + q, size / 2, size - q},
                    new int[] {y, y, y - 2 * q, y, y}, 5);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    /**
     * Where the built jar and its libraries are.
     *
     * @param jar the flatline jar
     * @param lib the folder of its dependency jars
     */
    public record Layout(Path jar, Path lib) {

        /** Checks both exist. */
        public Layout {
            Objects.requireNonNull(jar, "jar");
            Objects.requireNonNull(lib, "lib");
            jar = jar.toAbsolutePath().normalize();
            lib = lib.toAbsolutePath().normalize();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("the flatline jar " + jar + " does not exist: run mvn package first");
            }
            if (!Files.isDirectory(lib)) {
                throw new IllegalStateException("the library folder " + lib
                        + " does not exist: run mvn package first (it copies the dependencies to target/lib)");
            }
        }

        /** Finds the layout from where this class was loaded (see the class comment). */
        public static Layout locate() {
            Path codeSource;
            try {
                codeSource = Path.of(KernelInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot tell where flatline was loaded from: " + e);
            }
            return fromCodeSource(codeSource);
        }

        /** The layout for a jar or class folder (see the class comment). */
        static Layout fromCodeSource(Path codeSource) {
            if (Files.isRegularFile(codeSource)) {
                return new Layout(codeSource, codeSource.resolveSibling("lib"));
            }
            Path buildDir = codeSource.toAbsolutePath().normalize().getParent();
            List<Path> jars = new ArrayList<>();
            try (DirectoryStream<Path> found = Files.newDirectoryStream(buildDir, "flatline-*.jar")) {
                for (Path p : found) {
                    String name = p.getFileName().toString();
                    if (!name.endsWith("-sources.jar") && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar")) {
                        jars.add(p);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + buildDir, e);
            }
            if (jars.size() != 1) {
                throw new IllegalStateException("expected one flatline-*.jar in " + buildDir + " but found "
                        + jars.size() + ": run mvn package (and remove stale jars)");
            }
            return new Layout(jars.get(0), buildDir.resolve("lib"));
        }
    }
}
