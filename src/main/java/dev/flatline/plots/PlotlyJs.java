package dev.flatline.plots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The plotly.js library, served from the {@code org.webjars.npm:plotly.js-dist} jar on the class
 * path, so charts draw with no network.
 *
 * <p>{@link #loaderHtml()} is included once per page (the kernel sends it as an output of its own
 * before the first chart of a session, and again when the cell that carried it runs again; reports
 * put it in their head). It carries plotly.js gzip-compressed and base64-encoded
 * (3.2 MB instead of 10.8 MB; gzipped once at build time, see {@link #GZIPPED}), unpacks it in the
 * browser with {@code DecompressionStream} and runs it with AMD hidden. That works in the three kinds
 * of page flatline targets: classic Notebook, which has require.js (a bundle loaded there registers
 * as an anonymous AMD module and never sets {@code window.Plotly}); JupyterLab and exported HTML, which have no AMD loader (or, in nbconvert's
 * template, one that is only present when its CDN could be reached). Charts draw through
 * {@code window.flatlinePlotly}, a promise of the library, so a chart may appear in the page before
 * the library is ready.
 */
public final class PlotlyJs {

    /** The plotly.js version bundled (plotly.js 3 drops tablesaw's plain-string titles). */
    public static final String VERSION = "2.35.3";

    private static final String RESOURCE =
            "/META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";

    /**
     * plotly.js gzipped at build time (the pom's {@code gzip-plotly} step, at the default level, from the
     * same webjar), so no command spends the 0.4 s of compressing it on every report it writes.
     */
    static final String GZIPPED = "plotly-" + VERSION + ".js.gz";

    /** Element ids are inserted into a script and a CSS-like selector, so they stay plain. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private static volatile String loader;
    private static volatile String uncompressedLoader;

    private PlotlyJs() {
    }

    /** The plotly.js source code. */
    public static String source() {
        return new String(sourceBytes(), StandardCharsets.UTF_8);
    }

    private static byte[] sourceBytes() {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the class path (" + RESOURCE
                        + "); add org.webjars.npm:plotly.js-dist:" + VERSION + " to the dependencies");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plotly.js from the class path", e);
        }
    }

    /** plotly.js gzip-compressed, as the build wrote it. */
    static byte[] gzippedBytes() {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(GZIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the build's gzipped plotly.js (dev/flatline/plots/" + GZIPPED
                        + ") is not on the class path; the flatline jar is incomplete. Rebuild it with mvn package.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the gzipped plotly.js from the class path", e);
        }
    }

    /**
     * HTML that makes plotly.js available to the charts of the page, once; including it again is
     * harmless (the second copy does nothing). plotly.js travels compressed (about 3.2 MB) and is
     * unpacked by the browser; needs {@code DecompressionStream} (Chrome 80, Firefox 113, Safari
     * 16.4). Built on first use from the build's gzipped copy and cached.
     */
    public static String loaderHtml() {
        String html = loader;
        if (html == null) {
            html = "<script type=\"text/javascript\">\n"
                    + "(function () {\n"
                    + "  if (window.flatlinePlotly) { return; }\n"
                    + "  var packed = \"" + Base64.getEncoder().encodeToString(gzippedBytes()) + "\";\n"
                    + "  window.flatlinePlotly = (function () {\n"
                    + "    if (typeof DecompressionStream !== 'function') {\n"
                    + "      return Promise.reject(new Error('flatline: this browser cannot unpack plotly.js"
                    + " (no DecompressionStream; needs Chrome 80, Firefox 113 or Safari 16.4)'));\n"
                    + "    }\n"
                    + "    var binary = atob(packed);\n"
                    + "    var bytes = new Uint8Array(binary.length);\n"
                    + "    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }\n"
                    + "    var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));\n"
                    + "    return new Response(unpacked).text().then(" + RUN_WITH_AMD_HIDDEN + ");\n"
                    + "  })();\n"
                    + "})();\n"
                    + "</script>\n";
            loader = html;
        }
        return html;
    }

    /**
     * Like {@link #loaderHtml()} but with plotly.js inlined as plain text (10.8 MB), for browsers
     * without {@code DecompressionStream}. Sets the same {@code window.flatlinePlotly} promise.
     */
    public static String uncompressedLoaderHtml() {
        String html = uncompressedLoader;
        if (html == null) {
            // The source goes into a non-executed script block and runs through the same function as
            // the compressed loader, so AMD hiding is identical; "</script" never occurs in plotly.js.
            html = "<script type=\"text/plain\" id=\"flatline-plotly-source\">\n" + source() + "\n</script>\n"
                    + "<script type=\"text/javascript\">\n"
                    + "(function () {\n"
                    + "  if (window.flatlinePlotly) { return; }\n"
                    + "  var code = document.getElementById('flatline-plotly-source').textContent;\n"
                    + "  window.flatlinePlotly = Promise.resolve(code).then(" + RUN_WITH_AMD_HIDDEN + ");\n"
                    + "})();\n"
                    + "</script>\n";
            uncompressedLoader = html;
        }
        return html;
    }

    /**
     * Runs plotly.js's code as a global script with any AMD {@code define} hidden (so the bundle sets
     * {@code window.Plotly} instead of registering an anonymous module), then restores it.
     */
    private static final String RUN_WITH_AMD_HIDDEN = "function (code) {\n"
            + "      var amd = (typeof window.define === 'function' && window.define.amd) ? window.define : undefined;\n"
            + "      if (amd) { window.define = undefined; }\n"
            + "      try {\n"
            + "        var script = document.createElement('script');\n"
            + "        script.text = code;\n"
            + "        document.head.appendChild(script);\n"
            + "        document.head.removeChild(script);\n"
            + "      } finally {\n"
            + "        if (amd) { window.define = amd; }\n"
            + "      }\n"
            + "      if (!window.Plotly || typeof window.Plotly.newPlot !== 'function') {\n"
            + "        throw new Error('flatline: plotly.js ran but did not set window.Plotly');\n"
            + "      }\n"
            + "      return window.Plotly;\n"
            + "    }";

    /**
     * The line a chart's element shows until its script draws it. A page that never runs the script
     * (an untrusted notebook, whose output scripts are stripped) keeps it, so a blank space says why.
     */
    public static final String PENDING_LINE =
            "Drawing this chart\u2026 If this line stays, run the cell again, or trust the notebook, to draw it.";

    /** Shown in a chart's place when the page has no plotly.js after {@value #MISSING_AFTER_MS} ms. */
    public static final String MISSING_LINE = "plotly.js is not in this page, so this chart cannot be drawn: the"
            + " output that carried it was cleared or replaced. Run the notebook again (Kernel, Restart & Run"
            + " All) and save it to draw every chart.";

    /** How long a chart waits for plotly.js before saying that it is missing (it keeps waiting). */
    static final int MISSING_AFTER_MS = 8000;

    /**
     * The script statements that draw a figure into the element with the given id once the library
     * is ready: {@code figureJson} is Plotly's figure JSON ({@code data} and {@code layout}).
     *
     * <p>The JSON is made safe for a {@code script} element ({@code </} becomes {@code <\/}). When
     * the same chart appears twice in a page (two elements with one id), each script draws into the
     * first element with that id not yet drawn. The element's own text ({@link #PENDING_LINE}) is
     * cleared when drawing starts; if plotly.js has not appeared after {@value #MISSING_AFTER_MS} ms
     * the element says so ({@link #MISSING_LINE}) and the chart still draws if it arrives later. A
     * failure to load or draw is written into the element.
     */
    public static String drawScript(String divId, String figureJson) {
        if (divId == null || !SAFE_ID.matcher(divId).matches()) {
            throw new IllegalArgumentException("chart element id '" + divId
                    + "' must start with a letter and contain only letters, digits, '-' and '_'");
        }
        if (figureJson == null || figureJson.isBlank()) {
            throw new IllegalArgumentException("figure JSON for chart '" + divId + "' is empty");
        }
        return "(function () {\n"
                + "  var figure = " + scriptSafe(figureJson) + ";\n"
                + "  var target = function () {\n"
                + "    var all = document.querySelectorAll('[id=\"" + divId + "\"]');\n"
                + "    for (var i = 0; i < all.length; i++) {\n"
                + "      if (!all[i].hasAttribute('data-flatline-drawn')) { return all[i]; }\n"
                + "    }\n"
                + "    return null;\n"
                + "  };\n"
                + "  var claimed = target();\n"
                + "  if (claimed) { claimed.setAttribute('data-flatline-drawn', 'pending'); }\n"
                + "  var draw = function (Plotly) {\n"
                + "    var div = claimed;\n"
                + "    if (!div || !div.isConnected) { return; }\n"
                + "    div.setAttribute('data-flatline-drawn', 'true');\n"
                + "    div.textContent = '';\n"
                + "    return Plotly.newPlot(div, figure.data, figure.layout,"
                + " {responsive: true, displaylogo: false});\n"
                + "  };\n"
                + "  var say = function (text) {\n"
                + "    var div = claimed || document.getElementById('" + divId + "');\n"
                + "    if (div) { div.textContent = text; }\n"
                + "  };\n"
                + "  var fail = function (error) {\n"
                + "    say('The chart could not be drawn: ' + error);\n"
                + "    console.error('flatline chart " + divId + ": ' + error);\n"
                + "  };\n"
                + "  var start = function () { window.flatlinePlotly.then(draw).catch(fail); };\n"
                + "  if (window.flatlinePlotly) { start(); return; }\n"
                + "  var waited = 0;\n"
                + "  var wait = setInterval(function () {\n"
                + "    if (window.flatlinePlotly) { clearInterval(wait); start(); return; }\n"
                + "    waited += 50;\n"
                + "    if (waited === " + MISSING_AFTER_MS + ") { say(" + jsString(MISSING_LINE) + "); }\n"
                + "  }, 50);\n"
                + "})();";
    }

    /** A JavaScript string literal (single-quoted) holding {@code text}. */
    static String jsString(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            if (c == '\'' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e || c == '<') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }

    /** Makes JSON safe inside an HTML script element: no "</script" or "<!--" can appear. */
    static String scriptSafe(String json) {
        return json.replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
