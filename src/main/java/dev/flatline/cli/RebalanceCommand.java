package dev.flatline.cli;

import dev.flatline.data.CsvData;
import dev.flatline.data.CsvText;
import dev.flatline.data.DataException;
import dev.flatline.data.LabelledData;
import dev.flatline.remedies.RandomOverSampler;
import dev.flatline.remedies.RandomUnderSampler;
import dev.flatline.remedies.Resampled;
import dev.flatline.remedies.Smote;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tech.tablesaw.api.Table;

/**
 * {@code flatline rebalance}: writes a resampled copy of a CSV file — random oversampling, random
 * undersampling or SMOTE, with imbalanced-learn's defaults (every class to the majority count, or to
 * the minority count for undersampling) — and prints the rows per class before and after.
 *
 * <p>The new file has the input's header and column order; copied rows keep the input's cell text,
 * SMOTE's new rows hold Java's shortest exact decimal form of each value. It resamples every row of
 * the file, so give it the training part only: a test set must keep its real class balance. The
 * input is never written; an existing {@code --out} is replaced only with {@code --force}; the file is
 * written to a temporary name beside it and moved into place, so a failure leaves nothing half-written.
 */
@Command(name = "rebalance", mixinStandardHelpOptions = true,
        description = "Write a class-rebalanced copy of a CSV (oversample, undersample or SMOTE) and print the "
                + "class counts before and after.")
public final class RebalanceCommand implements Callable<Integer> {

    /** The resampling methods (given in any case on the command line: {@code --method smote}). */
    enum Method { OVERSAMPLE, UNDERSAMPLE, SMOTE }

    @Option(names = "--data", required = true, description = "CSV file with a header row (your training data).")
    Path data;
    @Option(names = "--target", defaultValue = "class", description = "Class column (default: ${DEFAULT-VALUE}).")
    String target;
    @Option(names = "--method", required = true, description = "oversample, undersample or smote.")
    Method method;
    @Option(names = "--k", description = "SMOTE's neighbours per row (default: " + Smote.DEFAULT_K + ").")
    Integer k;
    @Option(names = "--seed", defaultValue = "0", description = "Seed of the random draws (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--out", required = true, description = "The CSV file to write.")
    Path out;
    @Option(names = "--force", description = "Replace --out if it exists (never the input).")
    boolean force;

    @Override
    public Integer call() throws IOException {
        checkOptions();
        LabelledData loaded = CsvData.from(data).target(target).load();
        Table table = loaded.table();
        String[] labels = table.stringColumn(loaded.targetName()).asObjectArray();
        CsvText text = CsvText.read(data);
        if (text.rowCount() != labels.length) {
            throw new IllegalStateException("read " + text.rowCount() + " rows as text but " + labels.length
                    + " as data from " + data);
        }
        List<String> header = text.header();
        int targetColumn = header.indexOf(loaded.targetName());
        List<String[]> rows = new ArrayList<>();
        switch (method) {
            case OVERSAMPLE -> {
                for (int row : RandomOverSampler.toMajority(seed).sampleRows(labels)) {
                    rows.add(text.row(row));
                }
            }
            case UNDERSAMPLE -> {
                for (int row : RandomUnderSampler.toMinority(seed).sampleRows(labels)) {
                    rows.add(text.row(row));
                }
            }
            case SMOTE -> smoteRows(loaded, table, labels, text, header, targetColumn, rows);
        }
        write(header, rows);
        printCounts(labels, rows, targetColumn);
        return 0;
    }

