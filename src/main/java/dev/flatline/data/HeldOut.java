package dev.flatline.data;

import java.util.Objects;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

/**
 * A training part split once more, by class, into rows to fit on and validation rows to choose
 * settings on (a learning rate, a number of epochs, a strength {@code τ}), so that the test part is
 * used once, to report. The input dataset is not changed; the two parts share its row objects.
 *
 * <p>This is the Tribuo-level split, for rows that exist only as a {@link Dataset} (a training part
 * already resampled, or the rows a {@code SeedComparison} recipe receives). When you hold the
 * {@link LabelledData}, use {@link LabelledData#trainValidation} instead: it splits the same way (both
 * use {@link StratifiedSplit}) and keeps what a {@code Dataset} has lost, the raw table and the
 * standardisation fitted on the training part. Neither can be built on the other: a {@code Dataset} has
 * no table to make a {@code LabelledData} from, and a {@code LabelledData} split through its datasets
 * would drop its table.
 *
 * @param fit        the rows to train on
 * @param validation the rows to choose on
 */
public record HeldOut(Dataset<Label> fit, Dataset<Label> validation) {

    /** The parts, neither null. */
    public HeldOut {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * Holds out {@code fraction} of each class of {@code train} as validation rows (a class of one row
     * stays in the fit part), seeded.
     *
     * @throws DataException if the fraction is not strictly between 0 and 1
     */
    public static HeldOut of(Dataset<Label> train, double fraction, long seed) {
        Objects.requireNonNull(train, "train");
        String[] labels = new String[train.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = train.getExample(i).getOutput().getLabel();
        }
        StratifiedSplit split = StratifiedSplit.split(labels, fraction, seed);
        return new HeldOut(rows(train, split.trainRows()), rows(train, split.heldOutRows()));
    }

    private static Dataset<Label> rows(Dataset<Label> train, int[] indices) {
        MutableDataset<Label> kept = new MutableDataset<>(train.getProvenance(), new LabelFactory());
        for (int i : indices) {
            Example<Label> row = train.getExample(i);
            kept.add(row);
        }
        return kept;
    }
}
