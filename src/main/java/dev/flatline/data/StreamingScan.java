package dev.flatline.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file of any size once, streaming, in memory bounded by the sample rather than the file:
 * class counts and per-column and per-class statistics over every row ({@link DataSummary}), and at
 * the same time a seeded stratified sample that keeps every row of the rare classes
 * ({@link StratifiedSample}).
 *
 * <pre>{@code
 * ScannedData big = StreamingScan.of(Path.of("big.csv")).target("class").seed(0).progress(System.err).run();
 * big.summary().classCounts();   // over every row
 * big.sample();                  // LabelledData to train and check a model on
 * }</pre>
 *
 * <p>The file format and the messages for bad input are those of {@link CsvData} (file, line, column,
 * value and what to do), found while streaming: a non-numeric cell, a missing class, a row of the wrong
 * width stop the read at once; missing and non-finite feature cells are counted to the end, with the
 * first line of each, and then reported together. Memory: at most
 * {@code classes x max(sampleRows, rareRows) x features} doubles for the reservoirs, plus constant
 * work per column; a class column with more than {@value #MAX_CLASSES} distinct values is refused.
 */
public final class StreamingScan {

    /** More distinct classes than this is not a class column (the sample would not be bounded). */
    public static final int MAX_CLASSES = 10_000;
    private static final int PROGRESS_EVERY = 1 << 14;

    private final Path path;
    private String target = CsvData.DEFAULT_TARGET;
    private long seed = CsvData.DEFAULT_SEED;
    private int sampleRows = StratifiedSample.DEFAULT_SAMPLE_ROWS;
    private int rareRows = StratifiedSample.DEFAULT_RARE_ROWS;
    private PrintStream progress;
    private String name;
    private final Set<String> ignored = new LinkedHashSet<>();

    private StreamingScan(Path path) {
        this.path = path;
    }

    /** Starts a scan of the CSV file at {@code path} (plain or gzipped UTF-8). */
    public static StreamingScan of(Path path) {
        if (path == null) {
            throw new DataException("No CSV file given (path is null). Pass the path of a CSV file.");
        }
        return new StreamingScan(path);
    }

    /** The class column (default "class"). */
    public StreamingScan target(String columnName) {
        if (columnName == null || columnName.isBlank()) {
            throw new DataException("Target column name is empty. Pass the name of the class column as it "
                    + "appears in the header.");
        }
        this.target = columnName;
        return this;
    }

    /** Seed of the sample and of its split. */
    public StreamingScan seed(long s) {
        this.seed = s;
        return this;
    }

    /** The sample's size when the rare classes leave room (default {@value StratifiedSample#DEFAULT_SAMPLE_ROWS}). */
    public StreamingScan sampleRows(int rows) {
        this.sampleRows = rows;
        return this;
    }

    /** Classes with at most this many rows are kept whole (default {@value StratifiedSample#DEFAULT_RARE_ROWS}). */
    public StreamingScan rareRows(int rows) {
        this.rareRows = rows;
        return this;
    }

    /** Where to draw the progress line of long reads (e.g. {@code System.err}); none by default. */
    public StreamingScan progress(PrintStream terminal) {
        this.progress = terminal;
        return this;
    }

    /** The data's name in reports (default: the file name without extensions). */
    public StreamingScan name(String dataName) {
        this.name = dataName;
        return this;
    }

    /** Columns to leave out (ids, free text, dates). */
    public StreamingScan ignoreColumns(String... columnNames) {
        ignored.addAll(List.of(columnNames));
        return this;
    }

    /**
     * Reads the file once.
     *
     * @throws DataException for anything the file or the settings get wrong, or when the sample does not
     *                       fit in memory
     */
    public ScannedData run() {
        StratifiedSample.checkSizes(sampleRows, rareRows);
        String source = "file '" + path.toAbsolutePath().normalize() + "'";
        CsvData.from(path).checkReadable(source);
        try (InputStream file = Files.newInputStream(path);
                ScanProgress counted = new ScanProgress(file, progress, path.getFileName().toString(), Files.size(path));
                Reader text = CsvData.text(counted)) {
            return read(text, source, counted);
        } catch (CharacterCodingException e) {
            throw new DataException(Character.toUpperCase(source.charAt(0)) + source.substring(1)
                    + " is not UTF-8 text (" + e + "). Save it as UTF-8 CSV (e.g. \"CSV UTF-8\" in a spreadsheet).", e);
        } catch (IOException e) {
            throw new DataException("Cannot read " + source + ": " + e.getMessage() + ". Check that the file is "
                    + "readable and not being written to.", e);
        } catch (OutOfMemoryError e) {
            throw new DataException("Out of memory while keeping a sample of up to " + Math.max(sampleRows, rareRows)
                    + " rows per class of " + source + " (Java heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MB). Use a smaller sample (--sample-rows) or give Java more memory (e.g. JAVA_TOOL_OPTIONS=-Xmx4g).");
        }
    }

    private ScannedData read(Reader text, String source, ScanProgress counted) throws IOException {
        CsvColumnsParser parser = new CsvColumnsParser(source, target, Set.copyOf(ignored), ',');
        CsvRecordReader records = new CsvRecordReader(text, ',', source);
        List<String> header = records.next();
        if (header == null) {
            throw parser.emptyFile();
        }
        int headerLine = records.recordLine();
        parser.checkHeader(header, headerLine);
        int targetIndex = parser.targetIndex(header);
        int[] featureIndices = parser.featureIndices(header, targetIndex);
        int features = featureIndices.length;
        List<String> featureNames = new ArrayList<>(features);
        for (int index : featureIndices) {
            featureNames.add(header.get(index));
        }
        ColumnAccumulator[] all = newAccumulators(features);
        Map<String, Integer> classIndex = new HashMap<>();
        List<String> classNames = new ArrayList<>();
        List<ColumnAccumulator[]> byClass = new ArrayList<>();
        List<ClassReservoir> reservoirs = new ArrayList<>();
        int capacity = Math.max(sampleRows, rareRows);
        double[] row = new double[features];
        String[] firstBadCell = new String[2 * features];   // per column: first missing, first non-finite text
        long rows = 0;
        List<String> record;
        while ((record = records.next()) != null) {
            int line = records.recordLine();
            parser.checkWidth(record, header, line);
            String label = record.get(targetIndex);
            if (CsvColumnsParser.isMissing(label)) {
                throw parser.missingLabel(label, line);
            }
            Integer k = classIndex.get(label);
            if (k == null) {
                if (classNames.size() == MAX_CLASSES) {
                    throw new DataException("Target column '" + target + "' of " + source + " has more than "
                            + MAX_CLASSES + " distinct values by line " + line + ": it does not look like a class "
                            + "column. Check that '" + target + "' is the right column.");
                }
                k = classNames.size();
                classIndex.put(label, k);
                classNames.add(label);
                byClass.add(newAccumulators(features));
                // Each class its own random stream, so its sample depends only on its own rows.
                reservoirs.add(new ClassReservoir(features, capacity, seed * 0x9E3779B97F4A7C15L + label.hashCode()));
            }
            ColumnAccumulator[] classColumns = byClass.get(k);
            boolean usable = true;
            for (int j = 0; j < features; j++) {
                String cell = record.get(featureIndices[j]);
                if (CsvColumnsParser.isMissing(cell)) {
                    if (firstBadCell[2 * j] == null) {
                        firstBadCell[2 * j] = cell;
                    }
                    all[j].missing(line);
                    classColumns[j].missing(line);
                    usable = false;
                    continue;
                }
                double value = parser.parseNumber(cell, featureNames.get(j), line);
                if (!Double.isFinite(value)) {
                    if (firstBadCell[2 * j + 1] == null) {
                        firstBadCell[2 * j + 1] = cell;
                    }
                    all[j].nonFinite(line);
                    classColumns[j].nonFinite(line);
                    usable = false;
                    continue;
                }
                all[j].add(value);
                classColumns[j].add(value);
                row[j] = value;
            }
            if (usable) {
                reservoirs.get(k).offer(row);
            }
            rows++;
            if ((rows & (PROGRESS_EVERY - 1)) == 0) {
                counted.rows(rows);
            }
        }
        counted.done(rows);
        if (rows == 0) {
            throw parser.noRows(headerLine);
        }
        if (classNames.size() < 2) {
            throw parser.singleClass(classNames.get(0), rows);
        }
        List<ColumnSummary> columns = summaries(all);
        reportBadCells(parser, featureNames, columns, firstBadCell);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<ColumnSummary>> perClass = new LinkedHashMap<>();
        for (int k = 0; k < classNames.size(); k++) {
            counts.put(classNames.get(k), reservoirs.get(k).seen());
            perClass.put(classNames.get(k), summaries(byClass.get(k)));
        }
        ClassCounts classCounts = ClassCounts.of(counts);
        DataSummary summary = new DataSummary(source, target, featureNames, classCounts, columns, perClass,
                String.format(Locale.ROOT, "streamed once on this machine (%,d rows, %.1f s, %.0f MB/s)", rows,
                        counted.seconds(), counted.bytes() / 1e6 / Math.max(1e-9, counted.seconds())));
        LabelledData sample = sample(source, featureNames, classNames, reservoirs, classCounts);
        return new ScannedData(summary, sample, counted.bytes(), counted.seconds());
    }

    private LabelledData sample(String source, List<String> featureNames, List<String> classNames,
            List<ClassReservoir> reservoirs, ClassCounts classCounts) {
        Map<String, Long> quotas = StratifiedSample.quotas(classCounts, sampleRows, rareRows);
        int total = 0;
        for (long q : quotas.values()) {
            total += (int) q;
        }
        double[][] values = new double[featureNames.size()][total];
        String[] labels = new String[total];
        int offset = 0;
        for (int k = 0; k < classNames.size(); k++) {   // file order of first appearance, like a loaded file
            int quota = quotas.get(classNames.get(k)).intValue();
            reservoirs.get(k).drawInto(quota, values, offset);
            java.util.Arrays.fill(labels, offset, offset + quota, classNames.get(k));
            offset += quota;
        }
        String dataName = name != null ? name : CsvData.baseName(path);
        return StratifiedSample.labelledData(dataName, source, target, featureNames, values, labels, seed);
    }

    /** Missing or non-finite feature cells: the message for the earliest, with the totals. */
    private static void reportBadCells(CsvColumnsParser parser, List<String> names, List<ColumnSummary> columns,
            String[] firstBadCell) {
        long missing = 0;
        long nonFinite = 0;
        int first = -1;
        long firstLine = Long.MAX_VALUE;
        boolean firstIsMissing = false;
        for (int j = 0; j < columns.size(); j++) {
            ColumnSummary c = columns.get(j);
            missing += c.missing();
            nonFinite += c.nonFinite();
            if (c.missing() > 0 && c.firstMissingLine() < firstLine) {
                first = j;
                firstLine = c.firstMissingLine();
                firstIsMissing = true;
            }
            if (c.nonFinite() > 0 && c.firstNonFiniteLine() < firstLine) {
                first = j;
                firstLine = c.firstNonFiniteLine();
                firstIsMissing = false;
            }
        }
        if (first < 0) {
            return;
        }
        List<String> where = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            ColumnSummary c = columns.get(j);
            if (c.missing() > 0) {
                where.add(String.format(Locale.ROOT, "'%s' %,d missing from line %d", names.get(j), c.missing(),
                        c.firstMissingLine()));
            }
            if (c.nonFinite() > 0) {
                where.add(String.format(Locale.ROOT, "'%s' %,d non-finite from line %d", names.get(j), c.nonFinite(),
                        c.firstNonFiniteLine()));
            }
        }
        DataException base = firstIsMissing ? parser.missingValue(firstBadCell[2 * first], names.get(first), (int) firstLine)
                : parser.nonFinite(firstBadCell[2 * first + 1], names.get(first), (int) firstLine);
        throw new DataException(base.getMessage() + String.format(Locale.ROOT,
                " In all the file has %,d missing and %,d non-finite feature cells: %s.", missing, nonFinite,
                String.join("; ", where)));
    }

    private static ColumnAccumulator[] newAccumulators(int features) {
        ColumnAccumulator[] out = new ColumnAccumulator[features];
        for (int j = 0; j < features; j++) {
            out[j] = new ColumnAccumulator();
        }
        return out;
    }

    private static List<ColumnSummary> summaries(ColumnAccumulator[] accumulators) {
        List<ColumnSummary> out = new ArrayList<>(accumulators.length);
        for (ColumnAccumulator a : accumulators) {
            out.add(a.summary());
        }
        return out;
    }
}
