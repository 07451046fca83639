package dev.flatline.plots;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The plotly.js library, served from the {@code org.webjars.npm:plotly.js-dist} jar on the class
 * path, so charts draw with no network.
 *
 * <p>{@link #loaderHtml()} is included once per page (the kernel sends it with the first chart of a
 * session; reports put it in their head). It works in three kinds of page: classic Notebook, which
 * has require.js (a bundle loaded there registers as an anonymous AMD module and never sets
 * {@code window.Plotly}, so AMD is hidden while it runs); JupyterLab and exported HTML, which have
 * no AMD loader. Charts draw through {@code window.flatlinePlotly}, a promise of the library, so a
 * chart may appear in the page before the library is ready.
 */
public final class PlotlyJs {

    /** The plotly.js version bundled (plotly.js 3 drops tablesaw's plain-string titles). */
    public static final String VERSION = "2.35.3";

    private static final String RESOURCE =
            "/META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";

    private static volatile String loader;

    private PlotlyJs() {
    }

    /** The plotly.js source code. */
    public static String source() {
        try (InputStream in = PlotlyJs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the class path (" + RESOURCE
                        + "); add org.webjars.npm:plotly.js-dist:" + VERSION + " to the dependencies");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read plotly.js from the class path", e);
        }
    }

    /**
     * HTML that makes plotly.js available to the charts of the page, once; including it again is
     * harmless (the second copy does nothing).
     */
    public static String loaderHtml() {
        String html = loader;
        if (html == null) {
            html = "<script type=\"text/javascript\">\n"
                    + "if (!window.flatlinePlotly) {\n"
                    + "  window.flatlineHiddenDefine = (typeof define === 'function' && define.amd) ? define : undefined;\n"
                    + "  if (window.flatlineHiddenDefine) { window.define = undefined; }\n"
                    + "}\n</script>\n"
                    + "<script type=\"text/javascript\">\nif (!window.flatlinePlotly) {\n"
                    + source()
                    + "\n}\n</script>\n"
                    + "<script type=\"text/javascript\">\n"
                    + "if (!window.flatlinePlotly) {\n"
                    + "  if (window.flatlineHiddenDefine) { window.define = window.flatlineHiddenDefine; }\n"
                    + "  delete window.flatlineHiddenDefine;\n"
                    + "  window.flatlinePlotly = Promise.resolve(window.Plotly);\n"
                    + "}\n</script>\n";
            loader = html;
        }
        return html;
    }

    /**
     * The script statement that draws a figure into the element with the given id once the library
     * is ready: {@code figureJson} is Plotly's figure JSON ({@code data} and {@code layout}).
     */
    public static String drawScript(String divId, String figureJson) {
        return "(function() {\n"
                + "  var figure = " + figureJson + ";\n"
                + "  var draw = function(Plotly) { Plotly.newPlot('" + divId + "', figure.data, figure.layout,"
                + " {responsive: true, displaylogo: false}); };\n"
                + "  if (window.flatlinePlotly) { window.flatlinePlotly.then(draw); }\n"
                + "  else { var wait = setInterval(function() {\n"
                + "    if (window.flatlinePlotly) { clearInterval(wait); window.flatlinePlotly.then(draw); } }, 50); }\n"
                + "})();";
    }
}
