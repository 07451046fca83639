package dev.flatline.report;

import dev.flatline.data.LabelledData;
import dev.flatline.remedies.Spread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Remedies (or optimisers, or settings) compared over several seeds, so that a ranking shows its
 * spread: each recipe trains one model per seed, each model is evaluated with {@link ModelComparison},
 * and every score is held as a {@link Spread} over the seeds (mean, sd, lowest, highest; computed there,
 * not here). All models are trained and tested on the same seeds and splits, so they are ranked by the
 * course's one rule on their paired differences, {@link Spread#ranksAbove} (see {@link #rank(String)}
 * and {@link #differences()}); models the rule does not separate share a rank.
 *
 * <p>With {@link Builder#resplitting(LabelledData)} every seed also draws its own stratified
 * train/test split of the same data, so the spread includes which rows landed in the test part, which
 * dominates when a class has two or three test rows. With {@link Builder#on(Dataset, Dataset)} the
 * split is fixed and the spread is that of training alone (initialisation, shuffling, resampling).
 *
 * <pre>{@code
 * SeedComparison.seeds(3).on(train, test)
 *         .add("plain", (rows, seed) -> trainer.toBuilder().seed(seed).build().train(rows))
 *         .add("class weights", (rows, seed) -> weighted.toBuilder().seed(seed).build().train(rows))
 *         .run().table()
 * }</pre>
 */
public final class SeedComparison {

    /** Makes one model from the training rows of one seed (pass the seed on to every random choice). */
    @FunctionalInterface
    public interface Recipe {
        /** The trained model for {@code seed}. */
        Model<Label> train(Dataset<Label> train, int seed);
    }

    private final int seeds;
    private final List<String> models;
    private final List<ModelComparison> perSeed;

    private SeedComparison(int seeds, List<String> models, List<ModelComparison> perSeed) {
        this.seeds = seeds;
        this.models = List.copyOf(models);
        this.perSeed = List.copyOf(perSeed);
    }

    /** A comparison over seeds {@code 0 .. count-1}; 3 is the least that shows a spread, 5 is better. */
    public static Builder seeds(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a spread needs at least 2 seeds, got " + count
                    + "; use 3 to 5 (each seed trains every model once)");
        }
        return new Builder(count);
    }

    /** Collects the data and the recipes, then {@link #run()}s them. */
    public static final class Builder {
        private final int seeds;
        private final Map<String, Recipe> recipes = new LinkedHashMap<>();
        private Dataset<Label> train;
        private Dataset<Label> test;
        private LabelledData data;

        private Builder(int seeds) {
            this.seeds = seeds;
        }

        /** Every seed trains on {@code train} and is evaluated on {@code test}: a fixed split. */
        public Builder on(Dataset<Label> train, Dataset<Label> test) {
            this.train = Objects.requireNonNull(train, "train");
            this.test = Objects.requireNonNull(test, "test");
            this.data = null;
            return this;
        }

        /**
         * Seed {@code s} uses {@code data.withSplit(data.seed() + s, data.testFraction())}: seed 0 is
         * the given split, the others are fresh stratified splits (standardisation refitted on each
         * training part when {@code data} is standardised).
         */
        public Builder resplitting(LabelledData data) {
            this.data = Objects.requireNonNull(data, "data");
            this.train = null;
            this.test = null;
            return this;
        }

        /** One more model to compare, made by {@code recipe} once per seed. */
        public Builder add(String name, Recipe recipe) {
            if (name == null || name.isBlank() || recipe == null) {
                throw new IllegalArgumentException("each model needs a name and a recipe (rows, seed) -> model");
            }
            if (recipes.putIfAbsent(name, recipe) != null) {
                throw new IllegalArgumentException("a model named '" + name + "' is already in the comparison");
            }
            return this;
        }

        /** Trains every recipe once per seed and evaluates each model on its seed's test part. */
        public SeedComparison run() {
            if (recipes.isEmpty()) {
                throw new IllegalArgumentException("no models to compare; add(name, (rows, seed) -> model) first");
            }
            if (data == null && train == null) {
                throw new IllegalArgumentException("no data; call on(train, test) or resplitting(data) first");
            }
            List<ModelComparison> perSeed = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                LabelledData split = data == null ? null : s == 0 ? data
                        : data.withSplit(data.seed() + s, data.testFraction());
                Dataset<Label> rows = split == null ? train : split.train();
                Map<String, Model<Label>> trained = new LinkedHashMap<>();
                for (Map.Entry<String, Recipe> recipe : recipes.entrySet()) {
                    trained.put(recipe.getKey(), recipe.getValue().train(rows, s));
                }
                perSeed.add(ModelComparison.evaluate(split == null ? test : split.test(), trained));
            }
            return new SeedComparison(seeds, new ArrayList<>(recipes.keySet()), perSeed);
        }
    }

    /** How many seeds each model was trained with. */
    public int seedCount() {
        return seeds;
    }

    /** Model names, in the order they were added. */
    public List<String> models() {
        return models;
    }

    /** Classes, most test rows first (those of seed 0's test part). */
    public List<String> classes() {
        return perSeed.get(0).classes();
    }

    /** The comparison of one seed's models (seed 0 is the notebook's usual split and seed). */
    public ModelComparison seed(int seed) {
        if (seed < 0 || seed >= seeds) {
            throw new IllegalArgumentException("seed " + seed + " is not between 0 and " + (seeds - 1));
        }
        return perSeed.get(seed);
    }

    /** Balanced accuracy of {@code model} for each seed, seed 0 first. */
    public double[] balancedAccuracies(String model) {
        return perSeed.stream().mapToDouble(c -> c.balancedAccuracy(model)).toArray();
    }

    /** The spread of {@code model}'s balanced accuracy over the seeds (mean, sd, lowest, highest). */
    public Spread balancedAccuracy(String model) {
        return Spread.of(balancedAccuracies(model));
    }

    /** The spread of {@code model}'s accuracy over the seeds. */
    public Spread accuracy(String model) {
        return Spread.of(perSeed.stream().mapToDouble(c -> c.accuracy(model)).toArray());
    }

    /** Whether {@code a} ranks above {@code b} by the course's rule, {@link Spread#ranksAbove}, on paired seeds. */
    public boolean ranksAbove(String a, String b) {
        return Spread.ranksAbove(balancedAccuracies(a), balancedAccuracies(b));
    }

    /**
     * {@link Spread#rank}: 1 + the number of models whose balanced accuracy, paired seed by seed, ranks
     * above this model's; models the spread does not separate share a rank.
     */
    public int rank(String model) {
        return Spread.rank(balancedAccuracies(model), models.stream().map(this::balancedAccuracies).toList());
    }

    /** Recall of one class, for each seed (NaN for a seed whose test part lacks the class). */
    public double[] recalls(String model, String label) {
        return perSeed.stream().mapToDouble(c -> c.recall(model, label)).toArray();
    }

    /** Test rows of one class in seed 0's test part (its support: one row moves its recall by 1/support). */
    public int support(String label) {
        return perSeed.get(0).support(label);
    }

    /**
     * One row per model, best mean first: balanced accuracy as mean and sd, its lowest and highest run,
     * the paired difference from the best mean ("mean ± sd" seed by seed, what the rank rests on), mean
     * accuracy, and the rank of {@link Spread#rank}.
     */
    public Table table() {
        List<String> ordered = byMean();
        double[] best = balancedAccuracies(ordered.get(0));
        Table table = Table.create(String.format(Locale.ROOT, "balanced accuracy over %d seeds", seeds),
                StringColumn.create("model"), DoubleColumn.create("balanced accuracy (mean)"),
                DoubleColumn.create("sd"), DoubleColumn.create("lowest"), DoubleColumn.create("highest"),
                StringColumn.create("minus best, paired"), DoubleColumn.create("accuracy (mean)"),
                IntColumn.create("rank"));
        for (String model : ordered) {
            Spread score = balancedAccuracy(model);
            Spread behind = Spread.paired(balancedAccuracies(model), best);
            table.stringColumn(0).append(model);
            table.doubleColumn(1).append(score.mean());
            table.doubleColumn(2).append(score.sd());
            table.doubleColumn(3).append(score.min());
            table.doubleColumn(4).append(score.max());
            table.stringColumn(5).append(String.format(Locale.ROOT, "%.4f ± %.4f", behind.mean(), behind.sd()));
            table.doubleColumn(6).append(accuracy(model).mean());
            table.intColumn(7).append(rank(model));
        }
        return table;
    }

    /**
     * Every pair's paired difference in balanced accuracy, row minus column, as "mean ± sd" over the
     * seeds, best mean first; a cell ends in "above" when the row {@link #ranksAbove} the column and in
     * "below" when the column ranks above the row: the reasons for every {@link #rank}, one pair per cell.
     */
    public Table differences() {
        List<String> ordered = byMean();
        Table table = Table.create("balanced accuracy, row minus column, paired over " + seeds + " seeds",
                StringColumn.create("model"));
        ordered.forEach(model -> table.addColumns(StringColumn.create(model)));
        for (String row : ordered) {
            table.stringColumn(0).append(row);
            for (int c = 0; c < ordered.size(); c++) {
                String column = ordered.get(c);
                Spread difference = Spread.paired(balancedAccuracies(row), balancedAccuracies(column));
                String verdict = ranksAbove(row, column) ? " above" : ranksAbove(column, row) ? " below" : "";
                table.stringColumn(1 + c).append(row.equals(column) ? "" : String.format(Locale.ROOT,
                        "%+.4f ± %.4f%s", difference.mean(), difference.sd(), verdict));
            }
        }
        return table;
    }

    private List<String> byMean() {
        List<String> ordered = new ArrayList<>(models);
        ordered.sort((a, b) -> Double.compare(balancedAccuracy(b).mean(), balancedAccuracy(a).mean()));
        return ordered;
    }

    /**
     * One row per class with its test rows ("support"), then each model's recall as
     * {@code mean [lowest–highest]} over the seeds: read a recall next to how few rows it rests on.
     */
    public Table recallTable() {
        Table table = Table.create("recall per class, mean [lowest–highest] over " + seeds + " seeds",
                StringColumn.create("class"), IntColumn.create("test rows"));
        for (String model : models) {
            table.addColumns(StringColumn.create(model));
        }
        for (String label : classes()) {
            table.stringColumn(0).append(label);
            table.intColumn(1).append(support(label));
            for (int m = 0; m < models.size(); m++) {
                double[] r = Arrays.stream(recalls(models.get(m), label)).filter(v -> !Double.isNaN(v)).toArray();
                if (r.length == 0) {
                    table.stringColumn(2 + m).append("n/a");
                    continue;
                }
                Spread recall = Spread.of(r);
                table.stringColumn(2 + m).append(String.format(Locale.ROOT, "%.2f [%.2f–%.2f]", recall.mean(),
                        recall.min(), recall.max()));
            }
        }
        return table;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("SeedComparison[" + seeds + " seeds; ");
        for (String model : models) {
            Spread score = balancedAccuracy(model);
            text.append(String.format(Locale.ROOT, "%s: %.4f [%.4f–%.4f] rank %d; ", model, score.mean(), score.min(),
                    score.max(), rank(model)));
        }
        return text.substring(0, text.length() - 2) + "]";
    }
}
