package dev.flatline.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell split into what runs in order: Java code and magic lines ({@code %classpath lib/*.jar}).
 * Each part knows the cell line it starts on, so errors can name the learner's line.
 */
final class CellSource {

    private static final Pattern LINE_MAGIC = Pattern.compile("^\\s*%(?!%)([A-Za-z][\\w-]*)(.*)$");
    private static final Pattern CELL_MAGIC = Pattern.compile("^\\s*%%([A-Za-z][\\w-]*)(.*)$");

    private CellSource() {
    }

    /** A piece of a cell: code, or one magic with its arguments. */
    record Part(boolean magic, String text, String magicName, List<String> args, int firstLine) {
        static Part code(String text, int firstLine) {
            return new Part(false, text, null, List.of(), firstLine);
        }
    }

    /** Splits a cell into code and magic-line parts, in order. */
    static List<Part> parse(String cell) {
        List<Part> parts = new ArrayList<>();
        String[] lines = cell.split("\n", -1);
        StringBuilder code = new StringBuilder();
        int codeStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Matcher cellMagic = CELL_MAGIC.matcher(line);
            if (cellMagic.matches()) {
                throw CellErrors.magic("Unknown cell magic %%" + cellMagic.group(1) + " in line " + (i + 1)
                        + ": this kernel has the line magics %classpath and %jars only.");
            }
            Matcher magic = LINE_MAGIC.matcher(line);
            if (magic.matches()) {
                if (!code.toString().isBlank()) {
                    parts.add(Part.code(code.toString(), codeStart));
                }
                code.setLength(0);
                parts.add(new Part(true, line.strip(), magic.group(1), splitArgs(magic.group(2)), i + 1));
                codeStart = i + 2;
            } else {
                code.append(line).append('\n');
            }
        }
        if (!code.toString().isBlank()) {
            parts.add(Part.code(code.toString(), codeStart));
        }
        return parts;
    }

    /** The cell with magic lines blanked out (same length, so cursor offsets stay valid). */
    static String withoutMagics(String cell) {
        StringBuilder out = new StringBuilder(cell.length());
        for (String line : cell.split("(?<=\n)", -1)) {
            String bare = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            if (LINE_MAGIC.matcher(bare).matches() || CELL_MAGIC.matcher(bare).matches()) {
                out.append(" ".repeat(bare.length())).append(line.endsWith("\n") ? "\n" : "");
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }

    /** Splits magic arguments on white space; single or double quotes keep spaces in one argument. */
    static List<String> splitArgs(String text) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        boolean inArg = false;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inArg = true;
            } else if (Character.isWhitespace(c)) {
                if (inArg) {
                    args.add(current.toString());
                    current.setLength(0);
                    inArg = false;
                }
            } else {
                current.append(c);
                inArg = true;
            }
        }
        if (inArg) {
            args.add(current.toString());
        }
        return args;
    }
}
