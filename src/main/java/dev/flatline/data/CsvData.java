package dev.flatline.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Loads a user's CSV file as {@link LabelledData}, fluently, in the style of Tablesaw's read options:
 *
 * <pre>{@code
 * LabelledData data = CsvData.from(Path.of("my.csv"))
 *         .target("class")        // the class column (default "class")
 *         .testFraction(0.2)      // default 0.2
 *         .seed(1)                // default 0
 *         .load();
 * }</pre>
 *
 * <p>Expected format: UTF-8 text (gzipped is fine), a header line with unique column names, one row
 * per line. The target's values are class names, even when they look like numbers ({@code 0}/{@code 1}
 * are the classes "0" and "1"; "1" and "1.0" would be two different classes). Every other column
 * must be a finite number in every row, unless named in {@link #ignoreColumns(String...)}. Empty
 * cells and the markers {@code NA}, {@code N/A}, {@code ?}, {@code null}, {@code None} count as
 * missing, which is an error: flatline does not impute silently. Every problem is reported as a
 * {@link DataException} naming the file, the column and the line (1-based as in an editor; the
 * header is line 1) and saying what to do. The file is only read, never modified.
 *
 * <p>A builder: each setter changes this object and returns it; {@link #load()} can be called again.
 */
public final class CsvData {

    /** The target column used when {@link #target(String)} is not called. */
    public static final String DEFAULT_TARGET = "class";
    /** The test fraction used when {@link #testFraction(double)} is not called. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    /** The split seed used when {@link #seed(long)} is not called. */
    public static final long DEFAULT_SEED = 0L;

    private final Path path;
    private String target = DEFAULT_TARGET;
    private double testFraction = DEFAULT_TEST_FRACTION;
    private long seed = DEFAULT_SEED;
    private char separator = ',';
    private String name;
    private final Set<String> ignored = new LinkedHashSet<>();

    private CsvData(Path path) {
        this.path = path;
    }

    /** Starts loading the CSV file at {@code path} (plain or gzipped). */
    public static CsvData from(Path path) {
        if (path == null) {
            throw new DataException("No CSV file given (path is null). Pass the path of a CSV file.");
        }
        return new CsvData(path);
    }

    /** Starts loading the CSV file at {@code path}, resolved against the working directory. */
    public static CsvData from(String path) {
        if (path == null || path.isBlank()) {
            throw new DataException("No CSV file given (path is empty). Pass the path of a CSV file.");
        }
        return from(Path.of(path));
    }

    /** The name of the class column (case-sensitive). */
    public CsvData target(String columnName) {
        if (columnName == null || columnName.isBlank()) {
            throw new DataException("Target column name is empty. Pass the name of the class column as it "
                    + "appears in the header.");
        }
        this.target = columnName;
        return this;
    }

    /**
     * The share of each class that goes to the test part, strictly between 0 and 1.
     *
     * @throws DataException if it is not
     */
    public CsvData testFraction(double fraction) {
        StratifiedSplit.checkFraction("Test fraction", fraction);
        this.testFraction = fraction;
        return this;
    }

    /** The seed for the stratified split: the same seed gives the same split. */
    public CsvData seed(long splitSeed) {
        this.seed = splitSeed;
        return this;
    }

    /** The field separator, {@code ','} unless set (e.g. {@code ';'} or {@code '\t'}). */
    public CsvData separator(char fieldSeparator) {
        if (fieldSeparator == '"' || fieldSeparator == '\n' || fieldSeparator == '\r') {
            throw new DataException("Separator cannot be a double quote or a line break, was "
                    + (int) fieldSeparator + ". Use e.g. ',' ';' or '\\t'.");
        }
        this.separator = fieldSeparator;
        return this;
    }

    /** The dataset's name in output; the file name without extensions unless set. */
    public CsvData name(String datasetName) {
        this.name = datasetName;
        return this;
    }

    /** Columns to leave out (ids, free text, dates), neither features nor target. */
    public CsvData ignoreColumns(String... columnNames) {
        for (String column : columnNames) {
            ignored.add(column);
        }
        return this;
    }

    /**
     * Reads, validates and splits the file.
     *
     * @throws DataException for anything the file or the settings get wrong
     */
    public LabelledData load() {
        String source = "file '" + path.toAbsolutePath().normalize() + "'";
        checkReadable(source);
        Columns columns;
        try (InputStream in = Files.newInputStream(path)) {
            columns = parse(in, source, target, ignored, separator);
        } catch (IOException e) {
            throw new DataException("Cannot read " + source + ": " + e.getMessage() + ". Check that the file is "
                    + "readable and not being written to.", e);
        }
        return LabelledData.split(name != null ? name : baseName(path), columns, seed, testFraction);
    }

    /** Parses plain or gzipped UTF-8 CSV from a stream (which the caller closes). */
    static Columns parse(InputStream in, String source, String target, Set<String> ignored, char separator)
            throws IOException {
        Reader reader = text(in);
        try {
            return new CsvColumnsParser(source, target, Set.copyOf(ignored), separator).parse(reader);
        } catch (CharacterCodingException e) {
            throw new DataException(source.substring(0, 1).toUpperCase() + source.substring(1)
                    + " is not UTF-8 text (" + e + "). Save it as UTF-8 CSV (e.g. \"CSV UTF-8\" in a spreadsheet).",
                    e);
        }
    }

    /** Strict UTF-8 text from a plain or gzipped stream (malformed bytes are errors, not replaced). */
    static Reader text(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        InputStream data = first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        return new InputStreamReader(data, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    void checkReadable(String source) {
        if (!Files.exists(path)) {
            throw new DataException("Cannot read " + source + ": it does not exist. Check the path (a relative "
                    + "path is resolved against the working directory " + Path.of("").toAbsolutePath() + ").");
        }
        if (Files.isDirectory(path)) {
            throw new DataException("Cannot read " + source + ": it is a directory. Pass the path of a CSV file.");
        }
        if (!Files.isReadable(path)) {
            throw new DataException("Cannot read " + source + ": no permission to read it. Check its "
                    + "permissions (e.g. chmod +r) or copy it somewhere readable.");
        }
    }

    static String baseName(Path path) {
        String fileName = path.getFileName().toString();
        if (fileName.endsWith(".gz")) {
            fileName = fileName.substring(0, fileName.length() - 3);
        }
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
