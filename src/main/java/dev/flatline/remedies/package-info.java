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
 * <li>{@link dev.flatline.remedies.Changes}: every change a checkup can try, to the data (standardising,
 *     aligning the test part to the training part, dropping columns, class weights) or to the network (a rate, an
 *     activation, an output bias, an initialisation, a length), each a {@link dev.flatline.remedies.Change} that
 *     holds its description and its line of code, applied to a {@link dev.flatline.data.CheckData} and a
 *     trainer.</li>
 * </ul>
 *
 * <p>Every random choice takes a seed. Imports run one way: this package uses {@code dev.flatline.data},
 * {@code dev.flatline.nn} and Tribuo, never the checks, the reports, the kernel or the command line (comparing
 * remedies over seeds is a view of their results: {@code dev.flatline.report.SeedComparison}).
 */
package dev.flatline.remedies;
