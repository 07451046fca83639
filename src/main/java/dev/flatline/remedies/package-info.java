/**
 * Remedies for a classifier that predicts one class for everything: they change the data or the
 * decision, never diagnose. Each works on Tribuo datasets and models, so it applies to any Tribuo
 * classifier as well as to flatline's network.
 *
 * <ul>
 * <li>{@link dev.flatline.remedies.ClassWeights} (recipe R4): scikit-learn's "balanced" weights or your
 *     own, as example weights on a dataset, or as the map {@code MlpTrainer.Builder.classWeights} takes.</li>
 * <li>{@link dev.flatline.remedies.RandomOverSampler} (R2), {@link dev.flatline.remedies.RandomUnderSampler}
 *     (R3) and {@link dev.flatline.remedies.Smote} (B6) with imbalanced-learn's semantics; the random
 *     samplers return Tribuo {@code DatasetView}s (no rows copied).</li>
 * <li>{@link dev.flatline.remedies.NoiseAugmenter} and {@link dev.flatline.remedies.ImageAugmenter} (R5):
 *     new rows for chosen classes only.</li>
 * <li>{@link dev.flatline.remedies.AdjustedModel} (B5): post-hoc logit adjustment or per-class thresholds
 *     around any {@code Model<Label>} that gives class probabilities; {@code priorShift} undoes what
 *     weights and resampling did to the probabilities.</li>
 * <li>{@link dev.flatline.remedies.BinaryScores}: a model's scores for one class, for precision&ndash;recall
 *     and ROC curves (Tribuo's), a threshold chosen by cost, the Brier score and reliability bins.</li>
 * <li>{@link dev.flatline.remedies.Spread}: a measurement repeated over seeds or splits (mean, sd, range),
 *     and the course's one ranking rule: two settings measured on the same seeds or splits are ranked
 *     only when their paired difference's mean &plusmn; sd excludes 0.</li>
 * <li>{@link dev.flatline.remedies.SeedComparison}: {@link dev.flatline.report.ModelComparison}'s before/after
 * metrics over several seeds and splits, each score a {@code Spread}, ranked by {@code Spread}'s rule.</li>
 * </ul>
 *
 * <p>Every random choice takes a seed. Imports run one way: this package uses {@code dev.flatline.data}
 * and Tribuo, never the checks, the kernel or the command line; the one exception, {@code SeedComparison},
 * lines up its models with the report package's {@code ModelComparison} (a view of results, which lives with
 * the other views).
 */
package dev.flatline.remedies;
