package dev.flatline.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sizes of a stratified sample of data too large to train on, and the sample as
 * {@link LabelledData}: every row of a rare class is kept (up to {@code rareRows}), and the common
 * classes share the rest of {@code sampleRows} in proportion to their counts, each keeping at least
 * {@code rareRows}. The rare rows are all kept because they are what an imbalanced model gets wrong: a
 * proportional sample of 50,000 out of 50 million rows would keep about 10 of the 10,000 rows of Shuttle's rarest class.
 * The sample is therefore less imbalanced than the file; the class counts over every row are in the
 * {@link DataSummary}.
 */
public final class StratifiedSample {

    /**
     * Rows kept for training and testing the checked model, by default: about Shuttle's size, on which
     * the default checkup takes a few seconds, so the remedies fit in the default budget.
     */
    public static final int DEFAULT_SAMPLE_ROWS = 50_000;
    /** A class with at most this many rows is kept whole, by default; a common class keeps at least this many. */
    public static final int DEFAULT_RARE_ROWS = 10_000;

    private StratifiedSample() {
    }

    /**
     * Rows to keep per class.
     *
     * @param counts     rows per class over every row
     * @param sampleRows the sample's size when the rare classes leave room (at least {@code rareRows})
     * @param rareRows   classes this small are kept whole
     * @return class to rows kept, most common class first
     */
    public static Map<String, Long> quotas(ClassCounts counts, int sampleRows, int rareRows) {
        checkSizes(sampleRows, rareRows);
        long rareTotal = 0;
        long commonTotal = 0;
        for (String c : counts.classes()) {
            if (counts.get(c) <= rareRows) {
                rareTotal += counts.get(c);
            } else {
                commonTotal += counts.get(c);
            }
        }
        long room = Math.max(0, sampleRows - rareTotal);
        Map<String, Long> quotas = new LinkedHashMap<>();
        for (String c : counts.classes()) {
            long n = counts.get(c);
            quotas.put(c, n <= rareRows ? n
                    : Math.min(n, Math.max(rareRows, (long) Math.floor((double) room * n / commonTotal))));
        }
        return quotas;
    }

    static void checkSizes(int sampleRows, int rareRows) {
        if (rareRows < 1 || sampleRows < rareRows) {
            throw new DataException("The sample needs 1 <= rare rows <= sample rows, got " + rareRows + " and "
                    + sampleRows + ". Give a sample of at least as many rows as a rare class keeps.");
        }
    }

    /**
     * A sample's rows as {@link LabelledData} with the usual stratified split (20% test, seeded).
     *
     * @param name     the data's name in reports
     * @param source   where the rows came from, for messages
     * @param target   the class column
     * @param features feature names
     * @param values   {@code values[feature][row]}, finite
     * @param labels   each row's class
     * @param seed     the split's seed
     */
    public static LabelledData labelledData(String name, String source, String target, List<String> features,
            double[][] values, String[] labels, long seed) {
        Columns columns = new Columns(source, target, List.copyOf(new ArrayList<>(features)), values, labels);
        return LabelledData.split(name, columns, seed, CsvData.DEFAULT_TEST_FRACTION);
    }
}
