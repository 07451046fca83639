package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs what repo2docker runs on Binder — {@code binder/postBuild}, then {@code binder/start} in front of
 * a notebook run — as a fresh non-root user whose home is a temporary folder, on a copy of the
 * repository (as repo2docker copies it). Afterwards the user has a working kernelspec, ND4J's natives
 * in the cache the kernelspec names, the flatline kernel as Jupyter's default, and notebook 00
 * executes with that kernel.
 *
 * <p>Not run here, because repo2docker and PyPI are not available: the image build itself, apt.txt and
 * requirements.txt (JupyterLab, plotly). Maven runs offline against a hard-linked copy of this
 * machine's Maven repository (on Binder it downloads from Maven Central).
 */
class BinderIT {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String USER = "flbinder" + ProcessHandle.current().pid();

    private static Path base;
    private static Path home;
    private static Path repo;

    @BeforeAll
    static void createUserAndCopyRepository() throws Exception {
        base = Files.createTempDirectory("flatline-binder");
        home = base.resolve("home");
        repo = home.resolve("repo");
        Files.createDirectories(repo);
        sh("useradd", "--no-create-home", "--home-dir", home.toString(), "--shell", "/bin/bash", "--user-group", USER);
        // The repository as git would check it out (tracked and new files), without target/: postBuild builds.
        for (String file : sh("git", "ls-files", "-co", "--exclude-standard").lines().toList()) {
            Path from = ROOT.resolve(file);
            if (Files.isRegularFile(from)) {
                Path to = repo.resolve(file);
                Files.createDirectories(to.getParent());
                Files.copy(from, to, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        // Maven offline with this machine's downloads: hard links (no copy), in folders the user can write.
        Path m2 = base.resolve("m2repo");
        sh("cp", "-al", Path.of(System.getProperty("user.home"), ".m2", "repository").toString(), m2.toString());
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><localRepository>" + m2
                + "</localRepository><offline>true</offline></settings>\n");
        sh("chown", "-R", USER + ":" + USER, home.toString());
        sh("find", m2.toString(), "-type", "d", "-exec", "chown", USER, "{}", "+");
        sh("chmod", "755", base.toString());
    }

    @AfterAll
    static void removeUser() throws Exception {
        if (base != null) {
            run(List.of("userdel", USER), null, 60);
            run(List.of("rm", "-rf", base.toString()), null, 120);
        }
    }

    @Test
    void postBuildThenStartLeaveAKernelThatRunsNotebook00() throws Exception {
        Result build = asUser(600, "binder/postBuild");
        assertEquals(0, build.status, "postBuild failed:\n" + build.output);
        try (Stream<Path> built = Files.list(repo.resolve("target"))) {
            assertTrue(built.anyMatch(p -> p.getFileName().toString().matches("flatline-.*\\.jar")), "postBuild built the jar");
        }

        Path spec = home.resolve(".local/share/jupyter/kernels/flatline/kernel.json");
        assertTrue(Files.isRegularFile(spec), "no kernelspec in the user's Jupyter folder:\n" + build.output);
        String json = Files.readString(spec);
        Path cache = home.resolve(".javacpp/cache");
        assertTrue(json.contains("-Dorg.bytedeco.javacpp.cachedir=" + cache), json);
        assertTrue(json.contains("-Xmx1g"), "heap capped for a 2 GB session: " + json);
        try (Stream<Path> files = Files.walk(cache)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("libnd4jcpu.so")),
                    "ND4J's natives were not unpacked into the image's cache " + cache);
        }
        JsonObject server = JsonParser.parseString(Files.readString(home.resolve(".jupyter/jupyter_server_config.json")))
                .getAsJsonObject();
        assertEquals("flatline", server.getAsJsonObject("MultiKernelManager").get("default_kernel_name").getAsString());
        assertTrue(!Files.exists(home.resolve(".m2/repository")), "Maven's download cache is dropped");
        for (Path p : List.of(spec, cache)) {
            assertEquals(USER, Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName(), p + " belongs to the user");
        }

        Result session = asUser(600, "binder/start", "/usr/bin/python3", "environment/run_notebooks.py",
                "--out", home.resolve("executed").toString(), "notebooks/00-the-symptom.ipynb");
        assertEquals(0, session.status, "notebook 00 failed with the Binder kernel:\n" + session.output);
        assertTrue(session.output.contains("1 passed, 0 failed"), session.output);
        String executed = Files.readString(home.resolve("executed/00-the-symptom.ipynb"));
        assertTrue(executed.contains("application/vnd.plotly.v1+json"), "charts for JupyterLab's plotly renderer");
        assertTrue(!executed.contains("\"output_type\": \"error\""), "no cell failed");
    }

    /** Runs a repository script as the Binder user, with a clean environment like a container's. */
    private static Result asUser(long timeoutSeconds, String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("runuser", "-u", USER, "--", "env", "-i",
                "HOME=" + home, "USER=" + USER, "PATH=/usr/local/bin:/usr/bin:/bin", "LANG=C.UTF-8"));
        full.addAll(List.of(command));
        return run(full, repo, timeoutSeconds);
    }

    private static String sh(String... command) throws Exception {
        Result r = run(List.of(command), ROOT, 300);
        assertEquals(0, r.status, String.join(" ", command) + " failed:\n" + r.output);
        return r.output;
    }

    private static Result run(List<String> command, Path dir, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        StringBuilder out = new StringBuilder();
        Thread pump = new Thread(() -> {
            try {
                for (String line : new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    out.append(line).append('\n');
                }
            } catch (IOException e) {
                out.append("output lost: ").append(e);
            }
        });
        pump.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            pump.join(5000);
            throw new AssertionError(command + " did not finish in " + timeoutSeconds + " s:\n" + out);
        }
        pump.join(5000);
        System.out.println("[" + command.get(0) + "] " + out);
        return new Result(process.exitValue(), out.toString());
    }

    private record Result(int status, String output) {
    }
}
