package dev.flatline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.checks.Checkup;
import dev.flatline.checks.Diagnosis;
import dev.flatline.checks.Finding;
import dev.flatline.data.CheckData;
import dev.flatline.data.Datasets;
import dev.flatline.plots.Html;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The checkup report as HTML: self-contained, offline, escaped, with every finding and chart. */
class ReportHtmlTest {

    @Test
    void thePageCarriesPlotlyOnceAndLoadsNothingFromTheNetwork() {
        String page = ReportHtml.page(ReportFixtures.hostileReport());
        assertTrue(page.startsWith("<!DOCTYPE html>"));
        assertEquals(1, count(page, "window.flatlinePlotly = "), "plotly.js once");
        assertFalse(page.contains("<script src"), "no external script");
        assertFalse(page.contains("<link "), "no external style");
        assertFalse(page.contains("https://cdn"), "no CDN");
    }

    @Test
    void everyNameFromTheDataIsEscaped() {
        String page = ReportHtml.page(ReportFixtures.hostileReport());
        assertFalse(page.contains(ReportFixtures.HOSTILE_CLASS), "a class name never reaches the page raw");
        assertFalse(page.contains(ReportFixtures.HOSTILE_COLUMN), "a column name never reaches the page raw");
        assertTrue(page.contains(Html.escape(ReportFixtures.HOSTILE_COLUMN)), "the column is shown, escaped");
        assertTrue(page.contains(Html.escape(ReportFixtures.AMPERSAND_CLASS))
                || page.contains(Html.escape(ReportFixtures.HOSTILE_CLASS)), "class names shown escaped");
    }

    @Test
    void showsTheRootCauseEveryFindingChartsAndEachChecksTime() {
        Diagnosis report = ReportFixtures.hostileReport();
        String fragment = ReportHtml.fragment(report);
        assertFalse(fragment.contains("window.flatlinePlotly = "), "a notebook fragment leaves plotly.js to the kernel");
        for (Finding f : report.findings()) {
            assertTrue(fragment.contains("id=\"finding-" + f.id() + "\""), f.id());
        }
        assertEquals(ReportCharts.all(report).size(), count(fragment, "class=\"flatline-chart\""));
        assertTrue(ReportCharts.all(report).size() >= 4, "class distribution, predicted vs true, sweep, curve");
        report.results().forEach(r -> assertTrue(fragment.contains("<td>" + r.check() + "</td>"), r.check()));
        report.rootCause().ifPresent(root -> assertTrue(fragment.contains("Likely root cause: " + root.id())));
    }

    @Test
    void aRootCauseProvenByEvidenceIsShownWithItsProofNotAsNoRootCause() {
        // Wine's standardised test columns reversed: named by the references' drop on the test part, which no
        // retrain proves; the page must say what the terminal says.
        CheckData data = CheckData.of(Datasets.wine().standardised());
        Diagnosis report = Checkup.of(data.testColumnsReversed()).budget(Duration.ofSeconds(60)).run();
        Finding root = report.rootCause().orElseThrow(() -> new AssertionError(report.toString()));
        String fragment = ReportHtml.fragment(report);
        assertTrue(fragment.contains("Likely root cause: " + root.id()), fragment);
        assertTrue(fragment.contains("Proven by: " + Html.escape(String.valueOf(root.evidence().get("proven_by")))),
                fragment);
        assertFalse(fragment.contains(ReportText.noRootCause(report)), "no 'no root cause' line beside a root cause");
        assertTrue(ReportText.summary(report).contains("proven by: " + root.evidence().get("proven_by")));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
