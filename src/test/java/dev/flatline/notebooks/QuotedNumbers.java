package dev.flatline.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The course's rule for numbers in prose: a <b>bold span that contains a digit</b> ({@code **0.786**},
 * {@code **6 of 7**}) quotes something the notebook computes, so the executed notebook must show it,
 * verbatim, in the output of a code cell before that markdown cell or of the code cell right after it.
 * Outputs count as a reader sees them: stream text, {@code text/plain}, and {@code text/html} with its
 * tags, scripts and styles removed. A match must not be part of a longer number ({@code 0.78} is not
 * shown by {@code 0.786}). Bold without a digit is ordinary emphasis and is not checked.
 *
 * <p>Run on executed notebooks by {@link NotebooksIT}; also runnable by hand:
 * {@code java -cp target/test-classes:target/classes:target/lib/* dev.flatline.notebooks.QuotedNumbers build/notebooks/*.ipynb}.
 */
final class QuotedNumbers {

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*", Pattern.DOTALL);
    private static final Pattern DIGIT = Pattern.compile("\\d");
    private static final Pattern HIDDEN_HTML = Pattern.compile("<(script|style)\\b.*?</\\1\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    /** A quoted number that no allowed output shows. */
    record Unshown(int cell, String quoted) {
        @Override
        public String toString() {
            return "markdown cell " + cell + ": **" + quoted + "**";
        }
    }

    private QuotedNumbers() {
    }

    /** The bold spans of a markdown text that contain a digit, whitespace collapsed. */
    static List<String> quoted(String markdown) {
        List<String> found = new ArrayList<>();
        Matcher m = BOLD.matcher(markdown);
        while (m.find()) {
            String span = collapse(m.group(1));
            if (DIGIT.matcher(span).find()) {
                found.add(span);
            }
        }
        return found;
    }

    /** What a reader sees of a code cell's outputs, as text (whitespace collapsed). */
    static String visibleText(JsonNode codeCell) {
        StringBuilder text = new StringBuilder();
        for (JsonNode output : codeCell.path("outputs")) {
            if (output.path("output_type").asText().equals("stream")) {
                text.append(joined(output.get("text")));   // printf arrives in pieces: join them as printed
                continue;
            }
            JsonNode data = output.path("data");
            text.append('\n').append(joined(data.get("text/plain")));
            String html = joined(data.get("text/html"));
            html = TAG.matcher(HIDDEN_HTML.matcher(html).replaceAll(" ")).replaceAll(" ");
            text.append('\n').append(unescape(html)).append('\n');
        }
        return collapse(text.toString());
    }

    /** Whether {@code text} contains {@code quoted} not as part of a longer number. */
    static boolean shows(String text, String quoted) {
        for (int at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
            int end = at + quoted.length();
            boolean digitBefore = at > 0 && (Character.isDigit(text.charAt(at - 1))
                    || (text.charAt(at - 1) == '.' && at > 1 && Character.isDigit(text.charAt(at - 2))
                    && Character.isDigit(quoted.charAt(0))));
            boolean digitAfter = end < text.length() && (Character.isDigit(text.charAt(end))
                    || (text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))
                    && Character.isDigit(quoted.charAt(quoted.length() - 1))));
            if (!digitBefore && !digitAfter) {
                return true;
            }
        }
        return false;
    }

    /** Every quoted number of an executed notebook that it does not show where the rule says. */
    static List<Unshown> unshown(JsonNode notebook) {
        JsonNode cells = notebook.get("cells");
        List<Unshown> missing = new ArrayList<>();
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (cell.path("cell_type").asText().equals("code")) {
                before.append('\n').append(visibleText(cell));
                continue;
            }
            if (!cell.path("cell_type").asText().equals("markdown")) {
                continue;
            }
            String next = "";
            for (int j = i + 1; j < cells.size(); j++) {
                if (cells.get(j).path("cell_type").asText().equals("code")) {
                    next = visibleText(cells.get(j));
                    break;
                }
            }
            for (String quoted : quoted(joined(cell.get("source")))) {
                if (!shows(before.toString(), quoted) && !shows(next, quoted)) {
                    missing.add(new Unshown(i, quoted));
                }
            }
        }
        return missing;
    }

    static List<Unshown> unshown(Path executedNotebook) throws IOException {
        return unshown(new ObjectMapper().readTree(executedNotebook.toFile()));
    }

    private static String joined(JsonNode textOrLines) {
        if (textOrLines == null || textOrLines.isNull()) {
            return "";
        }
        if (!textOrLines.isArray()) {
            return textOrLines.asText();
        }
        StringBuilder text = new StringBuilder();
        textOrLines.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static String unescape(String html) {
        return html.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Checks executed notebooks given as arguments; prints each unshown number; exit 1 if any. */
    public static void main(String[] args) throws IOException {
        int count = 0;
        for (String arg : args) {
            for (Unshown u : unshown(Path.of(arg))) {
                System.out.println(Path.of(arg).getFileName() + ", " + u);
                count++;
            }
        }
        System.out.println(count == 0 ? "every quoted number is shown" : count + " quoted numbers not shown");
        System.exit(count == 0 ? 0 : 1);
    }
}
