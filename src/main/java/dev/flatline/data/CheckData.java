package dev.flatline.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * The data a checkup looks at: a training part and a test part as Tribuo datasets with the same
 * feature columns, plus the names that reports show. Made from a {@link LabelledData} (its own split)
 * or from two files (all rows of one to train, all rows of the other to test).
 *
 * <p>Immutable; the methods that change the data (standardising, dropping columns, subsampling,
 * zeroing inputs) return new objects and never touch the datasets they were made from.
 */
public final class CheckData {

    private final String name;
    private final String target;
    private final List<String> featureNames;
    private final Dataset<Label> train;
    private final Dataset<Label> test;
    private final boolean standardised;
    private final boolean separateTestFile;
    /** Column-major copies, made on first use (several data checks read them). */
    private double[][] trainColumns;
    private ClassCounts classCounts;
    private double[][] testColumns;
    /** Statistics over every row of data too large to load (null: the datasets hold every row). */
    private final DataSummary fullTrain;
    private final DataSummary fullTest;

    private CheckData(String name, String target, List<String> featureNames, Dataset<Label> train,
            Dataset<Label> test, boolean standardised, boolean separateTestFile) {
        this(name, target, featureNames, train, test, standardised, separateTestFile, null, null);
    }

    private CheckData(String name, String target, List<String> featureNames, Dataset<Label> train,
            Dataset<Label> test, boolean standardised, boolean separateTestFile, DataSummary fullTrain,
            DataSummary fullTest) {
        this.fullTrain = fullTrain;
        this.fullTest = fullTest;
        this.name = name;
        this.target = target;
        this.featureNames = List.copyOf(featureNames);
        this.train = train;
        this.test = test;
        this.standardised = standardised;
        this.separateTestFile = separateTestFile;
    }

    /** The data's own stratified split. */
    public static CheckData of(LabelledData data) {
        return new CheckData(data.name(), data.targetName(), data.featureNames(), data.train(), data.test(),
                data.standardisation().isPresent(), false);
    }

    /**
     * All rows of {@code trainData} to train and all rows of {@code testData} to test (the CLI's
     * {@code --test FILE}); both must have the same feature columns in the same order.
     *
     * @throws IllegalArgumentException if the columns differ, naming the differences
     */
    public static CheckData of(LabelledData trainData, LabelledData testData) {
        if (!trainData.featureNames().equals(testData.featureNames())) {
            List<String> missing = new ArrayList<>(trainData.featureNames());
            missing.removeAll(testData.featureNames());
            List<String> extra = new ArrayList<>(testData.featureNames());
            extra.removeAll(trainData.featureNames());
            throw new IllegalArgumentException("The test data '" + testData.name() + "' does not have the same feature "
                    + "columns as the training data '" + trainData.name() + "'"
                    + (missing.isEmpty() ? "" : "; missing in test: " + missing)
                    + (extra.isEmpty() ? "" : "; only in test: " + extra)
                    + (missing.isEmpty() && extra.isEmpty() ? " (same names, different order)" : "")
                    + ". Give both files the same columns.");
        }
        Dataset<Label> all = union(trainData.train(), trainData.test(), trainData.name() + " (all rows)");
        Dataset<Label> test = union(testData.train(), testData.test(), testData.name() + " (all rows)");
        return new CheckData(trainData.name(), trainData.targetName(), trainData.featureNames(), all, test,
                trainData.standardisation().isPresent(), true);
    }

    /**
     * A copy for data too large to load whose datasets are a sample: the data checks then read the
     * statistics over every row ({@code trainSummary}; {@code testSummary}, or null, for a separate test
     * file), the model and its checks use the sample. {@code where} says so in the report's title.
     * Copies made from this one (standardised, subsampled, ...) describe the sample only.
     */
    public CheckData withFullData(DataSummary trainSummary, DataSummary testSummary, String where) {
        if (!trainSummary.featureNames().equals(featureNames)
                || (testSummary != null && !testSummary.featureNames().equals(featureNames))) {
            throw new IllegalArgumentException("the summaries' features differ from the sample's " + featureNames);
        }
        return new CheckData(name + " (" + where + ")", target, featureNames, train, test, standardised,
                separateTestFile, trainSummary, testSummary);
    }

