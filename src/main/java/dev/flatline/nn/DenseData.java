package dev.flatline.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * A Tribuo dataset copied into dense arrays (features absent from an example are zero): row-major
 * features, class indices and example weights.
 */
final class DenseData {
    final float[] x;
    final int[] y;
    final float[] w;
    final int rows;
    final int columns;

    DenseData(float[] x, int[] y, float[] w, int rows, int columns) {
        this.x = x;
        this.y = y;
        this.w = w;
        this.rows = rows;
        this.columns = columns;
    }

    /**
     * Copies examples; with {@code checkFinite} a NaN or infinite feature value is an error naming the
     * example and the feature.
     */
    static DenseData of(Iterable<Example<Label>> examples, ImmutableFeatureMap features,
                        ImmutableOutputInfo<Label> outputs, boolean checkFinite) {
        int d = features.size();
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        int n = list.size();
        float[] x = new float[n * d];
        int[] y = new int[n];
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            Example<Label> e = list.get(i);
            for (Feature f : e) {
                int id = features.getID(f.getName());
                if (id < 0) {
                    continue;
                }
                double v = f.getValue();
                if (checkFinite && !Double.isFinite(v)) {
                    throw new IllegalArgumentException("Feature '" + f.getName() + "' of example " + i + " is " + v
                            + ": the network needs finite numbers. Impute or drop missing values before training.");
                }
                x[i * d + id] = (float) v;
            }
            int label = outputs.getID(e.getOutput());
            y[i] = label;
            w[i] = e.getWeight();
        }
        return new DenseData(x, y, w, n, d);
    }

    /** The rows at {@code indices}, in that order. */
    DenseData rows(int[] indices) {
        float[] nx = new float[indices.length * columns];
        int[] ny = new int[indices.length];
        float[] nw = new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * columns, nx, i * columns, columns);
            ny[i] = y[indices[i]];
            nw[i] = w[indices[i]];
        }
        return new DenseData(nx, ny, nw, indices.length, columns);
    }

    /** Multiplies each row's weight by its class's weight (class weights, R4). */
    void scaleWeights(float[] classWeights) {
        for (int i = 0; i < rows; i++) {
            w[i] *= classWeights[y[i]];
        }
    }

    /** Rows per class index. */
    long[] classCounts(int classes) {
        long[] c = new long[classes];
        for (int i = 0; i < rows; i++) {
            c[y[i]]++;
        }
        return c;
    }

    /** Each row's class index as text, the label form {@link dev.flatline.data.StratifiedSplit} splits on. */
    String[] labelNames() {
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            names[i] = Integer.toString(y[i]);
        }
        return names;
    }

    static void shuffle(int[] a, int n, SplittableRandom rng) {
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
