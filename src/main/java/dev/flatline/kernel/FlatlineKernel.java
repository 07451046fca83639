package dev.flatline.kernel;

import dev.flatline.plots.NotebookOutput;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.kernel.magic.MagicTranspiler;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.magic.UndefinedMagicException;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

/**
 * The flatline Java kernel: JShell in this JVM behind jjava's Jupyter protocol handling.
 *
 * <p>Start-up is quick because JShell and the start-up imports are prepared on a background thread
 * while Jupyter connects; the first cell waits for them. ND4J is not touched until a cell uses it.
 * Cells may mix Java and the line magics {@code %classpath} / {@code %jars}. Failed cells raise
 * {@link CellError}s written for learners; the kernel keeps running.
 */
public final class FlatlineKernel extends BaseKernel {

    /** The kernel's name in kernelspecs and kernel_info replies. */
    public static final String NAME = "flatline";

    private static final Pattern MAGIC_PREFIX = Pattern.compile("(?m)^(\\s*)%([\\w-]*)$");

    private final CompletableFuture<JShellSession> session;
    private final KernelRenderers renderers = new KernelRenderers(this::display);
    private volatile List<String> appliedImports = List.of();
    private volatile boolean cellWaiting;
    private volatile boolean interruptedWhileWaiting;

    private FlatlineKernel(String version, MagicsRegistry magics) {
        super(NAME, version,
                new LanguageInfo("java", Runtime.version().toString(), "text/x-java-source", ".jshell", "java",
                        "java", null),
                List.of(new HelpLink("Java tutorial", "https://dev.java/learn/"),
                        new HelpLink("Tribuo", "https://tribuo.org/learn/4.3/docs/")),
                null, new JupyterIO(StandardCharsets.UTF_8), new CommManager(), new Renderer(),
                // false: no JJava extensions. flatline's own (FlatlineExtension) is installed directly in
                // onStartup, and ServiceLoader would otherwise find it again on the class path.
                new MagicParser("^\\s*%", "^\\s*%%", new MagicTranspiler()), magics,
                // No JJava extensions: flatline's own (FlatlineExtension) is set up in onStartup, and
                // ServiceLoader would find it again on the class path.
                false,
                new StringStyler.Builder().build());
        this.session = new CompletableFuture<>();
        ClasspathMagic classpath = new ClasspathMagic(path -> session().addToClasspath(path));
        magics.registerLineMagic("classpath", classpath);
        magics.registerLineMagic("jars", classpath);
    }

    /** A kernel whose cells see the JVM's class path and delegate class loading to this class's loader. */
    public static FlatlineKernel create() {
        String version = FlatlineKernel.class.getPackage().getImplementationVersion();
        return new FlatlineKernel(version == null ? "development" : version, new MagicsRegistry());
    }

