package dev.flatline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the Chromium utility that need no browser. */
class HeadlessChromiumTest {

    @Test
    void readsConsoleMessagesFromChromiumsLog() {
        List<ConsoleMessage> messages = HeadlessChromium.consoleMessages(List.of(
                "[9668:9697:1125/041206.597361:ERROR:dbus/bus.cc:405] Failed to connect to the bus",
                "[9668:9668:1125/041207.237195:INFO:CONSOLE:2] \"log here\", source: file:///tmp/e.html (2)",
                "[9668:9668:1125/041207.237320:INFO:CONSOLE(7)] \"[console.error] two",
                "lines\", source: file:///tmp/e.html (7)",
                "[9668:9668:1125/041207.244548:INFO:CONSOLE:2] \"Uncaught ReferenceError: f is not defined\", source: file:///tmp/e.html (2)"));
        assertEquals(3, messages.size(), messages.toString());
        assertEquals("log here", messages.get(0).text());
        assertFalse(messages.get(0).isError());
        assertEquals("[console.error] two\nlines", messages.get(1).text());
        assertEquals(7, messages.get(1).line());
        assertTrue(messages.get(1).isError());
        assertTrue(messages.get(2).isError());
    }

    @Test
    void aMissingBrowserFailsWithTheInstallCommand(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("p.html"), "<html></html>");
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> HeadlessChromium.create().binary(dir.resolve("no-chromium")).render(page));
        assertTrue(missing.getMessage().contains("apt-get install chromium"), missing.getMessage());
    }

    @Test
    void putsTheConsoleHookFirstInThePage() {
        assertTrue(HeadlessChromium.withConsoleHook("<!DOCTYPE html><html><head><title>t</title>")
                .startsWith("<!DOCTYPE html><html><head><script>"));
        assertTrue(HeadlessChromium.withConsoleHook("<div>fragment</div>").startsWith("<script>"));
    }

    @Test
    void countsSimpleSelectorsAndRefusesOthers() {
        RenderedPage page = new RenderedPage("<html><body><svg class=\"main-svg\"></svg><svg class=\"x main-svg\">"
                + "<text class=\"gtitle\">A &amp; B</text></svg><script>var s = '<b>hidden</b>';</script></body></html>",
                List.of(), Duration.ZERO);
        assertEquals(2, page.count("svg.main-svg"));
        assertEquals(2, page.count("svg"));
        assertEquals(1, page.count(".gtitle"));
        assertEquals(0, page.count("div.main-svg"));
        page.requireText("A & B").requireAtLeast("svg.main-svg", 2).requireNoConsoleErrors();
        assertThrows(AssertionError.class, () -> page.requireText("hidden"));
        assertThrows(AssertionError.class, () -> page.requireAtLeast("svg.main-svg", 3));
        assertThrows(IllegalArgumentException.class, () -> page.count("div > span"));
    }
}
