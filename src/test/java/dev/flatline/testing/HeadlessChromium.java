package dev.flatline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a local HTML file in Debian's headless Chromium, offline, and returns the DOM after its
 * scripts ran together with the browser console's messages, for tests that must prove a page
 * really draws (charts, exported notebooks).
 *
 * <p>Chromium runs with a fresh profile, no network services, no sandbox (tests run as root) and a
 * virtual-time budget: it dumps the DOM once the page has been idle for that much virtual time, so
 * timers and promises settle without real waiting. Console messages are read from Chromium's log
 * ({@code --enable-logging=stderr}), which reports every console message and uncaught error but not
 * its level; to tell {@code console.error} apart, the page is rendered from a copy (beside the
 * original, so relative links still resolve) with a first script that prefixes
 * {@value #CONSOLE_ERROR_MARK} to {@code console.error} messages.
 *
 * <pre>{@code
 * RenderedPage page = HeadlessChromium.create().render(htmlFile);
 * page.requireAtLeast("svg.main-svg", 1).requireText("Rows per class").requireNoConsoleErrors();
 * }</pre>
 */
public final class HeadlessChromium {

    /** Where Debian's {@code chromium} package installs the browser. */
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/chromium");

    /** Prefix the injected hook gives to {@code console.error} messages. */
    public static final String CONSOLE_ERROR_MARK = "[console.error]";

    private static final String CONSOLE_HOOK = "<script>(function () { var error = console.error;"
            + " console.error = function () { var args = Array.prototype.slice.call(arguments);"
            + " args.unshift('" + CONSOLE_ERROR_MARK + "'); return error.apply(console, args); }; })();</script>";

    private static final Pattern HEAD = Pattern.compile("<head\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern HTML = Pattern.compile("<html\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOCTYPE = Pattern.compile("<!doctype[^>]*>", Pattern.CASE_INSENSITIVE);
    /** A console line: {@code [pid:tid:time:INFO:CONSOLE:12] "message", source: url (12)}. */
    private static final Pattern CONSOLE_START = Pattern.compile(":CONSOLE[:(]?\\d*\\)?\\] \"");
    private static final Pattern CONSOLE_END = Pattern.compile("\", source: (.*) \\((\\d+)\\)$");

    private final Path binary;
    private final Duration virtualTimeBudget;
    private final Duration timeout;
    private final int windowWidth;
    private final int windowHeight;

    private HeadlessChromium(Path binary, Duration virtualTimeBudget, Duration timeout, int windowWidth, int windowHeight) {
        this.binary = binary;
        this.virtualTimeBudget = virtualTimeBudget;
        this.timeout = timeout;
        this.windowWidth = windowWidth;
        this.windowHeight = windowHeight;
    }

    /** Debian's Chromium, 15 s of virtual time, a 1200x900 window, killed after 120 s of real time. */
    public static HeadlessChromium create() {
        return new HeadlessChromium(DEFAULT_BINARY, Duration.ofSeconds(15), Duration.ofSeconds(120), 1200, 900);
    }

    /** Whether the browser is installed, for tests that should be skipped rather than fail without it. */
    public static boolean isInstalled() {
        return Files.isExecutable(DEFAULT_BINARY);
    }

    /** A copy using another Chromium executable. */
    public HeadlessChromium binary(Path executable) {
        return new HeadlessChromium(executable, virtualTimeBudget, timeout, windowWidth, windowHeight);
    }

    /** A copy that lets the page run for this much virtual time before the DOM is taken. */
    public HeadlessChromium virtualTimeBudget(Duration budget) {
        return new HeadlessChromium(binary, budget, timeout, windowWidth, windowHeight);
    }

    /** A copy that kills the browser after this much real time. */
    public HeadlessChromium timeout(Duration limit) {
        return new HeadlessChromium(binary, virtualTimeBudget, limit, windowWidth, windowHeight);
    }

    /** A copy with another window size (responsive pages lay out to it). */
    public HeadlessChromium windowSize(int width, int height) {
        return new HeadlessChromium(binary, virtualTimeBudget, timeout, width, height);
    }

    /**
     * Renders {@code htmlFile} and returns its DOM and console.
     *
     * @throws IllegalStateException when Chromium is missing, fails or runs past the timeout
     */
    public RenderedPage render(Path htmlFile) throws IOException {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Chromium is not installed at " + binary
                    + "; install it with: apt-get install chromium");
        }
        if (!Files.isRegularFile(htmlFile)) {
            throw new IllegalArgumentException("no HTML file to render at " + htmlFile.toAbsolutePath());
        }
        Path page = htmlFile.toAbsolutePath();
        Path probe = page.resolveSibling("." + page.getFileName() + ".chromium-probe.html");
        Path work = Files.createTempDirectory("flatline-chromium-");
        try {
            Files.writeString(probe, withConsoleHook(Files.readString(page, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            return run(probe, work);
        } finally {
            Files.deleteIfExists(probe);
            deleteTree(work);
        }
    }

    private RenderedPage run(Path page, Path work) throws IOException {
        Path stdout = work.resolve("dom.html");
        Path stderr = work.resolve("chromium.log");
        List<String> command = List.of(binary.toString(),
                "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-extensions", "--mute-audio", "--hide-scrollbars",
                "--user-data-dir=" + work.resolve("profile"),
                "--window-size=" + windowWidth + "," + windowHeight,
                "--virtual-time-budget=" + virtualTimeBudget.toMillis(),
                "--enable-logging=stderr", "--v=0",
                "--dump-dom", page.toUri().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not finish " + page.getFileName() + " within " + timeout
                        + "; its log ends:\n" + tail(stderr));
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Chromium rendered " + page.getFileName(), e);
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        String dom = Files.readString(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0 || dom.isBlank()) {
            throw new IllegalStateException("Chromium exited with status " + process.exitValue() + " and "
                    + (dom.isBlank() ? "no DOM" : "a DOM") + " for " + page.getFileName() + "; its log ends:\n" + tail(stderr));
        }
        return new RenderedPage(dom, consoleMessages(Files.readAllLines(stderr, StandardCharsets.UTF_8)), wall);
    }

    /** Puts the console.error hook first in the page: in its head, else after html/doctype, else first. */
    static String withConsoleHook(String html) {
        for (Pattern anchor : List.of(HEAD, HTML, DOCTYPE)) {
            Matcher m = anchor.matcher(html);
            if (m.find()) {
                return html.substring(0, m.end()) + CONSOLE_HOOK + html.substring(m.end());
            }
        }
        return CONSOLE_HOOK + html;
    }

    /** The console messages in Chromium's log, each possibly spanning several lines. */
    static List<ConsoleMessage> consoleMessages(List<String> logLines) {
        List<ConsoleMessage> messages = new ArrayList<>();
        StringBuilder text = null;
        for (String line : logLines) {
            if (text == null) {
                Matcher start = CONSOLE_START.matcher(line);
                if (!start.find()) {
                    continue;
                }
                text = new StringBuilder();
                line = line.substring(start.end());
            } else {
                text.append('\n');
            }
            Matcher end = CONSOLE_END.matcher(line);
            if (end.find()) {
                text.append(line, 0, end.start());
                messages.add(new ConsoleMessage(text.toString(), end.group(1), Integer.parseInt(end.group(2))));
                text = null;
            } else {
                text.append(line);
            }
        }
        if (text != null) {
            messages.add(new ConsoleMessage(text.toString(), "", 0));
        }
        return messages;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless; the test result matters more.
        }
    }
}
