package dev.flatline.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns JShell's failures into messages a learner can read: the exception type and message, the
 * line of <em>their</em> cell it came from, a short cause chain, and none of the kernel's or
 * JShell's own stack frames; compile errors quote the offending line with a marker under it.
 */
final class CellErrors {

    /** How many causes of an exception are listed before "...". */
    static final int MAX_CAUSES = 4;

    /** How many of the learner's own stack frames are listed (calls through their methods). */
    static final int MAX_USER_FRAMES = 4;

    private final JShell shell;
    private final Map<String, SnippetOrigin> origins;

    CellErrors(JShell shell, Map<String, SnippetOrigin> origins) {
        this.shell = shell;
        this.origins = origins;
    }

    /** An exception thrown by the cell's code (or an unresolved reference). */
    CellError runtime(JShellException exception, int currentCell) {
        if (exception instanceof UnresolvedReferenceException) {
            return unresolved((UnresolvedReferenceException) exception);
        }
        List<String> lines = new ArrayList<>();
        String headline = headline(exception);
        lines.add(headline);
        List<String> where = whereLines(exception.getStackTrace(), currentCell);
        lines.addAll(where);
        // The one-line summary (Jupyter's evalue, what nbclient reports) names the learner's line too.
        String summary = where.stream().map(String::strip).filter(l -> l.startsWith("at line")).findFirst()
                .map(l -> headline + " (" + l + ")").orElse(headline);
        Throwable cause = exception.getCause();
        int causes = 0;
        while (cause != null && causes < MAX_CAUSES) {
            lines.add("Caused by: " + headline(cause));
            cause = cause.getCause();
            causes++;
        }
        if (cause != null) {
            lines.add("Caused by: ... (" + depth(cause) + " more)");
        }
        return new CellError(summary, lines);
    }

