package dev.flatline.remedies;

import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * The loop the augmenters share: each class short of its target gets new rows, each made from a row
 * of that class drawn uniformly (with replacement) by a {@link Transform}; classes in name order,
 * one random stream per call.
 */
final class RowMaker {

    /** Makes one new row from a source row. */
    @FunctionalInterface
    interface Transform {
        /** Writes into {@code out} a variant of {@code source} (same length). */
        void apply(double[] source, double[] out, SplittableRandom random);
    }

    private RowMaker() {
    }

    static Dataset<Label> augment(Dataset<Label> dataset, Map<String, Integer> targetCounts, long seed, String who,
            Transform transform) {
        if (targetCounts == null || targetCounts.isEmpty()) {
            throw new IllegalArgumentException(who + " augments only the classes you name: pass a map from each class "
                    + "to the rows it should have (e.g. Map.of(\"rare\", 200))");
        }
        DenseRows rows = DenseRows.of(dataset, who);
        Map<String, Integer> counts = ClassLabels.counts(rows.labels());
        Map<String, Integer> targets = TargetCounts.resolve(counts, TargetCounts.copyOf(targetCounts, who),
                TargetCounts.Direction.UP, who);
        int columns = rows.columns();
        int total = targets.values().stream().mapToInt(Integer::intValue).sum();
        int n = rows.labels().length;
        double[] made = new double[total * columns];
        String[] labels = new String[total];
        Map<String, int[]> byClass = ClassRows.of(rows.labels(), counts);
        SplittableRandom random = new SplittableRandom(seed);
        double[] source = new double[columns];
        double[] out = new double[columns];
        int next = n;
        for (Map.Entry<String, Integer> target : targets.entrySet()) {
            int[] members = byClass.get(target.getKey());
            for (int i = members.length; i < target.getValue(); i++, next++) {
                int base = members[random.nextInt(members.length)];
                System.arraycopy(rows.values(), base * columns, source, 0, columns);
                transform.apply(source, out, random);
                System.arraycopy(out, 0, made, next * columns, columns);
                labels[next] = target.getKey();
            }
        }
        return rows.appendTo(dataset, made, labels, n, who + " to " + targets + " (seed " + seed + ")");
    }
}
