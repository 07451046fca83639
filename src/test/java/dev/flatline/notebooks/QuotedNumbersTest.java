package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule that numbers quoted in bold are shown by the executed notebook, on small made-up notebooks. */
class QuotedNumbersTest {

    static JsonNode notebook(String cellsJson) throws Exception {
        return new ObjectMapper().readTree("{\"cells\": [" + cellsJson + "]}");
    }

    static String markdown(String text) {
        return "{\"cell_type\": \"markdown\", \"source\": [" + quote(text) + "]}";
    }

    static String streamCell(String... pieces) {
        StringBuilder outputs = new StringBuilder();
        for (String piece : pieces) {
            outputs.append(outputs.length() == 0 ? "" : ",")
                    .append("{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": [" + quote(piece) + "]}");
        }
        return "{\"cell_type\": \"code\", \"source\": [], \"outputs\": [" + outputs + "]}";
    }

    static String htmlCell(String html) {
        return "{\"cell_type\": \"code\", \"source\": [], \"outputs\": [{\"output_type\": \"execute_result\","
                + " \"data\": {\"text/plain\": [\"Table\"], \"text/html\": [" + quote(html) + "]}}]}";
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Test
    void onlyBoldSpansWithADigitAreQuotedNumbers() {
        assertEquals(List.of("0.786", "6 of 7"),
                QuotedNumbers.quoted("**any** accuracy near **0.786**;\n**6 of\n7** classes, **every time**"));
    }

    @Test
    void numbersShownEarlierOrInTheNextCellPass() throws Exception {
        JsonNode nb = notebook(String.join(",",
                streamCell("majority: ", "78.6", "%", "\n"),          // printf in pieces, joined as printed
                markdown("That is **78.6%** of the rows and a recall of **0.9000**."),
                htmlCell("<table><tr><td>recall</td><td>0.9000</td></tr></table>")));
        assertEquals(List.of(), QuotedNumbers.unshown(nb));
    }

    @Test
    void aNumberNoOutputShowsFailsWithItsCell() throws Exception {
        JsonNode nb = notebook(String.join(",",
                streamCell("accuracy: 0.786\n"),
                markdown("Accuracy **0.79**, balanced **0.143**.")));
        assertEquals(List.of(new QuotedNumbers.Unshown(1, "0.79"), new QuotedNumbers.Unshown(1, "0.143")),
                QuotedNumbers.unshown(nb));
    }

    @Test
    void aNumberShownOnlyTwoCellsLaterDoesNotCount() throws Exception {
        JsonNode nb = notebook(String.join(",",
                markdown("We will see **42** rows."),
                streamCell("nothing yet\n"),
                markdown("Meanwhile..."),
                streamCell("42 rows\n")));
        assertEquals(List.of(new QuotedNumbers.Unshown(0, "42")), QuotedNumbers.unshown(nb));
    }

    @Test
    void partOfALongerNumberOrAScriptIsNotShown() {
        assertFalse(QuotedNumbers.shows("0.7859 and 10.5", "0.785"));
        assertFalse(QuotedNumbers.shows("0.7859", "7859"));
        assertFalse(QuotedNumbers.shows("1.5", "1"));
        assertTrue(QuotedNumbers.shows("epoch 21.", "21"));
        assertTrue(QuotedNumbers.shows("6 of 7 classes", "6 of 7"));
        String chart = QuotedNumbers.visibleText(notebookCell(
                "<div>Chart</div><script>Plotly.newPlot('x', {\"y\": [0.1234]})</script>"));
        assertFalse(QuotedNumbers.shows(chart, "0.1234"), chart);
    }

    private static JsonNode notebookCell(String html) {
        try {
            return new ObjectMapper().readTree(htmlCell(html));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