    /** Statistics over every training row when the datasets are a sample of data too large to load. */
    public Optional<DataSummary> fullData() {
        return Optional.ofNullable(fullTrain);
    }

    /** Rows per class the data checks report on: over every row when known, else {@link #classCounts()}. */
    public ClassCounts dataClassCounts() {
        return fullTrain != null ? fullTrain.classCounts() : classCounts();
    }

    /** Each training feature's mean and deviation: over every row when known, else over the training part. */
    public List<ColumnStats> trainColumnStats() {
        return fullTrain != null ? stats(fullTrain) : stats(trainColumns());
    }

    /** Each test feature's: over every test row of a separate test file when known, else over the test part. */
    public List<ColumnStats> testColumnStats() {
        return fullTrain != null && fullTest != null ? stats(fullTest) : stats(testColumns());
    }

    /** Whether {@link #trainColumnStats()} and {@link #testColumnStats()} both come from every row. */
    public boolean shiftOnEveryRow() {
        return fullTrain != null && fullTest != null;
    }

    private static List<ColumnStats> stats(DataSummary summary) {
        List<ColumnStats> out = new ArrayList<>();
        for (ColumnSummary c : summary.columns()) {
            out.add(new ColumnStats(c.mean(), c.std()));
        }
        return out;
    }

    private static List<ColumnStats> stats(double[][] columns) {
        List<ColumnStats> out = new ArrayList<>();
        for (double[] column : columns) {
            out.add(ColumnStats.of(column));
        }
        return out;
    }

    /** The dataset's name. */
    public String name() {
        return name;
    }

    /** The class column's name. */
    public String target() {
        return target;
    }

    /** Feature names, in column order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The training part (shared: copy it before changing it). */
    public Dataset<Label> train() {
        return train;
    }

    /** The test part (shared: copy it before changing it). */
    public Dataset<Label> test() {
        return test;
    }

    /** Whether the features were standardised on the training part before the checkup. */
    public boolean standardised() {
        return standardised;
    }

    /** Whether the test part came from its own file (so its preprocessing may differ, R18). */
    public boolean separateTestFile() {
        return separateTestFile;
    }

    /**
     * Training rows per class, largest first (ties by name), counted from the Tribuo dataset the model
     * is trained on.
     */
    public synchronized ClassCounts classCounts() {
        if (classCounts == null) {
            classCounts = ClassCounts.of(train);   // asked by several checks: count once
        }
        return classCounts;
    }

    /** Column-major training features: {@code [feature][row]}, 0 where an example lacks a feature (shared: do not change). */
    public synchronized double[][] trainColumns() {
        if (trainColumns == null) {
            trainColumns = columns(train);
        }
        return trainColumns;
    }

    /** Column-major test features: {@code [feature][row]}. */
    public synchronized double[][] testColumns() {
        if (testColumns == null) {
            testColumns = columns(test);
        }
        return testColumns;
    }

