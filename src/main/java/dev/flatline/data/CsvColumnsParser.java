package dev.flatline.data;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns CSV text into validated {@link Columns}: a header row, one target column whose values are
 * class names, and numeric feature columns. Every problem becomes a {@link DataException} naming the
 * source, the column, the line (1-based, the header is line 1) and what to do.
 *
 * <p>Cells that are empty or spell a common missing-value marker ({@code NA}, {@code N/A}, {@code ?},
 * {@code null}, {@code None}, any case) count as missing. Feature values must parse with
 * {@link Double#parseDouble} and be finite.
 */
final class CsvColumnsParser {

    private static final Set<String> MISSING_MARKERS = Set.of("", "na", "n/a", "?", "null", "none");

    private final String source;
    private final String target;
    private final Set<String> ignored;
    private final char separator;

    CsvColumnsParser(String source, String target, Set<String> ignored, char separator) {
        this.source = source;
        this.target = target;
        this.ignored = ignored;
        this.separator = separator;
    }

    Columns parse(Reader text) throws IOException {
        CsvRecordReader records = new CsvRecordReader(text, separator, source);
        List<String> header = records.next();
        if (header == null) {
            throw emptyFile();
        }
        int headerLine = records.recordLine();
        checkHeader(header, headerLine);
        int targetIndex = targetIndex(header);
        int[] featureIndices = featureIndices(header, targetIndex);

        int width = header.size();
        int features = featureIndices.length;
        int capacity = 1024;
        double[][] values = new double[features][capacity];
        List<String> labels = new ArrayList<>(1024);
        Map<String, String> internedLabels = new HashMap<>();
        int rows = 0;
        List<String> record;
        while ((record = records.next()) != null) {
            int line = records.recordLine();
            checkWidth(record, header, line);
            String label = record.get(targetIndex);
            if (isMissing(label)) {
                throw missingLabel(label, line);
            }
            labels.add(internedLabels.computeIfAbsent(label, l -> l));
            if (rows == capacity) {
                capacity *= 2;
                for (int j = 0; j < features; j++) {
                    values[j] = Arrays.copyOf(values[j], capacity);
                }
            }
            for (int j = 0; j < features; j++) {
                int column = featureIndices[j];
                values[j][rows] = parseFeature(record.get(column), header.get(column), line);
            }
            rows++;
        }
        if (rows == 0) {
            throw noRows(headerLine);
        }
        if (rows < 2) {
            throw new DataException(capitalised(source) + " has only 1 data row; at least 2 are needed to split it "
                    + "into training and test parts. Add more rows.");
        }
        Set<String> classes = new HashSet<>(labels);
        if (classes.size() < 2) {
            throw singleClass(labels.get(0), rows);
        }
        List<String> featureNames = new ArrayList<>(features);
        for (int j = 0; j < features; j++) {
            values[j] = Arrays.copyOf(values[j], rows);
            featureNames.add(header.get(featureIndices[j]));
        }
        return new Columns(source, target, List.copyOf(featureNames), values, labels.toArray(new String[0]));
    }

    private double parseFeature(String cell, String column, int line) {
        if (isMissing(cell)) {
            throw missingValue(cell, column, line);
        }
        double value = parseNumber(cell, column, line);
        if (!Double.isFinite(value)) {
            throw nonFinite(cell, column, line);
        }
        return value;
    }

    // The messages below are shared with StreamingScan, which finds the same problems while streaming.

    /** A feature cell as a number (NaN and infinities included), or the non-numeric-value message. */
    double parseNumber(String cell, String column, int line) {
        double whole = wholeNumber(cell);
        if (!Double.isNaN(whole)) {
            return whole;
        }
        try {
            return Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new DataException("Non-numeric value '" + cell + "' in feature column '" + column + "' at line "
                    + line + " of " + source + ". Every column except the target ('" + target + "') must hold "
                    + "numbers: encode categories as integers (0, 1, 2, ...), drop the column with ignoreColumns(\""
                    + column + "\"), or choose it as the target.", e);
        }
    }

    /**
     * A cell of at most 15 digits with an optional minus sign as its exact value, else NaN: the common
     * case of codes and counts, several times faster than {@link Double#parseDouble} and exactly equal to
     * it (such integers are exact doubles).
     */
    static double wholeNumber(String cell) {
        int n = cell.length();
        int i = n > 0 && cell.charAt(0) == '-' ? 1 : 0;
        if (n == i || n - i > 15) {
            return Double.NaN;
        }
        long value = 0;
        for (int k = i; k < n; k++) {
            char c = cell.charAt(k);
            if (c < '0' || c > '9') {
                return Double.NaN;
            }
            value = value * 10 + (c - '0');
        }
        return i == 1 ? (value == 0 ? -0.0 : -value) : value;
    }

    DataException missingValue(String cell, String column, int line) {
        return new DataException("Missing value in column '" + column + "' at line " + line + " of " + source
                + (cell.isEmpty() ? "" : " ('" + cell + "')") + ". Every feature cell must hold a number: "
                + "remove the row, fill in (impute) the value, or drop the column with ignoreColumns(\""
                + column + "\").");
    }

    DataException nonFinite(String cell, String column, int line) {
        return new DataException("Value '" + cell + "' in feature column '" + column + "' at line " + line + " of "
                + source + " is not a finite number (NaN or infinity). Replace it with a real value or remove "
                + "the row: NaN and infinity make every training step produce NaN.");
    }

    DataException missingLabel(String label, int line) {
        return new DataException("Missing class label in target column '" + target + "' at line " + line
                + " of " + source + " (value '" + label + "'). Every row needs a class: remove the row "
                + "or fill in its class.");
    }

    DataException emptyFile() {
        return new DataException(capitalised(source) + " is empty. Expected a header line with column names, "
                + "then at least 2 data rows, one of them per line.");
    }

    DataException noRows(int headerLine) {
        return new DataException(capitalised(source) + " has a header (line " + headerLine
                + ") but no data rows. Add at least 2 rows, one per line below the header.");
    }

    DataException singleClass(String label, long rows) {
        return new DataException("Target column '" + target + "' of " + source + " has a single class ('"
                + label + "', all " + rows + " rows). A classifier needs at least 2 classes: check "
                + "that '" + target + "' is the right column, or add rows of the other classes.");
    }

    void checkWidth(List<String> record, List<String> header, int line) {
        if (record.size() < header.size()) {
            List<String> missing = header.subList(record.size(), header.size());
            throw new DataException("Missing values at line " + line + " of " + source + ": it has "
                    + record.size() + " values but the header has " + header.size() + " columns, so column"
                    + (missing.size() == 1 ? " " : "s ") + quoted(missing) + " get no value. Fill in the "
                    + "missing cells (empty cells need their separators, e.g. 1,,3) or remove the row.");
        }
        if (record.size() > header.size()) {
            throw new DataException("Too many values at line " + line + " of " + source + ": it has "
                    + record.size() + " values but the header has " + header.size() + " columns. Check for an "
                    + "unquoted separator ('" + separator + "') inside a value, or a missing header name.");
        }
    }

    void checkHeader(List<String> header, int line) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isBlank()) {
                throw new DataException("Column " + (i + 1) + " has no name in the header (line " + line + ") of "
                        + source + ". Give every column a name in the first line.");
            }
            // Names that differ only by case are different columns (Sc.Var.Maxis and Sc.Var.maxis);
            // only exactly equal names are ambiguous.
            Integer earlier = seen.putIfAbsent(name, i);
            if (earlier != null) {
                throw new DataException("Duplicate column name '" + name + "' in the header (line " + line + ") of "
                        + source + ": columns " + (earlier + 1) + " and " + (i + 1) + " have exactly the same name, "
                        + "so neither can be chosen by name. Rename one of them.");
            }
        }
    }

    int targetIndex(List<String> header) {
        int index = header.indexOf(target);
        if (index >= 0) {
            return index;
        }
        String hint = header.stream().filter(n -> n.equalsIgnoreCase(target)).findFirst()
                .map(n -> " Did you mean '" + n + "'? (names are case-sensitive)").orElse("");
        throw new DataException("Target column '" + target + "' not found in " + source + "." + hint
                + " Available columns: " + quoted(header) + ". Pass one of them to target(...).");
    }

    int[] featureIndices(List<String> header, int targetIndex) {
        for (String name : ignored) {
            if (!header.contains(name)) {
                throw new DataException("Column '" + name + "' given to ignoreColumns(...) is not in " + source
                        + ". Available columns: " + quoted(header) + ".");
            }
        }
        if (ignored.contains(target)) {
            throw new DataException("Column '" + target + "' is the target and cannot also be ignored. Remove it "
                    + "from ignoreColumns(...).");
        }
        int[] indices = new int[header.size()];
        int count = 0;
        for (int i = 0; i < header.size(); i++) {
            if (i != targetIndex && !ignored.contains(header.get(i))) {
                indices[count++] = i;
            }
        }
        if (count == 0) {
            throw new DataException(capitalised(source) + " has no feature columns: only the target '" + target
                    + "'" + (ignored.isEmpty() ? "" : " and ignored columns") + ". Add numeric feature columns.");
        }
        return Arrays.copyOf(indices, count);
    }

    static boolean isMissing(String cell) {
        // Every marker starts with a letter or '?'; a cell starting with a digit or sign is not one
        // (checked first: this runs for every cell of files with hundreds of millions of them).
        if (cell.isEmpty()) {
            return true;
        }
        char first = cell.charAt(0);
        if (first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.') {
            return false;
        }
        return cell.length() <= 4 && MISSING_MARKERS.contains(cell.toLowerCase(Locale.ROOT));
    }

    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
