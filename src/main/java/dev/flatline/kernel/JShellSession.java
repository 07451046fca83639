package dev.flatline.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A JShell that runs cells in this JVM: evaluates Java source snippet by snippet, keeps the real
 * value of the last expression, remembers which cell line each snippet came from (for error
 * messages), and answers completion and "is this code complete?" questions.
 *
 * <p>The compiler sees the JVM's class path; classes compiled from cells are loaded by a loader that
 * delegates to {@code parent} (see {@link CellClassLoaderDelegate}), so library classes exist once.
 */
final class JShellSession implements AutoCloseable {

    /** Returned by {@link #evaluate} when the cell's last snippet has no value to show. */
    static final Object NO_VALUE = new Object() {
        @Override
        public String toString() {
            return "(no value)";
        }
    };

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final CellExecutionControl control;
    private final Map<String, SnippetOrigin> origins = new ConcurrentHashMap<>();
    private final CellErrors errors;

    /**
     * @param classPath the class path the compiler sees (normally {@code java.class.path})
     * @param parent    the class loader the cells' classes delegate to (normally the kernel's)
     */
    JShellSession(String classPath, ClassLoader parent) {
        CellClassLoaderDelegate delegate = new CellClassLoaderDelegate(parent);
        this.control = new CellExecutionControl(delegate);
        ExecutionControlProvider provider = new ExecutionControlProvider() {
            @Override
            public String name() {
                return "flatline-in-process";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
        List<String> options = new ArrayList<>();
        if (classPath != null && !classPath.isBlank()) {
            options.add("--class-path");
            options.add(classPath);
        }
        this.shell = JShell.builder()
                .executionEngine(provider, Map.of())
                .compilerOptions(options.toArray(String[]::new))
                .build();
        this.analysis = shell.sourceCodeAnalysis();
        this.errors = new CellErrors(shell, origins);
    }

    /**
     * Applies {@code import} statements, skipping those that do not compile (a package that is not
     * on the class path); returns the ones that were applied.
     */
    List<String> applyImports(List<String> imports) {
        List<String> applied = new ArrayList<>();
        for (String statement : imports) {
            List<SnippetEvent> events = shell.eval(statement);
            boolean ok = !events.isEmpty() && events.stream().allMatch(e -> e.status().isDefined());
            if (ok) {
                applied.add(statement);
            } else {
                events.forEach(e -> shell.drop(e.snippet()));
            }
        }
        return applied;
    }

    /**
     * Evaluates a piece of a cell.
     *
     * @param code      Java source (one or more snippets)
     * @param cell      the cell's execution count, used in messages about code from earlier cells
     * @param firstLine the 1-based cell line on which {@code code} starts
     * @param cellSource the whole cell, to quote the learner's line in messages
     * @return the value of the last snippet when it is an expression, else {@link #NO_VALUE}
     * @throws CellError when the code does not compile, throws, or is interrupted
     */
    Object evaluate(String code, int cell, int firstLine, String cellSource) {
        control.clearResults();
        control.beginCell();
        try {
            return evaluateSnippets(code, cell, firstLine, cellSource);
        } finally {
            control.endCell();
        }
    }

    private Object evaluateSnippets(String code, int cell, int firstLine, String cellSource) {
        Object last = NO_VALUE;
        String remaining = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                return last;
            }
            int offset = code.length() - remaining.length();
            // JShell numbers a snippet's lines from its first non-blank character.
            int snippetLine = firstLine + lineIndex(code, offset + leadingWhitespace(remaining));
            if (!info.completeness().isComplete()) {
                throw errors.incomplete(remaining, new SnippetOrigin(cell, snippetLine, cellSource));
            }
            if (control.isInterrupted()) {
                throw errors.interrupted(new SnippetOrigin(cell, snippetLine, cellSource));
            }
            last = evaluateSnippet(info.source(), new SnippetOrigin(cell, snippetLine, cellSource));
            remaining = info.remaining();
        }
    }

    private Object evaluateSnippet(String source, SnippetOrigin origin) {
        List<SnippetEvent> events = shell.eval(source);
        boolean interrupted = control.isInterrupted();
        Object value = NO_VALUE;
        for (SnippetEvent event : events) {
            Optional<CellExecutionControl.Holder> result = control.takeResult(event.value());
            if (event.causeSnippet() != null) {
                warnIfVariableLost(event, origin);
                continue;
            }
            origins.put(event.snippet().id(), origin);
            if (result.isPresent() && shows(event.snippet().subKind())) {
                value = result.get().value();
            }
        }
        if (interrupted) {
            throw errors.interrupted(origin);
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            JShellException exception = event.exception();
            if (exception != null) {
                throw errors.runtime(exception, origin.cell());
            }
            if (event.status() == Snippet.Status.REJECTED
                    || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                throw errors.compile(event.snippet(), origin);
            }
        }
        return value;
    }

    /**
     * JShell recompiles the declarations that mention a name a snippet declares (again): a new
     * variable, method, class or import. Its analysis goes by name only, so {@code double[] epochs}
     * resets a variable made by {@code builder.epochs(5)}. A variable recompiled that way loses its
     * value, silently. Learners meet it as a null a few cells later, so say it where it happens, on the
     * cell's stderr, naming the name that caused it.
     */
    private void warnIfVariableLost(SnippetEvent event, SnippetOrigin origin) {
        if (!(event.snippet() instanceof VarSnippet variable) || event.previousStatus() != Snippet.Status.VALID) {
            return;
        }
        String what = event.status() == Snippet.Status.VALID
                ? "was reset to its default value (null, 0 or false)"
                : "can no longer be used";
        System.err.println("Note: variable '" + variable.name() + "' " + what + " because line " + origin.firstLine()
                + " of this cell " + causeOf(event.causeSnippet()) + ", and its declaration uses that name (JShell "
                + "matches names only, so even a method call such as .epochs(5) counts). Rename the new "
                + "declaration, or run the cell that sets '" + variable.name() + "' again.");
    }