    /**
     * Standardised copies: means and standard deviations fitted on the training part only, applied to
     * both (R19), by {@link ColumnStats}'s rule: a column constant in the training part is centred, not
     * scaled. Deviations are the sample ones (n - 1), as Tribuo's mean/std scaling gave.
     */
    public CheckData standardisedCopy() {
        // The statistics and the constant-column rule are data.ColumnStats's, the same as
        // data.Standardisation's: a column constant in the training part is centred and kept at scale 1
        // (Tribuo's MeanStdDevTransformation, used here before, divided it by 0). The deviation stays
        // the sample one Tribuo used, and only the values an example holds are counted and scaled, as
        // Tribuo did, so non-constant columns get the numbers they always got (to rounding).
        Map<String, double[]> observed = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Example<Label> e : train) {
            for (Feature f : e) {
                double[] values = observed.computeIfAbsent(f.getName(), k -> new double[train.size()]);
                values[counts.merge(f.getName(), 1, Integer::sum) - 1] = f.getValue();
            }
        }
        Map<String, ColumnStats> stats = new TreeMap<>();
        observed.forEach((feature, values) ->
                stats.put(feature, ColumnStats.ofSample(Arrays.copyOf(values, counts.get(feature)))));
        // A column holding NaN or infinity standardises to NaN; such values become 0, so standardising stays a
        // remedy that can be tried whatever else is wrong with the data.
        BiFunction<String, Double, Double> standardise = (feature, value) -> {
            ColumnStats column = stats.get(feature);
            double z = column == null ? value : column.standardise(value);
            return Double.isFinite(z) ? z : 0.0;
        };
        return new CheckData(name, target, featureNames, DatasetCopies.mapped(train, standardise),
                DatasetCopies.mapped(test, standardise), true, separateTestFile);
    }

    /**
     * A copy whose test part is aligned to the training part's statistics: each test column is
     * standardised with its own mean and deviation, then mapped to the training column's mean and
     * deviation. The test-side remedy for a test file preprocessed differently (R18): the model is not
     * retrained, only given test features on the scale it was trained on. Constant columns are left as
     * they are.
     */
    public CheckData testAlignedToTrain() {
        double[][] a = trainColumns();
        double[][] b = testColumns();
        int k = featureNames.size();
        double[] shift = new double[k];
        double[] scale = new double[k];
        for (int j = 0; j < k; j++) {
            ColumnStats tr = ColumnStats.of(a[j]);
            ColumnStats te = ColumnStats.of(b[j]);
            boolean usable = !tr.constant() && !te.constant();
            scale[j] = usable ? tr.std() / te.std() : 1;
            shift[j] = usable ? tr.mean() - te.mean() * scale[j] : 0;
        }
        Map<String, Integer> index = new TreeMap<>();
        for (int j = 0; j < k; j++) {
            index.put(featureNames.get(j), j);
        }
        BiFunction<String, Double, Double> align = (feature, value) -> {
            Integer j = index.get(feature);
            return j == null ? value : value * scale[j] + shift[j];
        };
        return new CheckData(name, target, featureNames, train, DatasetCopies.mapped(test, align), standardised,
                separateTestFile);
    }

    /**
     * The test columns that hold another training column's values ({@link ColumnMatch}), judged on the training and
     * test parts' values.
     */
    public ColumnMatch testColumnMatch(long seed) {
        return ColumnMatch.of(trainColumns(), testColumns(), featureNames, seed);
    }

    /**
     * A copy whose test part has these columns renamed: test column {@code key} becomes the feature {@code value}
     * (the test-side remedy for a test file whose columns were re-encoded or reordered; no retraining).
     */
    public CheckData testColumnsRenamed(Map<String, String> names) {
        if (!new java.util.HashSet<>(names.keySet()).equals(new java.util.HashSet<>(names.values()))) {
            throw new IllegalArgumentException("the renaming " + names + " must permute its columns");
        }
        return new CheckData(name, target, featureNames, train, DatasetCopies.renamed(test, names), standardised,
                separateTestFile);
    }

    /**
     * A copy whose test part has its columns in reverse order under the training part's names (the injected-fault
     * benchmark's test file written with another column order): test column {@code j} holds what training calls
     * column {@code n - 1 - j}.
     */
    public CheckData testColumnsReversed() {
        Map<String, String> reversed = new java.util.HashMap<>();
        for (int j = 0; j < featureNames.size(); j++) {
            reversed.put(featureNames.get(j), featureNames.get(featureNames.size() - 1 - j));
        }
        return testColumnsRenamed(reversed);
    }

    /**
     * A copy with every feature value of the training and/or test part changed by {@code f(feature, value)}
     * (the injected-fault benchmark's way of putting features in other units).
     */
    public CheckData mapValues(java.util.function.ToDoubleBiFunction<String, Double> f, boolean onTrain, boolean onTest) {
        BiFunction<String, Double, Double> change = f::applyAsDouble;
        return new CheckData(name, target, featureNames, onTrain ? DatasetCopies.mapped(train, change) : train,
                onTest ? DatasetCopies.mapped(test, change) : test, standardised, separateTestFile);
    }

    /** Copies without the named feature columns. */
    public CheckData withoutFeatures(Set<String> dropped) {
        List<String> kept = featureNames.stream().filter(f -> !dropped.contains(f)).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("dropping " + dropped + " would leave no features");
        }
        UnaryOperator<Example<Label>> keep = e -> {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (Feature f : e) {
                if (!dropped.contains(f.getName())) {
                    names.add(f.getName());
                    values.add(f.getValue());
                }
            }
            return new ArrayExample<>(e.getOutput(), names.toArray(new String[0]),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
        };
        return new CheckData(name, target, kept, map(train, "without " + dropped, keep),
                map(test, "without " + dropped, keep), standardised, separateTestFile);
    }

    /** Copies whose every feature value is 0: what a model can learn from the labels alone (B3). */
    public CheckData zeroedInputs() {
        return new CheckData(name, target, featureNames, DatasetCopies.zeroed(train), DatasetCopies.zeroed(test),
                standardised, separateTestFile);
    }

    /** A copy whose training part is a stratified sample of at most {@code size} rows (test unchanged). */
    public CheckData subsampleTrain(int size, long seed) {
        if (size >= train.size()) {
            return this;
        }
        return new CheckData(name, target, featureNames, sample(train, size, seed), test, standardised,
                separateTestFile);
    }

    /** A copy with another training part (same columns), e.g. a reweighted one. */
    public CheckData withTrain(Dataset<Label> newTrain) {
        return new CheckData(name, target, featureNames, newTrain, test, standardised, separateTestFile);
    }

    /** A copy with another test part (same columns), e.g. a held-out part of the training rows. */
    public CheckData withTest(Dataset<Label> newTest) {
        return new CheckData(name, target, featureNames, train, newTest, standardised, separateTestFile);
    }

    /** A stratified sample of at most {@code size} rows of any dataset, with data's own stratified sampler. */
    public static Dataset<Label> sample(Dataset<Label> dataset, int size, long seed) {
        if (size >= dataset.size()) {
            return dataset;
        }
        String[] labels = new String[dataset.size()];
        int[] rows = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = dataset.getExample(i).getOutput().getLabel();
            rows[i] = i;
        }
        int[] kept = StratifiedSplit.subsample(labels, rows, size, seed);
        MutableDataset<Label> out = empty("stratified sample of " + size + " rows");
        for (int row : kept) {
            out.add(dataset.getExample(row).copy());
        }
        return out;
    }

    /** A copy of a dataset with each example replaced by {@code f} of a copy of it. */
    public static MutableDataset<Label> map(Dataset<Label> dataset, String what, UnaryOperator<Example<Label>> f) {
        MutableDataset<Label> out = empty(what);
        for (Example<Label> e : dataset) {
            Example<Label> copy = f.apply(e.copy());
            copy.setWeight(e.getWeight());
            out.add(copy);
        }
        return out;
    }

    /** An empty dataset of labels; {@code what} names it in its provenance. */
    public static MutableDataset<Label> empty(String what) {
        LabelFactory factory = new LabelFactory();
        return new MutableDataset<>(new SimpleDataSourceProvenance("flatline checkup: " + what, factory), factory);
    }

    private static Dataset<Label> union(Dataset<Label> a, Dataset<Label> b, String what) {
        MutableDataset<Label> out = empty(what);
        a.forEach(e -> out.add(e.copy()));
        b.forEach(e -> out.add(e.copy()));
        return out;
    }

    private double[][] columns(Dataset<Label> dataset) {
        Map<String, Integer> index = new TreeMap<>();
        for (int j = 0; j < featureNames.size(); j++) {
            index.put(featureNames.get(j), j);
        }
        double[][] cols = new double[featureNames.size()][dataset.size()];
        int row = 0;
        for (Example<Label> e : dataset) {
            for (Feature f : e) {
                Integer j = index.get(f.getName());
                if (j != null) {
                    cols[j][row] = f.getValue();
                }
            }
            row++;
        }
        return cols;
    }

    @Override
    public String toString() {
        return "CheckData[" + name + ": " + train.size() + " training / " + test.size() + " test rows, "
                + featureNames.size() + " features" + (standardised ? ", standardised" : "") + "]";
    }
}
