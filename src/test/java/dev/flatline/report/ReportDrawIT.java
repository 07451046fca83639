package dev.flatline.report;

import dev.flatline.checks.Diagnosis;
import dev.flatline.testing.HeadlessChromium;
import dev.flatline.testing.RenderedPage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The self-contained report page draws all its charts offline in headless Chromium. */
class ReportDrawIT {

    @Test
    void theReportPageDrawsEveryChartOffline() throws Exception {
        Diagnosis report = ReportFixtures.hostileReport();
        Path out = Files.createDirectories(Path.of("target", "report-it"));
        Path page = Files.writeString(out.resolve("report.html"), ReportHtml.page(report));
        RenderedPage rendered = HeadlessChromium.create().render(page);
        rendered.requireNoConsoleErrors()
                .requireAtLeast(".js-plotly-plot", ReportCharts.all(report).size())
                .requireText("flatline checkup")
                .requireText(ReportFixtures.HOSTILE_COLUMN);
    }
}
