package dev.flatline.testing;

/**
 * One message of a page's browser console, as Chromium logged it.
 *
 * @param text   the message (uncaught errors start with "Uncaught")
 * @param source the URL of the script or page that logged it
 * @param line   the line in {@code source}, 0 when unknown
 */
public record ConsoleMessage(String text, String source, int line) {

    /** Whether this is an uncaught exception, an unhandled rejection or a {@code console.error} call. */
    public boolean isError() {
        return text.startsWith("Uncaught") || text.startsWith(HeadlessChromium.CONSOLE_ERROR_MARK);
    }

    @Override
    public String toString() {
        return text + " (" + source + ":" + line + ")";
    }
}
