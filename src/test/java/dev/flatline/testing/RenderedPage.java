package dev.flatline.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page as headless Chromium left it: the serialised DOM after scripts ran, the console messages,
 * and how long the browser took. The {@code require...} methods throw {@link AssertionError} with
 * the evidence, so tests read as a list of expectations.
 *
 * <p>Selectors are the simple kind tests need: {@code tag}, {@code .class}, {@code tag.class} and
 * {@code tag.class1.class2}, matched on start tags of the serialised DOM (which Chromium writes
 * with double-quoted attributes).
 */
public final class RenderedPage {

    private static final Pattern SIMPLE_SELECTOR = Pattern.compile("([a-zA-Z][a-zA-Z0-9-]*)?((?:\\.[a-zA-Z_][a-zA-Z0-9_-]*)*)");
    private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)\\b([^>]*)>");
    private static final Pattern CLASS_ATTRIBUTE = Pattern.compile("\\sclass=\"([^\"]*)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern NON_TEXT = Pattern.compile("(?is)<(script|style)\\b.*?</\\1>");

    private final String dom;
    private final List<ConsoleMessage> console;
    private final Duration wallTime;

    RenderedPage(String dom, List<ConsoleMessage> console, Duration wallTime) {
        this.dom = dom;
        this.console = List.copyOf(console);
        this.wallTime = wallTime;
    }

    /** The DOM serialised as HTML. */
    public String dom() {
        return dom;
    }

    /** All console messages, in order. */
    public List<ConsoleMessage> console() {
        return console;
    }

    /** The console's errors: uncaught exceptions, unhandled rejections, {@code console.error}. */
    public List<ConsoleMessage> consoleErrors() {
        return console.stream().filter(ConsoleMessage::isError).toList();
    }

    /** Real time from starting Chromium to its exit (start-up, page, virtual-time budget, dump). */
    public Duration wallTime() {
        return wallTime;
    }

    /** Number of elements matching a simple selector (see the class comment). */
    public int count(String selector) {
        Matcher s = SIMPLE_SELECTOR.matcher(selector == null ? "" : selector.trim());
        if (selector == null || selector.isBlank() || !s.matches()) {
            throw new IllegalArgumentException("selector '" + selector
                    + "' is not supported: use tag, .class, tag.class or tag.class1.class2");
        }
        String tag = s.group(1);
        List<String> classes = s.group(2).isEmpty() ? List.of() : List.of(s.group(2).substring(1).split("\\."));
        int count = 0;
        Matcher element = START_TAG.matcher(dom);
        while (element.find()) {
            if (tag != null && !tag.equalsIgnoreCase(element.group(1))) {
                continue;
            }
            if (!classes.isEmpty()) {
                Matcher attribute = CLASS_ATTRIBUTE.matcher(element.group(2));
                if (!attribute.find() || !Set.of(attribute.group(1).trim().split("\\s+")).containsAll(classes)) {
                    continue;
                }
            }
            count++;
        }
        return count;
    }

    /** The page's text: the DOM without scripts, styles and tags, basic entities decoded. */
    public String text() {
        String text = TAG.matcher(NON_TEXT.matcher(dom).replaceAll(" ")).replaceAll(" ");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    /** Requires at least {@code minimum} elements matching {@code selector}. */
    public RenderedPage requireAtLeast(String selector, int minimum) {
        int found = count(selector);
        if (found < minimum) {
            throw new AssertionError("expected at least " + minimum + " '" + selector + "' in the rendered page but found "
                    + found + "; console: " + console + "; DOM starts: " + excerpt());
        }
        return this;
    }

    /** Requires the page's text to contain {@code expected}. */
    public RenderedPage requireText(String expected) {
        if (!text().contains(expected)) {
            throw new AssertionError("expected the rendered page's text to contain '" + expected + "'; console: "
                    + console + "; DOM starts: " + excerpt());
        }
        return this;
    }

    /** Requires no uncaught errors, unhandled rejections or {@code console.error} calls. */
    public RenderedPage requireNoConsoleErrors() {
        List<ConsoleMessage> errors = consoleErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("expected no console errors but got " + errors.size() + ": " + errors);
        }
        return this;
    }

    private String excerpt() {
        String withoutScripts = NON_TEXT.matcher(dom).replaceAll("<$1>…</$1>");
        return withoutScripts.length() <= 2000 ? withoutScripts : withoutScripts.substring(0, 2000) + "…";
    }
}
