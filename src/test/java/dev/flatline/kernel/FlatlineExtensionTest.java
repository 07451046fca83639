package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.plots.NotebookOutput;
import dev.flatline.plots.PlotlyJs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Loads flatline into a plain jjava {@link BaseKernel} the way JJava does when flatline's jar is added
 * with {@code %classpath}: {@link ServiceLoader} over {@code META-INF/services/org.dflib.jjava.jupyter.Extension}
 * through the kernel's own {@code installExtensions}, then renders what notebooks show and runs a real
 * training whose live display must reach the kernel's display messages.
 */
class FlatlineExtensionTest {

    @AfterEach
    void removeSink() {
        NotebookOutput.uninstall();
    }

    @Test
    void serviceFileNamesTheExtension() throws IOException {
        try (InputStream in = FlatlineExtension.class.getResourceAsStream(
                "/META-INF/services/" + Extension.class.getName())) {
            assertNotNull(in, "the service file is missing");
            assertEquals(FlatlineExtension.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        List<Class<?>> found = new ArrayList<>();
        ServiceLoader.load(Extension.class, getClass().getClassLoader()).stream().forEach(p -> found.add(p.type()));
        assertTrue(found.contains(FlatlineExtension.class), "ServiceLoader found " + found);
    }

    @Test
    void aJJavaKernelRendersChartsTablesAndEvaluationsAfterLoadingTheExtension() {
        TestKernel kernel = new TestKernel();
        DisplayData before = kernel.getRenderer().render(Table.create("t", IntColumn.create("x", 1, 2)));
        assertTrue(before.getData(MIMEType.TEXT_HTML) == null, "without flatline a table is text only");

        kernel.loadExtensions();

        DisplayData table = kernel.getRenderer().render(Table.create("t", IntColumn.create("x", 1, 2)));
        assertTrue(((String) table.getData(MIMEType.TEXT_HTML)).contains("2 rows × 1 column"),
                String.valueOf(table.getData(MIMEType.TEXT_HTML)));

        List<Object> published = kernel.runningCell();
        DisplayData first = kernel.getRenderer().render(new TestChart("first"));
        DisplayData second = kernel.getRenderer().render(new TestChart("second"));
        assertEquals(1, published.size(), "plotly.js goes out once, as an output of its own, as in flatline's kernel");
        assertEquals(PlotlyJs.loaderHtml(), ((PublishDisplayData) published.get(0)).getData(MIMEType.TEXT_HTML));
        for (DisplayData chart : List.of(first, second)) {
            assertTrue(((String) chart.getData(MIMEType.TEXT_HTML)).contains("Plotly.newPlot"), "the chart draws itself");
            assertFalse(((String) chart.getData(MIMEType.TEXT_HTML)).contains(PlotlyJs.loaderHtml()), "without the library");
        }
        assertTrue(second.getData(KernelRenderers.PLOTLY) instanceof java.util.Map, "Plotly JSON for JupyterLab");

        DisplayData printed = kernel.getRenderer().render(System.out.printf(""));
        assertEquals("", printed.getData(MIMEType.TEXT_PLAIN), "a cell ending in printf shows no PrintStream@...");

        DisplayData evaluation = kernel.getRenderer().render(KernelRenderersTest.majorityEvaluation());
        assertTrue(((String) evaluation.getData(MIMEType.TEXT_HTML)).contains("Balanced accuracy"),
                String.valueOf(evaluation.getData(MIMEType.TEXT_HTML)));
    }

    @Test
    void aTrainingInAJJavaKernelShowsItsLiveDisplayAndUpdatesItInPlace() {
        TestKernel kernel = new TestKernel();
        kernel.loadExtensions();
        assertTrue(NotebookOutput.isAvailable(), "the extension installs the live display sink");

        List<Object> published = kernel.runningCell();
        MlpTrainer.builder().hidden(8).epochs(3).batchSize(64).seed(0).build().train(Datasets.glass().train());

        assertEquals(PlotlyJs.loaderHtml(), ((PublishDisplayData) published.get(0)).getData(MIMEType.TEXT_HTML),
                "plotly.js first, before the session's first chart");
        published = published.subList(1, published.size());
        assertTrue(published.get(0) instanceof PublishDisplayData, "then the live chart: " + published);
        PublishDisplayData shown = (PublishDisplayData) published.get(0);
        assertTrue(shown.hasDisplayId(), "the display carries an id to update");
        assertNotNull(shown.getData(MIMEType.TEXT_HTML), "the live chart is HTML");
        List<PublishUpdateDisplayData> updates = published.stream().skip(1)
                .filter(PublishUpdateDisplayData.class::isInstance).map(PublishUpdateDisplayData.class::cast).toList();
        assertTrue(updates.size() >= 3, "one update per epoch and one at the end: " + published.size() + " messages");
        assertEquals(published.size() - 1, updates.size(), "only updates after the first display");
        for (PublishUpdateDisplayData update : updates) {
            assertEquals(shown.getDisplayId(), update.getDisplayId(), "updates replace the first display in place");
        }
    }

    /** An interrupted cell's training stops at its next progress update, where library code is at a safe point. */
    @Test
    void anInterruptedTrainingStopsAtItsNextLiveUpdate() {
        TestKernel kernel = new TestKernel();
        kernel.loadExtensions();
        List<Object> published = kernel.runningCell();
        Thread.currentThread().interrupt();
        try {
            org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                    () -> MlpTrainer.builder().hidden(8).epochs(50).batchSize(64).seed(0).build().train(Datasets.glass().train()));
        } finally {
            Thread.interrupted();
        }
        assertTrue(published.isEmpty(), "nothing is shown for an interrupted cell: " + published);
    }

    @Test
    void theExtensionNamesFlatlinesKernelClassExactly() {
        assertEquals(FlatlineKernel.class.getName(), FlatlineExtension.FLATLINE_KERNEL_CLASS);
    }

    @Test
    void flatlinesOwnKernelIsNotSetUpTwice() {
        FlatlineKernel kernel = FlatlineKernel.create();
        new FlatlineExtension().install(kernel);
        assertFalse(NotebookOutput.isAvailable(), "install() leaves a flatline kernel to its own start-up");
        assertTrue(kernel.getRenderer().render(Table.create("t", IntColumn.create("x", 1))).getData(MIMEType.TEXT_HTML) == null,
                "no renderers registered by install() on a flatline kernel");
    }

    /** A JJava-style kernel: the jjava base class with extensions enabled and nothing else. */
    static final class TestKernel extends BaseKernel {

        private final RecordingIO recordingIO;

        TestKernel() {
            this(new RecordingIO());
        }

        private TestKernel(RecordingIO io) {
            super("test-jjava", "1", new LanguageInfo("java", "17", "text/x-java-source", ".jshell", "java", "java", null),
                    List.of(), null, io, new CommManager(), new Renderer(),
                    new MagicParser("^\\s*%", "^\\s*%%", new MagicTranspiler()), new MagicsRegistry(), true,
                    new StringStyler.Builder().build());
            this.recordingIO = io;
        }

        /** What JJava does with a jar added by %classpath: ServiceLoader over its loader. */
        void loadExtensions() {
            installExtensions(getClass().getClassLoader());
        }

        /** Attaches the kernel's IO as during a cell; returns the list that collects published messages. */
        List<Object> runningCell() {
            return recordingIO.attach();
        }

        @Override
        public Object evalRaw(String code) {
            throw new UnsupportedOperationException("not a language kernel");
        }

        @Override
        public DisplayData inspect(String code, int at, boolean extraDetail) {
            return null;
        }

        @Override
        public ReplacementOptions complete(String code, int at) {
            return null;
        }

        @Override
        public String isComplete(String code) {
            return IS_COMPLETE_YES;
        }
    }

    /** jjava's IO with a reply environment that records what a cell publishes instead of sending it. */
    static final class RecordingIO extends JupyterIO {

        RecordingIO() {
            super(StandardCharsets.UTF_8);
        }

        List<Object> attach() {
            List<Object> published = new ArrayList<>();
            setEnv(new ShellReplyEnvironment(null, null, null, null) {
                @Override
                public <T extends ContentType<T>> void publish(T content) {
                    published.add(content);
                }
            });
            return published;
        }
    }
}
