package dev.flatline.data;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
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
 * Copies of a Tribuo dataset with some rows kept or every value changed, for experiments on what a
 * model learns from: the rows of some classes only, a per-feature change of every value (a unit slip,
 * a near-constant column), or every input set to zero (the input-independent baseline, recipe B3).
 * The input dataset is never changed; labels, feature names and example weights are kept.
 */
public final class DatasetCopies {

    private DatasetCopies() {
    }

    /** The rows whose label is one of {@code classes}, the same row objects, in their order. */
    public static Dataset<Label> only(Dataset<Label> data, Set<String> classes) {
        Objects.requireNonNull(data, "data");
        if (classes == null || classes.isEmpty()) {
            throw new IllegalArgumentException("no classes to keep; pass the labels whose rows you want, e.g. "
                    + "Set.of(\"Rad.Flow\", \"High\")");
        }
        MutableDataset<Label> kept = new MutableDataset<>(data.getProvenance(), new LabelFactory());
        for (Example<Label> row : data) {
            if (classes.contains(row.getOutput().getLabel())) {
                kept.add(row);
            }
        }
        return kept;
    }

    /**
     * Every row with each value replaced by {@code change.apply(featureName, value)}; features absent
     * from a row (Tribuo's implicit zeros) stay absent.
     */
    public static Dataset<Label> mapped(Dataset<Label> data, BiFunction<String, Double, Double> change) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(change, "change");
        return copy(data, new SimpleDataSourceProvenance("mapped", new LabelFactory()), change);
    }

    /**
     * Every row with every value set to 0, labels kept: what a network learns from this it learned from
     * the labels alone (recipe B3).
     */
    public static Dataset<Label> zeroed(Dataset<Label> data) {
        Objects.requireNonNull(data, "data");
        return copy(data, new SimpleDataSourceProvenance("zeroed", new LabelFactory()), (name, value) -> 0.0);
    }

    /**
     * Every row with the features named in {@code names} renamed (the others kept): a test part whose columns hold
     * other features' values given back their right names. The renaming must give no row two features of one name.
     */
    public static Dataset<Label> renamed(Dataset<Label> data, Map<String, String> names) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(names, "names");
        return copy(data, new SimpleDataSourceProvenance("renamed", new LabelFactory()), (name, value) -> value,
                name -> names.getOrDefault(name, name));
    }

    private static Dataset<Label> copy(Dataset<Label> data, SimpleDataSourceProvenance provenance,
                                       BiFunction<String, Double, Double> change) {
        return copy(data, provenance, change, UnaryOperator.identity());
    }

    private static Dataset<Label> copy(Dataset<Label> data, SimpleDataSourceProvenance provenance,
                                       BiFunction<String, Double, Double> change, UnaryOperator<String> rename) {
        MutableDataset<Label> copy = new MutableDataset<>(provenance, new LabelFactory());
        for (Example<Label> row : data) {
            String[] names = new String[row.size()];
            double[] values = new double[row.size()];
            int i = 0;
            for (Feature feature : row) {
                names[i] = rename.apply(feature.getName());
                values[i++] = change.apply(feature.getName(), feature.getValue());
            }
            ArrayExample<Label> changed = new ArrayExample<>(row.getOutput(), names, values);
            changed.setWeight(row.getWeight());
            copy.add(changed);
        }
        return copy;
    }
}