    /** What the snippet that triggered a recompilation did, in the learner's words. */
    private static String causeOf(Snippet cause) {
        if (cause instanceof jdk.jshell.ImportSnippet imported) {
            return "imports " + imported.fullname();
        }
        if (cause instanceof jdk.jshell.DeclarationSnippet declared) {
            return "declares '" + declared.name() + "'";
        }
        return "declares something";
    }

    /** Expressions show their value; declarations, assignments and statements do not (as in JJava). */
    private static boolean shows(Snippet.SubKind kind) {
        return kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND
                || kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /**
     * Completion candidates at {@code cursor}: the distinct continuations JShell suggests (those that
     * match the expected type first) and the start of the text they replace.
     */
    Completions complete(String code, int cursor) {
        int start = snippetStartBefore(code, cursor);
        String snippet = code.substring(start, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(snippet, snippet.length(), anchor);
        Set<String> ordered = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .map(SourceCodeAnalysis.Suggestion::continuation).sorted().forEach(ordered::add);
        suggestions.stream().filter(s -> !s.matchesType())
                .map(SourceCodeAnalysis.Suggestion::continuation).sorted().forEach(ordered::add);
        return new Completions(List.copyOf(ordered), start + anchor[0], cursor);
    }

    /** Where the snippet that contains {@code cursor} starts (cells may hold many snippets). */
    private int snippetStartBefore(String code, int cursor) {
        String prefix = code.substring(0, cursor);
        String remaining = prefix;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isBlank()) {
                return prefix.length() - remaining.length();
            }
            remaining = info.remaining();
        }
    }

    /**
     * Jupyter's is_complete answer: "complete", "invalid", or the indent to continue with when the
     * code needs more lines.
     */
    IsComplete isComplete(String code) {
        String chunk = code;
        CompletionInfo info = analysis.analyzeCompletion(chunk);
        while (info.completeness().isComplete() && info.completeness() != Completeness.UNKNOWN
                && !info.remaining().isBlank()) {
            chunk = info.remaining();
            info = analysis.analyzeCompletion(chunk);
        }
        switch (info.completeness()) {
            case COMPLETE:
            case COMPLETE_WITH_SEMI:
            case EMPTY:
                return IsComplete.complete();
            case UNKNOWN:
                return IsComplete.invalid();
            default:
                return IsComplete.incomplete(indentFor(chunk));
        }
    }

    private static String indentFor(String partial) {
        String[] lines = partial.split("\r?\n", -1);
        String last = lines[lines.length - 1];
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        int opened = 0;
        for (char c : last.toCharArray()) {
            if (c == '{' || c == '(') {
                opened++;
            } else if ((c == '}' || c == ')') && opened > 0) {
                opened--;
            }
        }
        return opened > 0 ? indent + "    " : indent;
    }

    /** Signatures (and Javadoc where the JDK has it) of what is at {@code cursor}; empty if nothing. */
    String documentation(String code, int cursor) {
        int start = snippetStartBefore(code, Math.min(cursor, code.length()));
        int end = cursor;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        if (end < code.length() && code.charAt(end) == '(') {
            end++;
        }
        String snippet = code.substring(start, end);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(snippet, snippet.length(), true);
        if (docs.isEmpty() && !snippet.endsWith("(")) {
            // JShell documents a method only inside its argument list: "Math.max" -> "Math.max(".
            docs = analysis.documentation(snippet + "(", snippet.length() + 1, true);
        }
        return docs.stream()
                .map(d -> d.javadoc() == null ? d.signature() : d.signature() + "\n" + d.javadoc())
                .collect(Collectors.joining("\n\n"));
    }

    /** Adds a jar or folder for later cells: to the compiler's class path and to the cells' loader. */
    void addToClasspath(String path) {
        shell.addToClasspath(Objects.requireNonNull(path, "path"));
    }

    /** Stops the running cell, if any (safe to call from another thread). */
    void interrupt() {
        control.interrupt();
    }

    /** Whether a cell is running now. */
    boolean isRunning() {
        return control.isRunning();
    }

    /** The names of variables, methods and types defined so far (for tests and diagnostics). */
    List<String> definedNames() {
        List<String> names = new ArrayList<>();
        shell.variables().forEach(v -> names.add(v.name()));
        shell.methods().forEach(m -> names.add(m.name()));
        shell.types().forEach(t -> names.add(t.name()));
        return Collections.unmodifiableList(names);
    }

    @Override
    public void close() {
        shell.close();
    }

    private static int leadingWhitespace(String text) {
        int i = 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    static int leadingNewlines(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** The 0-based line index of a character offset. */
    static int lineIndex(String text, int offset) {
        int line = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Completion candidates and the range of the cell they replace. */
    record Completions(List<String> matches, int start, int end) {
    }

    /** The answer to Jupyter's is_complete request. */
    record IsComplete(String status, String indent) {
        static IsComplete complete() {
            return new IsComplete("complete", "");
        }

        static IsComplete invalid() {
            return new IsComplete("invalid", "");
        }

        static IsComplete incomplete(String indent) {
            return new IsComplete("incomplete", indent);
        }
    }

    /** Diagnostics of a snippet, for {@link CellErrors}. */
    static List<Diag> diagnostics(JShell shell, Snippet snippet) {
        return shell.diagnostics(snippet).collect(Collectors.toList());
    }
}
