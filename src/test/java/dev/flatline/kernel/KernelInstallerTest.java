package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelInstallerTest {

    @TempDir
    Path temp;

    private KernelInstaller.Layout fakeBuild() throws Exception {
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.createDirectories(target.resolve("classes"));
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("flatline-0.1.0-SNAPSHOT.jar"), "jar");
        Files.writeString(target.resolve("flatline-0.1.0-SNAPSHOT-sources.jar"), "sources");
        return KernelInstaller.Layout.fromCodeSource(target.resolve("classes"));
    }

    @Test
    void writesAKernelspecThatStartsKernelMainWithBinderSizedOptions() throws Exception {
        KernelInstaller.Layout layout = fakeBuild();
        Path cache = temp.resolve("cache");
        KernelInstaller installer = new KernelInstaller(Path.of("/opt/jdk/bin/java"), layout, cache, "1g");
        Path dir = installer.install(temp.resolve("jupyter/kernels"));

        assertEquals(temp.resolve("jupyter/kernels/flatline"), dir);
        assertTrue(Files.size(dir.resolve("logo-64x64.png")) > 0);
        JsonObject spec = JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
        assertEquals("Java (flatline)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("1", spec.getAsJsonObject("env").get("OMP_NUM_THREADS").getAsString());
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertEquals("/opt/jdk/bin/java", argv.get(0));
        assertTrue(argv.contains("-Xmx1g"), argv.toString());
        assertTrue(argv.contains("-Dorg.bytedeco.javacpp.cachedir=" + cache), argv.toString());
        assertTrue(argv.stream().anyMatch(a -> a.startsWith("-Dorg.bytedeco.javacpp.maxbytes=")), argv.toString());
        assertTrue(argv.stream().anyMatch(a -> a.startsWith("-Dorg.bytedeco.javacpp.maxphysicalbytes=")), argv.toString());
        int cp = argv.indexOf("-cp");
        assertEquals(layout.jar() + ":" + layout.lib().resolve("*"), argv.get(cp + 1));
        assertEquals(List.of(KernelMain.class.getName(), "{connection_file}"), argv.subList(argv.size() - 2, argv.size()));
    }

    @Test
    void locatesTheJarBesideItsLibFolder() throws Exception {
        KernelInstaller.Layout fromClasses = fakeBuild();
        assertEquals(temp.resolve("target/flatline-0.1.0-SNAPSHOT.jar"), fromClasses.jar());
        KernelInstaller.Layout fromJar = KernelInstaller.Layout.fromCodeSource(fromClasses.jar());
        assertEquals(temp.resolve("target/lib"), fromJar.lib());
    }

    @Test
    void explainsAMissingBuild() throws Exception {
        Files.createDirectories(temp.resolve("empty/classes"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelInstaller.Layout.fromCodeSource(temp.resolve("empty/classes")));
        assertTrue(e.getMessage().contains("run mvn package"), e.getMessage());
    }

    @Test
    void rejectsABadHeapSize() throws Exception {
        KernelInstaller.Layout layout = fakeBuild();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new KernelInstaller(Path.of("java"), layout, temp, "lots"));
        assertTrue(e.getMessage().contains("'lots'"), e.getMessage());
    }
}
