package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import dev.flatline.plots.LiveFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class KernelRenderersTest {

    private final Renderer renderer = new Renderer();
    private final List<DisplayData> sent = new ArrayList<>();
    private final KernelRenderers renderers = new KernelRenderers(sent::add);

    KernelRenderersTest() {
        renderers.registerAll(renderer);
    }

    @Test
    void tableRendersAsEscapedHtmlWithShapeAndFirstRows() {
        int[] counts = new int[30];
        String[] names = new String[30];
        for (int i = 0; i < 30; i++) {
            counts[i] = i;
            names[i] = i == 0 ? "<script>x</script>" : "row" + i;
        }
        Table table = Table.create("t", StringColumn.create("name", names), IntColumn.create("count", counts));
        DisplayData data = renderer.render(table);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("30 rows × 2 columns"), html);
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<td>row19</td>"), html);
        assertFalse(html.contains("row20"), "only the first 20 rows: " + html);
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).startsWith("30 rows × 2 columns"));
    }

    @Test
    void fractionalNumbersShowFourDecimalsAndWholeNumbersStayWhole() {
        Table table = Table.create("scores", tech.tablesaw.api.DoubleColumn.create("x", 0.785948275862069, 3.0, 12345.5, 0.00001234));
        String html = (String) renderer.render(table).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<td>0.7859</td>"), html);
        assertTrue(html.contains("<td>3</td>") || html.contains("<td>3.0</td>"), html);
        assertTrue(html.contains("<td>12345.5</td>"), html);
        assertTrue(html.contains("<td>1.234e-05</td>"), html);
        assertEquals(0.785948275862069, table.doubleColumn("x").get(0), "the table itself is untouched");
        String text = (String) renderer.render(table).getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.contains("0.7859") && !text.contains("0.785948"), "plain text is rounded too: " + text);
    }

    @Test
    void chartSendsPlotlyJsOnceAsItsOwnOutputAndPlotlyJsonAsAnObject() {
        renderers.cellStarting("cell:a");
        DisplayData first = renderer.render(new TestChart("first"));
        DisplayData second = renderer.render(new TestChart("second"));
        String loader = dev.flatline.plots.PlotlyJs.loaderHtml();
        assertEquals(1, sent.size(), "plotly.js goes out once, as an output of its own");
        assertEquals(loader, sent.get(0).getData(MIMEType.TEXT_HTML));
        for (DisplayData chart : List.of(first, second)) {
            String html = (String) chart.getData(MIMEType.TEXT_HTML);
            assertFalse(html.contains(loader), "no chart output carries the library");
            assertTrue(html.length() < 100_000, "a chart carries no library: " + html.length() + " chars");
            assertTrue(html.contains("Plotly.newPlot"), html);
        }
        Object figure = second.getData(KernelRenderers.PLOTLY);
        assertTrue(figure instanceof Map, "plotly JSON must be an object, was " + figure);
        assertEquals("bar", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) figure).get("data")).get(0)).get("type"));
        assertEquals(JsonParser.parseString(new TestChart("second").toPlotlyJson()),
                JsonParser.parseString(new Gson().toJson(figure)), "the same figure, written back as JSON");
        assertEquals("Chart: second", second.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aLiveFrameGoesOutAsHtmlOnlySoJupyterLabRedrawsItOnUpdate() {
        renderers.cellStarting("cell:training");
        DisplayData opening = renderer.render(LiveFrame.of(new TestChart("starting")));
        assertEquals(1, sent.size(), "the session's first chart, even as a frame, brings plotly.js as its own output");
        DisplayData update = renderer.render(LiveFrame.of(new TestChart("epoch 3/5")));
        assertEquals(1, sent.size(), "updates do not resend plotly.js");
        for (DisplayData frame : List.of(opening, update)) {
            assertEquals(null, frame.getData(KernelRenderers.PLOTLY),
                    "no Plotly JSON: jupyterlab-plotly keeps the first figure of an output updated in place");
        }
        String html = (String) update.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("Plotly.newPlot") && html.contains("epoch 3/5"), html);
        assertEquals("Chart: epoch 3/5", update.getData(MIMEType.TEXT_PLAIN));

        DisplayData finished = renderer.render(new TestChart("trained 5 epochs"));
        assertTrue(finished.getData(KernelRenderers.PLOTLY) instanceof Map, "the finished chart is a Plotly figure again");
    }

    @Test
    void reRunningTheCellThatCarriedPlotlyJsSendsItAgainOtherCellsDoNot() {
        renderers.cellStarting("cell:a");
        renderer.render(new TestChart("in a"));
        renderers.cellStarting("cell:b");
        renderer.render(new TestChart("in b"));
        assertEquals(1, sent.size(), "cell b: the copy sent with cell a is still in the notebook");
        renderers.cellStarting("cell:b");
        renderer.render(new TestChart("in b again"));
        assertEquals(1, sent.size(), "re-running b leaves a's copy in place");
        renderers.cellStarting("cell:a");
        renderer.render(new TestChart("in a again"));
        renderer.render(new TestChart("second chart of a"));
        assertEquals(2, sent.size(), "re-running a cleared its copy, so its first chart brings a new one, once");
    }

    @Test
    void evaluationRendersMetricsPerClassTableAndConfusionMatrix() {
        LabelEvaluation evaluation = majorityEvaluation();
        DisplayData data = renderer.render(evaluation);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<tr><th>Accuracy</th><td>0.7500</td></tr>"), html);
        assertTrue(html.contains("<tr><th>Balanced accuracy</th><td>0.5000</td></tr>"), html);
        assertTrue(html.contains("Macro-averaged F1"), html);
        assertTrue(html.contains("<tr><th>rare</th><td>0.0000</td><td>0.0000</td><td>0.0000</td><td>1</td></tr>")
                || html.contains("<tr><th>rare</th><td>n/a</td><td>0.0000</td>"), html);
        // The majority class took every prediction: the rare example sits in the 'common' column.
        assertTrue(html.contains("<tr><th>rare</th><td>0</td><td>1</td></tr>")
                || html.contains("<tr><th>rare</th><td>1</td><td>0</td></tr>"), html);
        assertEquals(evaluation.toString(), data.getData(MIMEType.TEXT_PLAIN));

        String matrix = (String) renderer.render(evaluation.getConfusionMatrix()).getData(MIMEType.TEXT_HTML);
        assertTrue(matrix.contains("Confusion matrix"), matrix);
    }

    /** Three 'common' and one 'rare' example, predicted by a most-frequent baseline. */
    static LabelEvaluation majorityEvaluation() {
        LabelFactory factory = new LabelFactory();
        List<ArrayExample<Label>> examples = List.of(
                new ArrayExample<>(new Label("common"), new String[] {"x"}, new double[] {1}),
                new ArrayExample<>(new Label("common"), new String[] {"x"}, new double[] {2}),
                new ArrayExample<>(new Label("common"), new String[] {"x"}, new double[] {3}),
                new ArrayExample<>(new Label("rare"), new String[] {"x"}, new double[] {4}));
        @SuppressWarnings({"unchecked", "rawtypes"})
        MutableDataset<Label> dataset = new MutableDataset<>(new ListDataSource<>((List) examples, factory,
                new SimpleDataSourceProvenance("test", factory)));
        Model<Label> model = DummyClassifierTrainer.createMostFrequentTrainer().train(dataset);
        return new LabelEvaluator().evaluate(model, dataset);
    }
}
