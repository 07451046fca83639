package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.Checkup;
import dev.flatline.checks.Diagnosis;
import dev.flatline.data.Datasets;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;

/** A checkup report shown as a cell result: HTML with its charts (plotly.js sent once), and a text summary. */
class ReportRendererTest {

    @Test
    void aReportRendersAsHtmlWithChartsAndAsText() {
        Renderer renderer = new Renderer();
        List<DisplayData> sent = new ArrayList<>();
        new KernelRenderers(sent::add).registerAll(renderer);
        Diagnosis report = Checkup.of(Datasets.glass()).trainer(new LogisticRegressionTrainer()).run();
        DisplayData first = renderer.render(report);
        String html = (String) first.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("flatline checkup: glass"), html.substring(0, 200));
        assertTrue(html.contains("class=\"flatline-chart\""));
        assertFalse(html.contains("window.flatlinePlotly = "), "plotly.js travels in an output of its own");
        renderer.render(report);
        assertEquals(1, sent.size(), "plotly.js is sent once, before the first report");
        assertTrue(((String) sent.get(0).getData(MIMEType.TEXT_HTML)).contains("window.flatlinePlotly = "));
        assertTrue(((String) first.getData(MIMEType.TEXT_PLAIN)).startsWith("flatline checkup of glass"));
    }
}
