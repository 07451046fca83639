/**
 * Checks that find why a classifier predicts one class for everything (or never predicts some), and
 * the one-call {@link dev.flatline.checks.Checkup} that runs them, tries the remedies of the likely
 * causes and ranks them (B1).
 *
 * <p>One class per check ({@link dev.flatline.checks.Check}); each returns a
 * {@link dev.flatline.checks.CheckResult} holding {@link dev.flatline.checks.Finding}s with evidence
 * and a {@link dev.flatline.checks.Remedy}: the advice, the line of code, and the
 * {@link dev.flatline.remedies.Change} the checkup tries, one object, so that advice and trial cannot disagree. Every
 * change the checkup can try is made in {@link dev.flatline.remedies.Changes}; the checks read their data as a
 * {@link dev.flatline.data.CheckData}. Checks see models only through Tribuo's {@code Model<Label>},
 * so any Tribuo classifier can be checked; the checks that need network internals read the flatline
 * trainer's {@link dev.flatline.nn.TrainingHistory} and say "not applicable" for other models.
 * Where the best single remedy leaves the model short of what the data allow, a
 * {@link dev.flatline.checks.Repair} tries the next candidates one on top of the other; the
 * {@link dev.flatline.checks.DeepNarrowBenchmark} measures it on deep narrow networks.
 * Nothing here renders: {@code dev.flatline.report} turns a {@link dev.flatline.checks.Diagnosis} into
 * HTML, JSON and text.
 */
package dev.flatline.checks;