    private void checkOptions() {
        if (k != null && method != Method.SMOTE) {
            throw new IllegalArgumentException("--k applies only to --method smote (it was given with --method "
                    + method.name().toLowerCase(Locale.ROOT) + "). Leave --k out.");
        }
        if (k != null && k < 1) {
            throw new IllegalArgumentException("--k must be at least 1 neighbour, was " + k + ".");
        }
        Path input = data.toAbsolutePath().normalize();
        Path output = out.toAbsolutePath().normalize();
        try {
            if (input.equals(output) || (Files.exists(output) && Files.exists(input) && Files.isSameFile(input, output))) {
                throw new IllegalArgumentException("--out " + out + " is the input file; flatline never modifies its "
                        + "input. Choose another --out path.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (Files.isDirectory(output)) {
            throw new IllegalArgumentException("--out " + out + " is a directory. Give the path of a CSV file to write.");
        }
        if (Files.exists(output) && !force) {
            throw new IllegalArgumentException("--out " + out + " exists. Choose another path or add --force to "
                    + "replace it.");
        }
        Path parent = output.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("--out " + out + ": the directory " + parent
                    + " does not exist. Create it first or choose another path.");
        }
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException("--out " + out + ": no permission to write in " + parent + ".");
        }
    }

    private void smoteRows(LabelledData loaded, Table table, String[] labels, CsvText text, List<String> header,
            int targetColumn, List<String[]> rows) {
        List<String> features = loaded.featureNames();
        int d = features.size();
        double[] x = new double[labels.length * d];
        for (int c = 0; c < d; c++) {
            double[] column = table.doubleColumn(features.get(c)).asDoubleArray();
            for (int r = 0; r < column.length; r++) {
                x[r * d + c] = column[r];
            }
        }
        Smote smote = Smote.toMajority(seed).withK(k == null ? Smote.DEFAULT_K : k);
        Resampled resampled = smote.resample(x, d, labels);
        for (int r = 0; r < resampled.originalRows(); r++) {
            rows.add(text.row(r));
        }
        int[] featureAt = new int[header.size()];
        for (int h = 0; h < header.size(); h++) {
            featureAt[h] = features.indexOf(header.get(h));
        }
        double[] values = resampled.features();
        for (int r = resampled.originalRows(); r < resampled.rows(); r++) {
            String[] cells = new String[header.size()];
            for (int h = 0; h < cells.length; h++) {
                cells[h] = h == targetColumn ? resampled.labels()[r] : Double.toString(values[r * d + featureAt[h]]);
            }
            rows.add(cells);
        }
    }

    /** Writes to a temporary file beside {@code --out}, then moves it into place. */
    private void write(List<String> header, List<String[]> rows) throws IOException {
        Path output = out.toAbsolutePath().normalize();
        Path temp = Files.createTempFile(output.getParent(), "." + output.getFileName() + ".", ".tmp");
        try {
            try (BufferedWriter writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                writer.write(CsvText.line(header));
                writer.newLine();
                for (String[] row : rows) {
                    writer.write(CsvText.line(Arrays.asList(row)));
                    writer.newLine();
                }
            }
            try {
                Files.move(temp, output, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataException("Cannot write --out " + out + ": " + e.getMessage() + ". Nothing was written.", e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void printCounts(String[] before, List<String[]> rows, int targetColumn) {
        Map<String, int[]> counts = new TreeMap<>();
        for (String label : before) {
            counts.computeIfAbsent(label, l -> new int[2])[0]++;
        }
        for (String[] row : rows) {
            counts.computeIfAbsent(row[targetColumn], l -> new int[2])[1]++;
        }
        int width = Math.max(5, counts.keySet().stream().mapToInt(String::length).max().orElse(5));
        String format = "%-" + width + "s %10s %10s%n";
        System.out.printf(Locale.ROOT, format, "class", "before", "after");
        counts.forEach((label, c) -> System.out.printf(Locale.ROOT, format, label, c[0], c[1]));
        System.out.printf(Locale.ROOT, format, "total", before.length, rows.size());
        System.out.printf(Locale.ROOT, "%s (%s, seed %d) wrote %s%n", method.name().toLowerCase(Locale.ROOT), method == Method.SMOTE
                ? "k=" + (k == null ? Smote.DEFAULT_K : k) : "random", seed, out);
    }
}
