/**
 * Data for flatline: the bundled UCI datasets ({@link dev.flatline.data.Datasets}), the user's own CSV
 * files ({@link dev.flatline.data.CsvData}), and {@link dev.flatline.data.LabelledData}, which holds a
 * table, its class counts, and a seeded stratified train/test split as Tablesaw tables and Tribuo
 * datasets. Bad data is reported as a {@link dev.flatline.data.DataException} that says what, where and
 * what to do.
 *
 * <p>Knows nothing of models, checks or plots; everything else in flatline builds on it.
 */
package dev.flatline.data;
