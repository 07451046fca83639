package dev.flatline.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chromium utility against the real browser: it sees script results, timers and console errors. */
class HeadlessChromiumIT {

    @Test
    void reportsTheDomAfterTimersAndTellsErrorsFromLogs(@TempDir Path dir) throws Exception {
        Path page = Files.writeString(dir.resolve("errors.html"), "<!DOCTYPE html><html><head></head><body>"
                + "<div id=\"x\" class=\"box late\">early</div><script>console.log('just saying');"
                + " console.error('boom', 42); setTimeout(function () {"
                + " document.getElementById('x').textContent = 'after 3 s of virtual time'; }, 3000);"
                + " notDefined();</script></body></html>");
        RenderedPage rendered = HeadlessChromium.create().render(page);

        rendered.requireText("after 3 s of virtual time").requireAtLeast("div.box.late", 1);
        List<String> errors = rendered.consoleErrors().stream().map(ConsoleMessage::text).toList();
        assertEquals(List.of("[console.error] boom 42", "Uncaught ReferenceError: notDefined is not defined"), errors,
                "all console messages: " + rendered.console());
        assertTrue(rendered.console().stream().anyMatch(m -> m.text().equals("just saying")));
        assertTrue(Files.list(dir).allMatch(p -> p.getFileName().toString().equals("errors.html")),
                "the probe copy must be removed");
    }
}
