package dev.flatline.remedies;

/**
 * Rows after SMOTE, in primitive arrays (the form imbalanced-learn's {@code fit_resample} returns):
 * the original rows first, in their order, then the synthetic ones. For each synthetic row {@code s}
 * (counting from 0 after the originals) the arrays {@link #base()}, {@link #neighbour()} and
 * {@link #step()} say how it was made: {@code x_s = x[base] + step * (x[neighbour] - x[base])}, with
 * both indices into the original rows. The arrays are shared, not copied (they can be large); do not
 * change them.
 *
 * @param features     row-major values, {@code features[row * columns + column]}
 * @param columns      values per row
 * @param labels       the class of every row
 * @param originalRows how many rows at the start are the input's own
 * @param base         per synthetic row, the original row it starts from
 * @param neighbour    per synthetic row, the same-class neighbour it moves towards
 * @param step         per synthetic row, how far along the segment it lies, in [0, 1)
 */
public record Resampled(double[] features, int columns, String[] labels, int originalRows, int[] base,
        int[] neighbour, double[] step) {

    /** All rows, original and synthetic. */
    public int rows() {
        return labels.length;
    }

    /** How many rows were made. */
    public int syntheticRows() {
        return labels.length - originalRows;
    }
}