    /** A compile error: each diagnostic with the learner's line and a marker under the culprit. */
    CellError compile(Snippet snippet, SnippetOrigin origin) {
        List<Diag> diagnostics = JShellSession.diagnostics(shell, snippet);
        List<String> lines = new ArrayList<>();
        String summary = null;
        String source = snippet.source();
        for (Diag diag : diagnostics) {
            if (!diag.isError()) {
                continue;
            }
            String message = compilerMessage(diag);
            int position = (int) Math.max(0, diag.getStartPosition() >= 0 ? diag.getStartPosition() : diag.getPosition());
            int end = (int) Math.max(position + 1, diag.getEndPosition());
            // Positions count from the snippet's source, blank lines before it included.
            int snippetLine = JShellSession.lineIndex(source, position) + 1 - JShellSession.leadingNewlines(source);
            int cellLine = origin.cellLine(snippetLine);
            String firstLine = message.lines().findFirst().orElse(message);
            if (summary == null) {
                summary = "Compile error in line " + cellLine + ": " + firstLine;
            }
            lines.add("Compile error in line " + cellLine + ":");
            int lineStart = source.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
            if (position > 0 && source.charAt(position - 1) == '\n') {
                lineStart = position;
            }
            int lineEnd = source.indexOf('\n', position);
            String text = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
            int column = position - lineStart;
            int width = Math.max(1, Math.min(end, lineStart + text.length()) - position);
            lines.add("    " + text);
            lines.add("    " + " ".repeat(Math.max(0, column)) + "^".repeat(width));
            message.lines().forEach(l -> lines.add(l));
            lines.add("");
        }
        if (snippet instanceof DeclarationSnippet) {
            List<String> missing = shell.unresolvedDependencies((DeclarationSnippet) snippet).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                String text = "Line " + origin.cellLine(1) + " declares something that uses what is not defined yet: "
                        + String.join(", ", missing) + ". Define it (run the cell that does) and run this cell again.";
                lines.add(text);
                if (summary == null) {
                    summary = text;
                }
            }
        }
        if (summary == null) {
            summary = "The code in line " + origin.cellLine(1) + " was rejected by the compiler.";
            lines.add(summary);
        }
        return new CellError(summary, lines);
    }

    /** Code that ends in the middle of a statement (an unclosed brace, parenthesis or string). */
    CellError incomplete(String remaining, SnippetOrigin origin) {
        String summary = "Incomplete code from line " + origin.cellLine(1)
                + ": a statement, brace, parenthesis or string is not closed.";
        List<String> lines = new ArrayList<>();
        lines.add(summary);
        remaining.strip().lines().limit(5).forEach(l -> lines.add("    " + l));
        return new CellError(summary, lines);
    }

    /** The cell was stopped by the learner. */
    CellError interrupted(SnippetOrigin origin) {
        String summary = "Interrupted: the cell was stopped while running line " + origin.cellLine(1) + ".";
        return new CellError(summary, List.of(summary,
                "Variables assigned by the interrupted code may hold partial results."));
    }

    /** The cell was stopped while it waited for the kernel to finish starting. */
    static CellError interruptedBeforeStart() {
        String summary = "Interrupted: the cell was stopped before it started (the kernel was still starting).";
        return new CellError(summary, List.of(summary));
    }

    /** A problem with a magic line such as {@code %classpath}. */
    static CellError magic(String summary) {
        return new CellError(summary, List.of(summary));
    }

    private CellError unresolved(UnresolvedReferenceException e) {
        DeclarationSnippet snippet = e.getSnippet();
        List<String> missing = shell.unresolvedDependencies(snippet).collect(Collectors.toList());
        String summary = "'" + snippet.name() + "' cannot be used yet: it needs "
                + (missing.isEmpty() ? "a definition that is missing" : String.join(", ", missing))
                + ", which is not defined. Run the cell that defines it first.";
        return new CellError(summary, List.of(summary));
    }

    /** "where" lines: the frame that threw (if not the learner's) and the learner's own frames. */
    private List<String> whereLines(StackTraceElement[] trace, int currentCell) {
        List<String> lines = new ArrayList<>();
        boolean first = true;
        int userFrames = 0;
        for (StackTraceElement frame : trace) {
            SnippetOrigin origin = originOf(frame);
            if (origin != null) {
                if (userFrames++ < MAX_USER_FRAMES) {
                    int cellLine = origin.cellLine(frame.getLineNumber());
                    String where = origin.cell() == currentCell
                            ? "line " + cellLine
                            : "line " + cellLine + " of cell [" + origin.cell() + "]";
                    lines.add("    at " + where + ": " + origin.lineText(cellLine));
                }
            } else if (first && !isMachinery(frame)) {
                lines.add("    thrown in " + frame.getClassName() + "." + frame.getMethodName()
                        + (frame.getFileName() != null && frame.getLineNumber() > 0
                        ? " (" + frame.getFileName() + ":" + frame.getLineNumber() + ")" : ""));
            }
            first = false;
        }
        return lines;
    }

    private SnippetOrigin originOf(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#") || frame.getLineNumber() <= 0) {
            return null;
        }
        return origins.get(file.substring(1));
    }

    private static boolean isMachinery(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.startsWith("REPL.") || c.startsWith("jdk.internal.reflect.") || c.startsWith("java.lang.reflect.")
                || c.startsWith("dev.flatline.kernel.");
    }

    private static String headline(Throwable t) {
        String type = t instanceof EvalException ? ((EvalException) t).getExceptionClassName() : t.getClass().getName();
        String message = t.getMessage();
        if (ExitGuard.ExitRefusedException.class.getName().equals(type)) {
            return message; // already a sentence for the learner; the type name would only distract
        }
        type = shortType(type);
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    /** {@code java.lang.} types are known by their simple names; others keep their package. */
    static String shortType(String className) {
        if (className.startsWith("java.lang.") && className.indexOf('.', "java.lang.".length()) < 0) {
            return className.substring("java.lang.".length());
        }
        return className;
    }

    private static int depth(Throwable t) {
        int n = 0;
        for (Throwable c = t; c != null && n < 100; c = c.getCause()) {
            n++;
        }
        return n;
    }

    private static String compilerMessage(Diag diag) {
        return diag.getMessage(Locale.ROOT).lines()
                .filter(l -> !l.strip().startsWith("location:"))
                .collect(Collectors.joining("\n"));
    }
}
