package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.Checkup;
import dev.flatline.checks.Report;
import dev.flatline.data.Datasets;
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
        new KernelRenderers().registerAll(renderer);
        Report report = Checkup.of(Datasets.glass()).trainer(new LogisticRegressionTrainer()).run();
        DisplayData first = renderer.render(report);
        String html = (String) first.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("flatline checkup: glass"), html.substring(0, 200));
        assertTrue(html.contains("class=\"flatline-chart\""));
        assertTrue(html.contains("window.flatlinePlotly = "), "the session's first chart output carries plotly.js");
        assertFalse(((String) renderer.render(report).getData(MIMEType.TEXT_HTML)).contains("window.flatlinePlotly = "),
                "and only the first");
        assertTrue(((String) first.getData(MIMEType.TEXT_PLAIN)).startsWith("flatline checkup of glass"));
    }
}
