package dev.flatline.remedies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.neighbour.NeighboursQuery;
import org.tribuo.math.neighbour.kdtree.KDTreeFactory;

/**
 * Why SMOTE's neighbour search is written by hand ({@code flatline bench neighbours}): the k nearest neighbours of
 * every row of a class among the others, by flatline's k-d tree over primitive arrays and by Tribuo's own
 * {@link KDTreeFactory} (one thread), timed on the same rows, with a count of the neighbour distances on which the
 * two agree (ties may pick other rows at the same distance).
 */
public final class NeighboursBenchmark {

    private NeighboursBenchmark() {
    }

    /**
     * One class's timings.
     *
     * @param label       the class
     * @param rows        its rows
     * @param columns     features per row
     * @param k           neighbours per row
     * @param flatlineMs  flatline's search: the first run (cold) and the median of the others (warm), milliseconds
     * @param tribuoMs    Tribuo's k-d tree, the same way
     * @param agree       neighbour distances on which the two agree (of {@code rows * k})
     */
    public record Result(String label, int rows, int columns, int k, double[] flatlineMs, double[] tribuoMs,
                         long agree) {

        /** The result as a table row. */
        public String row() {
            return String.format(Locale.ROOT, "%-12s %6d rows x %2d, k=%d: flatline %.1f ms cold, %.1f ms warm; "
                    + "Tribuo KDTree %.1f ms cold, %.1f ms warm (%.1fx); %d of %d neighbour distances agree", label,
                    rows, columns, k, flatlineMs[0], flatlineMs[1], tribuoMs[0], tribuoMs[1], tribuoMs[1] / flatlineMs[1],
                    agree, (long) rows * k);
        }
    }

    /** Times both searches on each of these classes of the dataset, {@code runs} times each (at least 2). */
    public static List<Result> run(Dataset<Label> data, List<String> classes, int k, int runs) {
        DenseRows dense = DenseRows.of(data, "the benchmark's data");
        int dims = dense.columns();
        List<Result> out = new ArrayList<>();
        for (String label : classes) {
            // The class's rows, gathered as SMOTE gathers them: one row-major array.
            int[] members = java.util.stream.IntStream.range(0, dense.labels().length)
                    .filter(i -> dense.labels()[i].equals(label)).toArray();
            double[] flat = Smote.gather(dense.values(), dims, members);
            int n = members.length;
            SGDVector[] vectors = new SGDVector[n];
            for (int i = 0; i < n; i++) {
                vectors[i] = DenseVector.createDenseVector(java.util.Arrays.copyOfRange(flat, i * dims, (i + 1) * dims));
            }
            double[] ours = new double[runs];
            double[] theirs = new double[runs];
            int[] found = null;
            List<List<com.oracle.labs.mlrg.olcut.util.Pair<Integer, Double>>> tribuo = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                found = NearestNeighbours.of(flat, dims, k);
                long t1 = System.nanoTime();
                NeighboursQuery query = new KDTreeFactory(DistanceType.L2.getDistance(), 1)
                        .createNeighboursQuery(vectors);
                tribuo = query.queryAll(k + 1); // each row is its own nearest neighbour there
                long t2 = System.nanoTime();
                ours[r] = (t1 - t0) / 1e6;
                theirs[r] = (t2 - t1) / 1e6;
            }
            long agree = 0;
            for (int i = 0; i < n; i++) {
                List<Double> distances = new ArrayList<>();
                for (var p : tribuo.get(i)) {
                    if (p.getA() != i) {
                        distances.add(p.getB());
                    }
                }
                for (int j = 0; j < k && j < distances.size(); j++) {
                    int o = found[i * k + j];
                    double squared = 0;
                    for (int c = 0; c < dims; c++) {
                        double d = flat[i * dims + c] - flat[o * dims + c];
                        squared += d * d;
                    }
                    if (Math.abs(Math.sqrt(squared) - distances.get(j)) < 1e-9) {
                        agree++;
                    }
                }
            }
            out.add(new Result(label, n, dims, k, coldAndWarm(ours), coldAndWarm(theirs), agree));
        }
        return out;
    }

    /** The first run and the median of the others. */
    private static double[] coldAndWarm(double[] runs) {
        double[] rest = java.util.Arrays.copyOfRange(runs, 1, runs.length);
        java.util.Arrays.sort(rest);
        return new double[] {runs[0], rest[rest.length / 2]};
    }
}
