package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.Diagnosis;
import org.junit.jupiter.api.Test;

/**
 * The report warm-up: its work runs (a failure there would be swallowed on its thread and only cost
 * time, so it is run here where it can fail), and it changes nothing in a report written after it.
 */
class ReportWarmUpTest {

    @Test
    void warmsEveryWriterWithoutFailing() {
        // plotly.js alone is about 3.2 MB; the JSON tree and both charts add their own text.
        assertTrue(ReportWarmUp.warm() > 3_000_000);
        assertTrue(ReportJson.warmUp().contains("\"numbers\""), ReportJson.warmUp());
    }

    @Test
    void aReportWrittenAfterTheWarmUpIsTheSame() {
        Diagnosis report = ReportFixtures.hostileReport();
        String json = ReportJson.write(report);
        String html = ReportHtml.page(report);
        ReportWarmUp.start();
        ReportWarmUp.warm();
        assertEquals(json, ReportJson.write(report));
        assertEquals(html, ReportHtml.page(report));
    }
}
