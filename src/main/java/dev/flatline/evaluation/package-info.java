/**
 * How well a classifier does, in the one set of definitions flatline quotes everywhere: accuracy,
 * balanced accuracy (mean recall over the classes present in the test set, scikit-learn's definition),
 * macro-F1 and the classes never predicted ({@link dev.flatline.evaluation.Metrics}).
 *
 * <p>It has a package of its own because the checkup, the reports, the charts, the remedies' comparisons
 * and the notebooks all quote these numbers; living in any one of them would make the others depend on it.
 */
package dev.flatline.evaluation;
