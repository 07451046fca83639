package dev.flatline.remedies;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rows each class should have after resampling, as imbalanced-learn's {@code sampling_strategy}
 * decides them: by default every class up to the majority count (oversamplers, "not majority") or
 * down to the minority count (undersampler, "not minority"); or an explicit map of class to count,
 * where classes left out keep their rows.
 */
final class TargetCounts {

    /** Which way a sampler may move a class count. */
    enum Direction { UP, DOWN }

    private TargetCounts() {
    }

    /**
     * Target rows per class (classes in name order) for the counts found.
     *
     * @param wanted the caller's map, or null for the default
     */
    static Map<String, Integer> resolve(Map<String, Integer> counts, Map<String, Integer> wanted, Direction direction,
            String who) {
        Map<String, Integer> targets = new TreeMap<>(counts);
        if (wanted == null) {
            int bound = direction == Direction.UP ? Collections.max(counts.values()) : Collections.min(counts.values());
            targets.replaceAll((label, count) -> bound);
            return targets;
        }
        for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
            String label = entry.getKey();
            Integer count = counts.get(label);
            if (count == null) {
                throw new IllegalArgumentException(who + ": the target counts name class '" + label
                        + "', which the data does not have; its classes are " + counts.keySet());
            }
            int target = entry.getValue();
            if (direction == Direction.UP && target < count) {
                throw new IllegalArgumentException(who + " only adds rows: class '" + label + "' has " + count
                        + " rows, more than the target " + target + ". Ask for at least " + count
                        + " or use RandomUnderSampler.");
            }
            if (direction == Direction.DOWN && (target > count || target < 1)) {
                throw new IllegalArgumentException(who + " only removes rows: the target for class '" + label
                        + "' must be between 1 and its " + count + " rows, was " + target
                        + ". Use RandomOverSampler to add rows.");
            }
            targets.put(label, target);
        }
        return targets;
    }

    /** Checks and copies a caller's map (null stays null: the default). */
    static Map<String, Integer> copyOf(Map<String, Integer> wanted, String who) {
        if (wanted == null) {
            return null;
        }
        Map<String, Integer> copy = new LinkedHashMap<>();
        wanted.forEach((label, count) -> {
            if (label == null || count == null || count < 0) {
                throw new IllegalArgumentException(who + ": target counts need a class name and a count of at least 0"
                        + " for every entry; got " + label + " -> " + count);
            }
            copy.put(label, count);
        });
        return Collections.unmodifiableMap(copy);
    }
}
