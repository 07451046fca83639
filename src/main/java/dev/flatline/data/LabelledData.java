package dev.flatline.data;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A classification dataset with numeric features, a class column, and a seeded stratified split
 * into training and test parts; the object every flatline notebook step and check starts from.
 *
 * <p>Immutable: every accessor that hands out a table or a Tribuo dataset builds a new one, so callers
 * may change what they get (add example weights, transform it) without affecting this object or
 * anything else built from it. Methods that change the data ({@link #standardised()},
 * {@link #subsampleTrain(int, long)}, {@link #withSplit(long, double)}) return new objects.
 *
 * <p>The split follows {@link StratifiedSplit}: each class with at least 2 rows appears in both parts;
 * a class with a single row is put in the training part only. Both parts keep the file's row order.
 */
public final class LabelledData {

    private final String name;
    private final Columns raw;
    private final Columns columns;
    private final int[] trainRows;
    private final int[] testRows;
    private final long seed;
    private final double testFraction;
    private final Standardisation standardisation;
    private final ClassCounts classCounts;
    private final OffsetDateTime created = OffsetDateTime.now();
    private final AtomicBoolean tableNoteShown = new AtomicBoolean();

    private LabelledData(String name, Columns raw, Columns columns, int[] trainRows, int[] testRows, long seed,
            double testFraction, Standardisation standardisation) {
        this.name = name;
        this.raw = raw;
        this.columns = columns;
        this.trainRows = trainRows;
        this.testRows = testRows;
        this.seed = seed;
        this.testFraction = testFraction;
        this.standardisation = standardisation;
        this.classCounts = ClassCounts.ofLabels(List.of(columns.labels()), "the class column");
    }

    /** Splits validated columns; the way every loader makes a LabelledData. */
    static LabelledData split(String name, Columns columns, long seed, double testFraction) {
        StratifiedSplit.checkFraction("Test fraction", testFraction);
        StratifiedSplit split = StratifiedSplit.split(columns.labels(), testFraction, seed);
        return new LabelledData(name, columns, columns, split.trainRowsShared(), split.heldOutRowsShared(), seed,
                testFraction, null);
    }

    /** The dataset's name (e.g. {@code shuttle}, or the file name without extension). */
    public String name() {
        return name;
    }

    /** The name of the target (class) column. */
    public String targetName() {
        return columns.targetName();
    }

    /** Feature column names, in file order; also the Tribuo feature names. */
    public List<String> featureNames() {
        return columns.featureNames();
    }

    /** Number of rows in the whole data (training plus test). */
    public int rowCount() {
        return columns.rowCount();
    }

    /** Number of feature columns. */
    public int featureCount() {
        return columns.featureCount();
    }

    /** Number of training rows. */
    public int trainSize() {
        return trainRows.length;
    }

    /** Number of test rows. */
    public int testSize() {
        return testRows.length;
    }

    /** The seed the split was made with. */
    public long seed() {
        return seed;
    }

    /** The requested share of each class held out as the test part (see {@link StratifiedSplit}). */
    public double testFraction() {
        return testFraction;
    }

    /** Rows per class over the whole data (training plus test), most common class first. */
    public ClassCounts classCounts() {
        return classCounts;
    }

    /** Class names, most common first. */
    public List<String> classes() {
        return classCounts.classes();
    }

    /** The most frequent class: what a model that has "flatlined" usually predicts for everything. */
    public String majorityClass() {
        return classCounts.majority();
    }

    /**
     * Share of rows in the majority class: the accuracy of always predicting it (recipe R1), the bar
     * any useful model must clear.
     */
    public double majorityFraction() {
        return classCounts.majorityShare();
    }

    /** Largest class count divided by smallest class count (1 for perfectly balanced data). */
    public double imbalanceRatio() {
        return classCounts.imbalanceRatio();
    }

    /** The whole data as a new Tablesaw table: feature columns (doubles) then the target (strings). */
    public Table table() {
        return toTable(name, columns);
    }

    /** The training part as a new Tablesaw table. */
    public Table trainTable() {
        return toTable(name + " (train)", columns.rows(trainRows));
    }

    /** The test part as a new Tablesaw table. */
    public Table testTable() {
        return toTable(name + " (test)", columns.rows(testRows));
    }

    /** The training part as a new Tribuo dataset; every feature is named after its column. */
    public Dataset<Label> train() {
        return toDataset(trainRows, "train");
    }

    /** The test part as a new Tribuo dataset; every feature is named after its column. */
    public Dataset<Label> test() {
        return toDataset(testRows, "test");
    }

    /** Row indices (into {@link #table()}) of the training part, sorted. */
    public int[] trainRows() {
        return trainRows.clone();
    }

    /** Row indices (into {@link #table()}) of the test part, sorted. */
    public int[] testRows() {
        return testRows.clone();
    }

    /**
     * A copy whose features are standardised with means and standard deviations fitted on the
     * training part only, then applied to both parts (recipe R19). See {@link Standardisation} for
     * constant features. The split is unchanged. Statistics are always fitted on the original
     * (unstandardised) values, so calling this twice gives the same result.
     */
    public LabelledData standardised() {
        Standardisation fitted = Standardisation.fit(featureNames(), raw.features(), trainRows);
        return new LabelledData(name, raw, raw.withFeatures(fitted.apply(raw.features())), trainRows, testRows,
                seed, testFraction, fitted);
    }

    /** The statistics used by {@link #standardised()}, if this object was made by it. */
    public Optional<Standardisation> standardisation() {
        return Optional.ofNullable(standardisation);
    }

    /**
     * A copy whose training part is a stratified sample of {@code size} of this object's training rows
     * (the test part is unchanged), for learning curves (recipe R15). Its table holds only the sampled
     * training rows followed by the test rows. If this object is standardised, the result keeps the
     * same statistics (fitted on the full training part); call {@link #standardised()} on the result to
     * refit them on the sample.
     *
     * @throws DataException if {@code size} is not between 1 and {@link #trainSize()}
     */
    public LabelledData subsampleTrain(int size, long sampleSeed) {
        int[] sample = StratifiedSplit.subsample(columns.labels(), trainRows, size, sampleSeed);
        int[] kept = new int[sample.length + testRows.length];
        System.arraycopy(sample, 0, kept, 0, sample.length);
        System.arraycopy(testRows, 0, kept, sample.length, testRows.length);
        int[] newTrain = new int[sample.length];
        int[] newTest = new int[testRows.length];
        for (int i = 0; i < newTrain.length; i++) {
            newTrain[i] = i;
        }
        for (int i = 0; i < newTest.length; i++) {
            newTest[i] = sample.length + i;
        }
        return new LabelledData(name, raw.rows(kept), columns.rows(kept), newTrain, newTest, seed, testFraction,
                standardisation);
    }

    /**
     * The same data split again with another seed and test fraction. If this object is standardised,
     * so is the result, with statistics refitted on its new training part.
     *
     * @throws DataException if the fraction is not strictly between 0 and 1
     */
    public LabelledData withSplit(long newSeed, double newTestFraction) {
        LabelledData resplit = split(name, raw, newSeed, newTestFraction);
        return standardisation == null ? resplit : resplit.standardised();
    }

    /**
     * The training part split again, stratified, into training and validation rows: a new object whose
     * test part is the validation rows (the original test part is not in it). Choose thresholds, epochs
     * and settings on it; report on this object's {@link #test()} once, at the end. If this object is
     * standardised, the result keeps its statistics (fitted on the whole training part, never on test
     * rows), so models trained on the result can be scored on this object's test part as they are.
     * For rows held only as a Tribuo {@code Dataset}, {@link HeldOut#of} is the same split one level down.
     *
     * @throws DataException if the fraction is not strictly between 0 and 1
     */
    public LabelledData trainValidation(double validationFraction, long splitSeed) {
        StratifiedSplit.checkFraction("Validation fraction", validationFraction);
        Columns inner = columns.rows(trainRows);
        StratifiedSplit split = StratifiedSplit.split(inner.labels(), validationFraction, splitSeed);
        return new LabelledData(name + " (train/validation)", raw.rows(trainRows), inner, split.trainRowsShared(),
                split.heldOutRowsShared(), splitSeed, validationFraction, standardisation);
    }

    Columns columns() {
        return columns;
    }

    /** One line: name, shape, classes, imbalance, split. */
    @Override
    public String toString() {
        String smallest = classCounts.minority();
        return String.format(Locale.ROOT,
                "LabelledData[%s: %d rows x %d features, target '%s', %d classes (largest '%s' %d, smallest '%s' %d,"
                        + " imbalance %.1f:1), train %d / test %d (seed %d, test fraction %s)%s]",
                name, rowCount(), featureCount(), targetName(), classCounts.size(), majorityClass(),
                classCounts.get(majorityClass()), smallest, classCounts.get(smallest), imbalanceRatio(),
                trainSize(), testSize(), seed, testFraction, standardisation == null ? "" : ", standardised");
    }

    private Dataset<Label> toDataset(int[] rows, String part) {
        LabelFactory factory = new LabelFactory();
        SimpleDataSourceProvenance provenance = new SimpleDataSourceProvenance(
                name + " " + part + " part (" + columns.source() + ", seed " + seed + ", test fraction "
                        + testFraction + (standardisation == null ? "" : ", standardised") + ")",
                created, factory);
        MutableDataset<Label> dataset = new MutableDataset<>(provenance, factory);
        String[] names = featureNames().toArray(new String[0]);
        double[][] features = columns.features();
        String[] labels = columns.labels();
        Map<String, Label> labelObjects = new TreeMap<>();
        for (int row : rows) {
            double[] values = new double[features.length];
            for (int j = 0; j < values.length; j++) {
                values[j] = features[j][row];
            }
            Label label = labelObjects.computeIfAbsent(labels[row], Label::new);
            dataset.add(new ArrayExample<>(label, names, values));
        }
        return dataset;
    }

    private Table toTable(String tableName, Columns data) {
        List<String> userNames = new ArrayList<>(data.featureNames());
        userNames.add(data.targetName());
        TableNames names = TableNames.of(userNames);
        if (names.anyRenamed() && tableNoteShown.compareAndSet(false, true)) {
            // Said once per dataset, where the user sees it (the cell's stderr, the terminal).
            System.err.println("flatline: " + name + ": " + names.note());
        }
        Table table = Table.create(tableName);
        double[][] features = data.features();
        for (int j = 0; j < features.length; j++) {
            table.addColumns(DoubleColumn.create(names.names().get(j), features[j]));
        }
        table.addColumns(StringColumn.create(names.names().get(features.length), data.labels()));
        return table;
    }
}
