/**
 * Data for flatline: the bundled UCI datasets ({@link dev.flatline.data.Datasets}), the user's own CSV
 * files ({@link dev.flatline.data.CsvData}), messy Tablesaw tables with nominal columns and missing cells
 * ({@link dev.flatline.data.TableData}), and {@link dev.flatline.data.LabelledData}, which holds a
 * table, its {@link dev.flatline.data.ClassCounts class counts}, and a seeded stratified train/test
 * split as Tablesaw tables and Tribuo datasets. {@link dev.flatline.data.HeldOut} splits a training part
 * once more into rows to fit on and validation rows to choose settings on; {@link dev.flatline.data.DatasetCopies}
 * makes changed copies of a Tribuo dataset (some classes only, every value mapped or zeroed);
 * {@link dev.flatline.data.CheckData} is the pair of parts a checkup looks at, from one split or two files.
 * Files too large to load are read once by
 * {@link dev.flatline.data.StreamingScan}: statistics over every row ({@link dev.flatline.data.DataSummary})
 * and a {@link dev.flatline.data.StratifiedSample stratified sample} that keeps the rare classes whole.
 *
 * <p>Vocabulary used across flatline: class counts are always a {@link dev.flatline.data.ClassCounts}
 * (most common class first); rows kept away from training are "held out", and a held-out fraction is
 * the share of each class held out ({@link dev.flatline.data.StratifiedSplit}) — called the test
 * fraction where the held-out rows are the test part, the validation fraction where a trainer holds
 * them out of its training data to watch each epoch. Bad data is reported as a {@link dev.flatline.data.DataException} that says what, where and
 * what to do.
 *
 * <p>Knows nothing of models, checks or plots; everything else in flatline builds on it.
 */
package dev.flatline.data;