    /**
     * Prepares JShell and the start-up imports on a background thread; cells, completion and
     * is_complete wait for it. Called by {@link #onStartup()}; callable directly in tests.
     */
    void startSession(String classPath, ClassLoader parent) {
        Thread starter = new Thread(() -> {
            try {
                JShellSession s = new JShellSession(classPath, parent);
                appliedImports = s.applyImports(StartupImports.ALL);
                session.complete(s);
            } catch (Throwable e) {
                session.completeExceptionally(e);
            }
        }, "flatline-jshell-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public void onStartup() {
        super.onStartup();
        // Renderers, the live display sink and quiet logging: the same set-up a JJava kernel gets.
        FlatlineExtension.installInto(this, renderers);
        startSession(System.getProperty("java.class.path"), FlatlineKernel.class.getClassLoader());
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        NotebookOutput.uninstall();
        if (session.isDone() && !session.isCompletedExceptionally()) {
            session.join().close();
        }
        super.onShutdown(isRestarting);
    }

    /** The imports that were applied at start-up (those whose packages exist). */
    List<String> appliedImports() {
        session();
        return appliedImports;
    }

    /**
     * The session for a cell that is about to run. The first cell may wait for JShell to start; an
     * interrupt in that wait stops the cell before it runs (JShell itself has nothing running yet).
     */
    private JShellSession sessionForCell() {
        if (session.isDone()) {
            return session();
        }
        interruptedWhileWaiting = false;
        cellWaiting = true;
        JShellSession s;
        try {
            s = session();
        } finally {
            cellWaiting = false;
        }
        if (interruptedWhileWaiting) {
            throw CellErrors.interruptedBeforeStart();
        }
        return s;
    }

    JShellSession session() {
        try {
            return session.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("JShell could not start: " + e.getCause(), e.getCause());
        }
    }

    @Override
    public Object evalRaw(String code) {
        Object value = evaluateCell(code, executionCount.get() - 1);
        return value == JShellSession.NO_VALUE ? null : value;
    }

    /** Runs a cell; returns the last expression's value or {@link JShellSession#NO_VALUE}. */
    Object evaluateCell(String code, int cell) {
        JShellSession s = sessionForCell();
        Object last = JShellSession.NO_VALUE;
        for (CellSource.Part part : CellSource.parse(code)) {
            if (part.magic()) {
                runMagic(part);
                last = JShellSession.NO_VALUE;
            } else {
                last = s.evaluate(part.text(), cell, part.firstLine(), code);
            }
        }
        return last;
    }

    private void runMagic(CellSource.Part part) {
        try {
            magicsRegistry.evalLineMagic(this, part.magicName(), part.args());
        } catch (CellError e) {
            throw e;
        } catch (UndefinedMagicException e) {
            throw CellErrors.magic("Unknown magic %" + part.magicName() + " in line " + part.firstLine()
                    + ": this kernel has " + String.join(", ", magicNames()) + ".");
        } catch (Exception e) {
            throw CellErrors.magic("%" + part.magicName() + " failed in line " + part.firstLine() + ": " + e.getMessage());
        }
    }

    private List<String> magicNames() {
        List<String> names = new ArrayList<>();
        magicsRegistry.getLineMagicNames().stream().sorted().forEach(n -> names.add("%" + n));
        return names;
    }

    @Override
    public DisplayData eval(String code) {
        Object value = evaluateCell(code, executionCount.get() - 1);
        if (value == JShellSession.NO_VALUE || KernelRenderers.nothingToShow(value)) {
            return null;
        }
        if (value == null) {
            return new DisplayData("null");
        }
        return value instanceof DisplayData ? (DisplayData) value : renderer.render(value);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String doc = session().documentation(CellSource.withoutMagics(code), at);
        return doc.isBlank() ? null : new DisplayData(doc);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int lineStart = code.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        Matcher magic = MAGIC_PREFIX.matcher(code.substring(lineStart, at));
        if (magic.matches()) {
            List<String> names = magicNames().stream().filter(n -> n.startsWith("%" + magic.group(2))).toList();
            return new ReplacementOptions(names, lineStart + magic.group(1).length(), at);
        }
        JShellSession.Completions completions = session().complete(CellSource.withoutMagics(code), at);
        return new ReplacementOptions(completions.matches(), completions.start(), completions.end());
    }

    @Override
    public String isComplete(String code) {
        JShellSession.IsComplete answer = session().isComplete(CellSource.withoutMagics(code));
        switch (answer.status()) {
            case "complete":
                return IS_COMPLETE_YES;
            case "invalid":
                return IS_COMPLETE_BAD;
            default:
                return answer.indent();
        }
    }

    @Override
    public void interrupt() {
        if (cellWaiting) {
            interruptedWhileWaiting = true;
        }
        if (session.isDone() && !session.isCompletedExceptionally()) {
            session.join().interrupt();
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        if (e instanceof CellError) {
            return ((CellError) e).lines();
        }
        // Not the learner's code: a kernel problem. Say so, with the trace for a bug report.
        List<String> lines = new ArrayList<>();
        lines.add("The kernel failed (not your code): " + e);
        for (StackTraceElement frame : e.getStackTrace()) {
            lines.add("    at " + frame);
        }
        return lines;
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> request) {
        renderers.cellStarting(cellKey(request));
        super.handleExecuteRequest(env, request);
    }

    /**
     * Which notebook cell a request comes from: the {@code cellId} that JupyterLab, Notebook 7 and
     * VS Code send in the request's metadata, or else (classic Notebook, nbclient) the cell's code.
     */
    static String cellKey(Message<ExecuteRequest> request) {
        Object cellId = request.getNonNullMetadata().get("cellId");
        if (cellId instanceof String id && !id.isBlank()) {
            return "cell:" + id;
        }
        ExecuteRequest content = request.getContent();
        return "code:" + (content == null ? "" : content.getCode());
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> request) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfoReplyOk(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(),
                getHelpLinks()));
    }
}
