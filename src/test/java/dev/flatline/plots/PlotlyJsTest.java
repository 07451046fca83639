package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PlotlyJsTest {

    @Test
    void loaderCarriesTheWholeLibraryCompressed() throws Exception {
        String loader = PlotlyJs.loaderHtml();
        Matcher packed = Pattern.compile("var packed = \"([A-Za-z0-9+/=]+)\"").matcher(loader);
        assertTrue(packed.find(), "the loader must embed plotly.js as base64");
        byte[] unpacked;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(packed.group(1))))) {
            unpacked = in.readAllBytes();
        }
        assertArrayEquals(PlotlyJs.source().getBytes(StandardCharsets.UTF_8), unpacked);
        assertTrue(loader.length() < PlotlyJs.source().length() / 3,
                "compressed loader is " + loader.length() + " chars, plotly.js " + PlotlyJs.source().length());
        assertTrue(loader.contains("window.flatlinePlotly"));
        assertTrue(PlotlyJs.source().contains("plotly.js v" + PlotlyJs.VERSION));
    }
}
