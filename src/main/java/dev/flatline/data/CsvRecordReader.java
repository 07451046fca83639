package dev.flatline.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records (RFC 4180: a separator between fields, fields optionally in double
 * quotes, {@code ""} for a quote inside quotes, line breaks allowed inside quotes) and remembers the
 * line each record starts on, so errors can point at the line a user sees in an editor.
 *
 * <p>Hand-written rather than Tablesaw's reader because validation needs the raw cell text and its
 * line number, and because the bundled datasets parse faster this way. Unquoted fields are trimmed;
 * blank lines are skipped.
 */
final class CsvRecordReader {

    private static final int EOF = -1;
    /** Written at the start of UTF-8 files by some Windows tools; not part of the first column name. */
    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private final Reader reader;
    private final char separator;
    private final String source;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushedBack = Integer.MIN_VALUE;
    private int line = 1;
    private int recordLine;
    private final StringBuilder field = new StringBuilder();
    private boolean atStart = true;
    /** Whether the last field of the last record was quoted: {@code ""} alone on a line is not blank. */
    private boolean lastFieldQuoted;

    CsvRecordReader(Reader reader, char separator, String source) {
        this.reader = reader;
        this.separator = separator;
        this.source = source;
    }

    /** The 1-based line on which the record last returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    /** The next non-blank record's fields, or {@code null} at the end of the input. */
    List<String> next() throws IOException {
        if (atStart) {
            atStart = false;
            int first = read();
            if (first != BYTE_ORDER_MARK) {
                unread(first);
            }
        }
        while (true) {
            List<String> record = readRecord();
            if (record == null) {
                return null;
            }
            if (!(record.size() == 1 && record.get(0).isEmpty() && !lastFieldQuoted)) {
                return record;
            }
        }
    }

    private List<String> readRecord() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            if (inQuotes) {
                if (c == EOF) {
                    throw new DataException("Unclosed double quote in " + source + ": the field that starts on line "
                            + recordLine + " has an opening \" but no closing \". Close the quote or remove it.");
                }
                if (c == '"') {
                    int next = read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        inQuotes = false;
                        c = next;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == separator) {
                fields.add(finish(quoted));
                quoted = false;
            } else if (c == '\n' || c == '\r' || c == EOF) {
                if (c == '\r') {
                    int next = read();
                    if (next != '\n') {
                        unread(next);
                    }
                }
                if (c != EOF) {
                    line++;
                }
                fields.add(finish(quoted));
                lastFieldQuoted = quoted;
                return fields;
            } else if (c == '"' && !quoted && field.toString().isBlank()) {
                inQuotes = true;
                quoted = true;
                field.setLength(0);
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private String finish(boolean quoted) {
        String text = quoted ? field.toString() : field.toString().trim();
        field.setLength(0);
        return text;
    }

    private int read() throws IOException {
        if (pushedBack != Integer.MIN_VALUE) {
            int c = pushedBack;
            pushedBack = Integer.MIN_VALUE;
            return c;
        }
        if (position == limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[position++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
