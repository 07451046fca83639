package dev.flatline.remedies;

/**
 * Exact k nearest neighbours (squared Euclidean distance) of every point of one small point set among
 * the others, with a k-d tree over primitive arrays. Written by hand, and kept beside Tribuo's own k-d tree
 * ({@code org.tribuo.math.neighbour.kdtree.KDTreeFactory}, on the class path through tribuo-math) because it is
 * measured faster for SMOTE's one job, the neighbours of each row of a class within that class:
 * {@code flatline bench neighbours} on Shuttle's 7,122-row class (9 columns, k = 5, one thread) takes 21 ms warm
 * and 38 ms cold here against Tribuo's 297 ms and 665 ms (14x), and 8.6 ms against 49 ms on its 2,614-row class,
 * with the same neighbour distances for every row (Tribuo's tree works on {@code SGDVector} objects and boxed
 * result pairs; this one on one row-major array, in tree order). Brute force over the 7,122 rows would cost ~50
 * million distances. Ties at equal distance go to whichever point the search meets first (deterministic).
 */
final class NearestNeighbours {

    /** Points per leaf: small enough to prune, large enough that a leaf scan beats recursion. */
    private static final int LEAF = 12;

    private final double[] points;
    private final double[] tree;
    private final int dims;
    private final int[] order;
    private final int[] splitDim;
    private final int k;
    private final double[] bestDistance;
    private final int[] bestIndex;
    private int found;
    private int self;
    private int queryOffset;

    private NearestNeighbours(double[] points, int dims, int k) {
        this.points = points;
        this.dims = dims;
        int n = points.length / dims;
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        this.splitDim = new int[n];
        this.k = k;
        this.bestDistance = new double[k];
        this.bestIndex = new int[k];
        build(0, n);
        // Points copied into tree order: a leaf's points lie side by side in memory.
        this.tree = new double[points.length];
        for (int i = 0; i < n; i++) {
            System.arraycopy(points, order[i] * dims, tree, i * dims, dims);
        }
    }

    /**
     * For each of the {@code points.length / dims} points (row-major), the indices of its {@code k}
     * nearest other points: {@code result[i * k + j]}, nearest first.
     *
     * @throws IllegalArgumentException if there are not more than {@code k} points
     */
    static int[] of(double[] points, int dims, int k) {
        int n = points.length / dims;
        if (k < 1 || n <= k) {
            throw new IllegalArgumentException("need more than k=" + k + " points for k neighbours, have " + n);
        }
        NearestNeighbours search = new NearestNeighbours(points, dims, k);
        int[] result = new int[n * k];
        // Queries in tree order: consecutive queries walk the same branches.
        for (int position = 0; position < n; position++) {
            search.query(position, result, search.order[position] * k);
        }
        return result;
    }

    private void build(int lo, int hi) {
        if (hi - lo <= LEAF) {
            return;
        }
        int dim = splitDimension(lo, hi);
        int mid = (lo + hi) >>> 1;
        select(lo, hi, mid, dim);
        splitDim[mid] = dim;
        build(lo, mid);
        build(mid + 1, hi);
    }

    /**
     * The coordinate of largest variance over the range (measured: on Shuttle's heavy-tailed features
     * this prunes better than the widest range, which outliers dominate).
     */
    private int splitDimension(int lo, int hi) {
        int best = 0;
        double bestSpread = -1;
        for (int d = 0; d < dims; d++) {
            double sum = 0;
            double sumSq = 0;
            for (int i = lo; i < hi; i++) {
                double v = points[order[i] * dims + d];
                sum += v;
                sumSq += v * v;
            }
            double spread = sumSq - sum * sum / (hi - lo);
            if (spread > bestSpread) {
                bestSpread = spread;
                best = d;
            }
        }
        return best;
    }

    /**
     * Rearranges {@code order[lo, hi)} so that {@code order[nth]} holds the point that sorts there by
     * coordinate {@code dim}, with no larger value before it and no smaller after. Three-way
     * partitioning, because tabular data repeats values a lot (Shuttle's features are integers).
     */
    private void select(int lo, int hi, int nth, int dim) {
        int left = lo;
        int right = hi - 1;
        while (left < right) {
            double pivot = points[order[(left + right) >>> 1] * dims + dim];
            int lt = left;
            int gt = right;
            int i = left;
            while (i <= gt) {
                double v = points[order[i] * dims + dim];
                if (v < pivot) {
                    swap(lt++, i++);
                } else if (v > pivot) {
                    swap(i, gt--);
                } else {
                    i++;
                }
            }
            if (nth < lt) {
                right = lt - 1;
            } else if (nth > gt) {
                left = gt + 1;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int t = order[a];
        order[a] = order[b];
        order[b] = t;
    }

    private void query(int position, int[] result, int at) {
        self = position;
        queryOffset = position * dims;
        found = 0;
        search(0, order.length);
        // bestDistance is kept sorted ascending by offer(); bestIndex holds tree positions.
        for (int j = 0; j < k; j++) {
            result[at + j] = order[bestIndex[j]];
        }
    }

    private void search(int lo, int hi) {
        if (hi - lo <= LEAF) {
            for (int i = lo; i < hi; i++) {
                offer(i);
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        offer(mid);
        int dim = splitDim[mid];
        double diff = tree[queryOffset + dim] - tree[mid * dims + dim];
        if (diff < 0) {
            search(lo, mid);
            if (diff * diff < worst()) {
                search(mid + 1, hi);
            }
        } else {
            search(mid + 1, hi);
            if (diff * diff < worst()) {
                search(lo, mid);
            }
        }
    }

    private double worst() {
        return found < k ? Double.POSITIVE_INFINITY : bestDistance[k - 1];
    }

    /** Considers the point at tree position {@code candidate}. */
    private void offer(int candidate) {
        if (candidate == self) {
            return;
        }
        int c = candidate * dims;
        double distance = 0;
        for (int d = 0; d < dims; d++) {
            double diff = tree[queryOffset + d] - tree[c + d];
            distance += diff * diff;
        }
        if (found == k && distance >= bestDistance[k - 1]) {
            return;
        }
        // Insertion into the short sorted list (k is 5 by default).
        int i = found < k ? found++ : k - 1;
        while (i > 0 && bestDistance[i - 1] > distance) {
            bestDistance[i] = bestDistance[i - 1];
            bestIndex[i] = bestIndex[i - 1];
            i--;
        }
        bestDistance[i] = distance;
        bestIndex[i] = candidate;
    }
}
