package dev.flatline.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of a CSV file as the text they hold (same record rules as {@link CsvData}: RFC 4180
 * quoting, unquoted cells trimmed, blank lines skipped), for commands that copy rows to a new file
 * without changing how their values are written. Validate the file with {@link CsvData} first: this
 * class only splits records, and its rows line up with {@link LabelledData#table()}'s.
 */
public final class CsvText {

    private final List<String> header;
    private final List<String[]> rows;

    private CsvText(List<String> header, List<String[]> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads a comma-separated file (plain or gzipped UTF-8).
     *
     * @throws DataException if it cannot be read or has no header
     */
    public static CsvText read(Path path) {
        String source = "file '" + path.toAbsolutePath().normalize() + "'";
        try (InputStream in = Files.newInputStream(path); Reader text = CsvData.text(in)) {
            CsvRecordReader records = new CsvRecordReader(text, ',', source);
            List<String> header = records.next();
            if (header == null) {
                throw new DataException("The " + source + " is empty. Expected a header line with column names.");
            }
            List<String[]> rows = new ArrayList<>();
            List<String> record;
            while ((record = records.next()) != null) {
                rows.add(record.toArray(new String[0]));
            }
            return new CsvText(List.copyOf(header), rows);
        } catch (CharacterCodingException e) {
            throw new DataException("The " + source + " is not UTF-8 text. Save it as UTF-8 CSV.", e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + source + ": " + e.getMessage(), e);
        }
    }

    /** Column names, in file order. */
    public List<String> header() {
        return header;
    }

    /** Data rows (the header not counted). */
    public int rowCount() {
        return rows.size();
    }

    /** The cells of data row {@code row} (0-based), as text; do not change the array. */
    public String[] row(int row) {
        return rows.get(row);
    }

    /** One CSV line (no line break) with cells quoted where RFC 4180 needs it. */
    public static String line(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String cell = cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0 || !cell.equals(cell.trim());
            line.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.toString();
    }
}
