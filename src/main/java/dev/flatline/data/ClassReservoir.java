package dev.flatline.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A uniform sample of at most {@code capacity} rows of one class, kept while the rows stream past
 * (reservoir sampling, Vitter's algorithm R): the first {@code capacity} rows are kept, and row
 * {@code n} then replaces a kept row with probability {@code capacity / n}. Its own seeded random
 * stream makes the sample depend only on the seed and on this class's rows in file order. Rows are
 * stored flat, {@code features} doubles each, in an array that grows only as rows arrive, so a rare
 * class costs only its own rows.
 */
final class ClassReservoir {

    private final int features;
    private final int capacity;
    private final SplittableRandom random;
    private double[] rows;
    private int kept;
    private long seen;

    ClassReservoir(int features, int capacity, long seed) {
        this.features = features;
        this.capacity = capacity;
        this.random = new SplittableRandom(seed);
        this.rows = new double[Math.min(capacity, 256) * features];
    }

    void offer(double[] row) {
        seen++;
        int slot;
        if (kept < capacity) {
            slot = kept++;
            if ((long) slot * features >= rows.length) {
                rows = Arrays.copyOf(rows, (int) Math.min((long) capacity * features, 2L * rows.length));
            }
        } else {
            long j = random.nextLong(seen);
            if (j >= capacity) {
                return;
            }
            slot = (int) j;
        }
        System.arraycopy(row, 0, rows, slot * features, features);
    }

    long seen() {
        return seen;
    }

    /**
     * {@code quota} of the kept rows, drawn uniformly (a uniform draw from a uniform sample is a
     * uniform sample of the class), written column-major into {@code out[feature][offset + i]}.
     */
    void drawInto(int quota, double[][] out, int offset) {
        int[] order = new int[kept];
        for (int i = 0; i < kept; i++) {
            order[i] = i;
        }
        for (int i = 0; i < quota; i++) {     // partial Fisher-Yates: the first quota places
            int j = i + random.nextInt(kept - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] chosen = Arrays.copyOf(order, quota);
        Arrays.sort(chosen);                  // the class's rows in the order they were kept
        for (int i = 0; i < quota; i++) {
            int base = chosen[i] * features;
            for (int f = 0; f < features; f++) {
                out[f][offset + i] = rows[base + f];
            }
        }
    }
}
