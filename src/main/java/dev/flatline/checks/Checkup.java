package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.ClassCounts;
import dev.flatline.data.LabelledData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.TrainingMessages;
import dev.flatline.remedies.Change;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * The one-call checkup (B1): runs the applicable checks cheapest first within a time budget, then
 * tries the remedies of the most serious findings by retraining, and ranks the findings so that the
 * one whose remedy lifts the model most comes first as the likely root cause.
 *
 * <pre>{@code
 * Diagnosis diagnosis = Checkup.of(data).trainer(trainer).budget(Duration.ofSeconds(30)).run();
 * diagnosis.rootCause();   // e.g. learning-rate
 * diagnosis.findings();    // ranked, with evidence and remedies
 * }</pre>
 *
 * <p>It first measures the {@link Symptom}: whether the model never predicts classes the data let a
 * reference model predict, or trails that reference's balanced accuracy far. A root cause is named only
 * for a model with the symptom; a healthy model's helpful remedies are improvements, not causes.
 *
 * <p>A remedy is judged on balanced accuracy and on the classes predicted again (see
 * {@link Trial#lift()}), with a 95% interval from a paired bootstrap over the test rows
 * ({@link PairedBootstrap}); a lift counts only when it clears that interval, and ranking uses the lift's
 * lower bound. One that moves nothing is ranked below the findings whose remedies were not tried.
 * Before and after are trained on the same training rows (a stratified sample of at most
 * {@value #TRIAL_ROWS} on large data, which {@link Diagnosis#trialRows()} states) and scored on the whole
 * test part.
 */
public final class Checkup {

    /** Default budget: the checks' work and the remedies' fits. */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(30);
    /** Most remedies tried. */
    public static final int DEFAULT_TRIALS = 6;
    /** Training rows of each remedy trial on large data. */
    public static final int TRIAL_ROWS = 16000;
    /** A remedy must lift the model at least this much for its finding to be called the root cause. */
    public static final double ROOT_CAUSE_LIFT = 0.02;
    /** The default seed. */
    public static final long DEFAULT_SEED = 0;

    private final CheckData data;
    /** Null until set: the default network is sized to the data in {@link #run()}. */
    private Trainer<Label> trainer;
    private Duration budget = DEFAULT_BUDGET;
    private long seed = DEFAULT_SEED;
    private int maxTrials = DEFAULT_TRIALS;
    private List<Check> checks = Checks.all();

    private Checkup(CheckData data) {
        this.data = data;
    }

    /** A checkup of the data's own split. */
    public static Checkup of(LabelledData data) {
        return new Checkup(CheckData.of(data));
    }

    /** A checkup of prepared check data (e.g. {@link CheckData#of(LabelledData, LabelledData)}). */
    public static Checkup of(CheckData data) {
        return new Checkup(data);
    }

    /**
     * The trainer whose model is checked (default: a flatline network with default settings, its batch
     * cut to an eighth of the training rows on small data).
     */
    public Checkup trainer(Trainer<Label> checkedTrainer) {
        if (checkedTrainer == null) {
            throw new IllegalArgumentException("trainer is null");
        }
        // Checks train many small networks: no live progress display for them.
        this.trainer = checkedTrainer instanceof MlpTrainer mlp ? mlp.toBuilder().progress(false).build()
                : checkedTrainer;
        return this;
    }

    /** The time budget; costly checks and remedies that do not fit are skipped and say so. */
    public Checkup budget(Duration time) {
        if (time == null || time.isNegative() || time.isZero()) {
            throw new IllegalArgumentException("budget must be positive, got " + time);
        }
        this.budget = time;
        return this;
    }

    /** Seed for every sample the checks draw. */
    public Checkup seed(long s) {
        this.seed = s;
        return this;
    }

    /** At most this many remedies are tried (0: none). */
    public Checkup maxTrials(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxTrials must be >= 0, got " + n);
        }
        this.maxTrials = n;
        return this;
    }

    /** Runs only these checks. */
    public Checkup checks(List<Check> chosen) {
        this.checks = List.copyOf(chosen);
        return this;
    }

    /** Fewest optimiser steps the default network is given, however small the data (it stops early). */
    public static final int DEFAULT_MIN_STEPS = 2000;
    /** Most epochs of the default network (small data reaches {@link #DEFAULT_MIN_STEPS} first). */
    public static final int DEFAULT_MAX_EPOCHS = 300;
    /** Epochs without a better validation loss after which the default network stops (keeping its best). */
    public static final int DEFAULT_PATIENCE = 10;

    /** Training rows from which the default network holds out 10% to stop early (fewer: no validation part). */
    public static final int MIN_EARLY_STOPPING_ROWS = 500;

    /**
     * The default network's settings for {@code trainRows} training rows, trained to convergence so that
     * under-training is never mistaken for a fault: flatline's network with the batch cut to an eighth of
     * the rows on small data, enough epochs for at least {@value #DEFAULT_MIN_STEPS} steps (10 at least,
     * {@value #DEFAULT_MAX_EPOCHS} at most), and, from {@value #MIN_EARLY_STOPPING_ROWS} training rows,
     * early stopping on the 10% validation part after {@value #DEFAULT_PATIENCE} epochs without
     * improvement (the best epoch is kept). No live progress.
     * {@code MlpTrainer}'s own defaults are left as they are: a user's trainer is checked as given.
     */
    public static MlpTrainer.Builder defaultNetwork(int trainRows) {
        int batch = Math.max(1, Math.min(256, trainRows / 8));
        double fitRows = Math.max(1, trainRows * (1 - MlpTrainer.builder().build().settings().validationFraction()));
        int stepsPerEpoch = (int) Math.max(1, Math.ceil(fitRows / batch));
        int epochs = Math.max(10, Math.min(DEFAULT_MAX_EPOCHS, (DEFAULT_MIN_STEPS + stepsPerEpoch - 1) / stepsPerEpoch));
        MlpTrainer.Builder network = MlpTrainer.builder().batchSize(batch).epochs(epochs).progress(false);
        // A validation part of a few rows stops training on noise: small data trains its full steps on all rows.
        return trainRows >= MIN_EARLY_STOPPING_ROWS ? network.earlyStopping(DEFAULT_PATIENCE)
                : network.validationFraction(0);
    }

    /**
     * Runs the checkup. Its own fits print nothing on standard error (see {@link TrainingMessages}): what they meet is
     * in the findings.
     */
    public Diagnosis run() {
        return TrainingMessages.withheld(this::diagnose);
    }

    private Diagnosis diagnose() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        long t0 = System.nanoTime();
        if (trainer == null) {
            trainer = defaultNetwork(data.train().size()).build();
        }
        CheckContext context = new CheckContext(data, trainer, seed, budget);
        Metrics checked = context.metrics();
        // The symptom needs only the data and the model's test predictions: its reference models train on a
        // second core while the checks run on this one.
        FutureTask<Symptom> measuring = new FutureTask<>(() -> Symptom.measure(data, checked, context.classes(), seed));
        Thread symptomThread = new Thread(() -> TrainingMessages.withheld(measuring), "flatline-symptom");
        symptomThread.setDaemon(true);
        symptomThread.start();
        List<Check> ordered = new ArrayList<>(checks);
        ordered.sort(Comparator.comparing(Check::cost)); // stable: catalogue order within a cost
        List<CheckResult> results = new ArrayList<>();
        for (Check check : ordered) {
            results.add(runOne(check, context));
        }
        List<Finding> byChecks = results.stream().flatMap(r -> r.findings().stream()).toList();
        // The remedies are tried while the symptom's reference models finish on the other core: the trials need
        // only the checks' findings (the references add proof to one finding's evidence, not a remedy).
        Set<String> testSide = new HashSet<>();
        List<Trial> trials = new ArrayList<>(tryRemedies(byChecks, context, testSide));
        // Where more labelled rows were tried (the learning curve carried past the training part), that is the
        // "more rows" remedy's trial, from the same "before", ranked beside the retrained remedies.
        context.<Optional<MoreRows>>memoised("more-rows").flatMap(m -> m).filter(MoreRows::proves)
                .ifPresent(m -> trials.add(m.trial()));
        Symptom measured = await(measuring);
        List<Finding> found = provenTestPart(provenImbalance(byChecks, measured, data.classCounts(), checked,
                () -> context.secondsLeft() > 0 ? MoreRows.ofRareClasses(context) : Optional.empty()), measured,
                data.separateTestFile());
        // A test part unlike the training rows misleads every score taken on it, the model's and each retrained
        // trial's alike: where the references prove that, it is the cause before any retrain's lift.
        Optional<Finding> testPartProven = found.stream().filter(f -> f.id().equals(TEST_PART)
                && f.evidence().containsKey("proven_by")).findFirst();
        Optional<Finding> provenByEvidence = testPartProven.or(() -> found.stream()
                .filter(f -> f.evidence().containsKey("proven_by")).findFirst());
        // A root cause is named only for a model with the symptom, and only on a lift larger than its noise
        // (or, where no retrain can prove it, on evidence: the references' drop on the test part, the imbalance's
        // proof, more rows tried). A learning curve's slope is no proof (see LearningCurveCheck.DATA_LIMITED).
        // Where the reference models, trained on the same rows, show no gap but more rows, tried, prove the
        // rows too few, the model is as good as these rows allow and the rows are the cause: the symptom is
        // the curve's, and the cause is named by that evidence even if some remedy also lifts the model a
        // little (that remedy is an improvement). Where the references show the gap, the network falls short
        // of what these very rows allow, so a remedy's proven lift names the cause first.
        // The curve gives the symptom only when more rows, tried, lift the model beyond their noise; a steep slope
        // alone does not (LearningCurveCheck.DATA_LIMITED).
        Optional<Finding> dataLimit = provenByEvidence.filter(f -> Boolean.TRUE.equals(
                f.evidence().get(LearningCurveCheck.DATA_LIMITED)));
        // A test part preprocessed differently misleads every reference trained on the training part as much as
        // the model, so none shows the gap: the same model scored on its test part made like the training part
        // does. Where that lifts it far (FAR_BELOW) and beyond its noise, the model is far below what the data
        // allow, and the test part is the cause.
        Optional<Trial> testSideShown = measured.present() || dataLimit.isPresent() ? Optional.empty()
                : trials.stream().filter(t -> testSide.contains(t.finding()) && t.onTopOf().isEmpty()
                        && t.lift() >= Symptom.FAR_BELOW && t.lowerBound() > 0)
                        .max(Comparator.comparingDouble(Trial::lowerBound));
        Symptom symptom = measured;
        if (!measured.present() && dataLimit.isPresent()) {
            symptom = measured.shownBy(dataLimit.get().id().equals(IMBALANCE)
                    ? "more labelled rows of its under-represented classes, tried, lift it beyond their noise"
                    : "more labelled rows of these data, tried, lift it beyond their noise");
        } else if (testSideShown.isPresent()) {
            Trial t = testSideShown.get();
            symptom = measured.shownBy(String.format(Locale.ROOT, "with %s, the same model scores %.3f against %.3f "
                    + "(%s)", t.change(), t.after().balancedAccuracy(), t.before().balancedAccuracy(), t.liftText()));
        }
        // Where the best single remedy leaves the model short of the reference, the next candidates are tried.
        Optional<Repair> repair = Repair.after(symptom, trials, found, context, trainer,
                data.subsampleTrain(TRIAL_ROWS, seed));
        Optional<Trial> best = mostLikely(trials);
        Optional<Finding> root = measured.present()
                ? testPartProven.or(() -> best.flatMap(t -> found.stream()
                                .filter(f -> f.id().equals(t.finding())).findFirst()))
                        .or(() -> provenByEvidence)
                : dataLimit.or(() -> testSideShown.flatMap(t -> found.stream()
                        .filter(f -> f.id().equals(t.finding())).findFirst()));
        List<Finding> ranked = rank(found, trials, root);
        List<Trial> sortedTrials = trials.stream().sorted(Comparator.comparingDouble(Trial::lowerBound).reversed())
                .toList();
        return new Diagnosis(data.name(), data.target(), data.train().size(), data.test().size(), data.featureNames(),
                data.classCounts().asMap(), data.standardised(), trainer.toString(), trainer.getClass().getSimpleName(),
                context.metrics(), context.fitSeconds(), symptom, ranked, root, sortedTrials, results,
                repair, context.memoised("rate-sweep"), context.memoised("learning-curve"), budget.toMillis() / 1000.0,
                (System.nanoTime() - t0) / 1e9);
    }

    /** The finding a test part unlike the training rows is reported under. */
    private static final String TEST_PART = new TrainTestShiftCheck().id();

    /**
     * The findings with the train-test-shift finding proven where the reference models prove it
     * ({@link Symptom#testPartFarWorse()}; see {@link TrainTestShiftCheck#provenByReferences}): this check's finding
     * with the proof added, or one made from the proof where the check found nothing; unchanged otherwise.
     */
    static List<Finding> provenTestPart(List<Finding> found, Symptom symptom, boolean separateTestFile) {
        if (symptom.testPartFarWorse().isEmpty()) {
            return found;
        }
        Optional<Finding> own = found.stream().filter(f -> f.id().equals(TEST_PART)).findFirst();
        Finding proven = TrainTestShiftCheck.provenByReferences(own, symptom, separateTestFile);
        List<Finding> out = new ArrayList<>(found.stream().map(f -> f.id().equals(TEST_PART) ? proven : f).toList());
        if (own.isEmpty()) {
            out.add(proven);
        }
        return out;
    }

    /** Imbalance ratio (largest over smallest training class) from which imbalance can be a root cause. */
    public static final double LARGE_IMBALANCE = 10;

    /** The finding a class imbalance is reported under. */
    private static final String IMBALANCE = new ClassImbalanceCheck().id();

    /**
     * The class-imbalance finding with proof, where the data prove it (with an imbalance of at least
     * {@value #LARGE_IMBALANCE}:1), by the first of three pieces of evidence:
     * <ul>
     * <li>balanced class weights lift a reference model (same kind, same rows, with and without weights) by at
     * least {@link #ROOT_CAUSE_LIFT} and beyond its noise: the imbalance's controlled experiment on a model that
     * converges reliably (a network trained to convergence memorises the few rare rows and weights then change
     * little in it, so its own trial often cannot show what the data show);</li>
     * <li>the model's recall tracks the classes' training rows: the dominant class is recalled better than the
     * classes with at most a tenth of its rows, on average, by more than the 95% margin of that difference
     * (binomial standard errors of the recalls), see {@link #rareRecallGap};</li>
     * <li>more labelled rows of the under-represented classes, tried ({@code rareRows}, see
     * {@link MoreRows#runRareClasses}), lift the model beyond their noise: its rare classes have too few rows. This
     * one also shows the symptom where the references, trained on the same few rare rows, cannot
     * ({@link LearningCurveCheck#DATA_LIMITED} in the evidence), so it is tried where the model shows no symptom or
     * nothing else proves the imbalance.</li>
     * </ul>
     * Each only where the model's errors flow toward the dominant class ({@link #errorsTowardTheDominantClass}).
     * (On a model without the symptom the first two name nothing; see {@link #run()}.)
     */
    static List<Finding> provenImbalance(List<Finding> found, Symptom symptom, ClassCounts train, Metrics model,
            Supplier<Optional<MoreRows>> rareRows) {
        return found.stream().map(f -> {
            // A network that already weighs its classes has the imbalance's remedy in place: nothing to prove.
            boolean large = f.id().equals(IMBALANCE) && f.evidence().get("imbalance_ratio") instanceof Number r
                    && r.doubleValue() >= LARGE_IMBALANCE
                    && !Boolean.TRUE.equals(f.evidence().get(ClassImbalanceCheck.WEIGHTED));
            if (!large || !errorsTowardTheDominantClass(train, model)) {
                return f;
            }
            String proof;
            if (symptom.weightsLiftReference(ROOT_CAUSE_LIFT)) {
                proof = String.format(Locale.ROOT, "balanced class weights lift the %s reference by %+.3f ± %.3f "
                        + "balanced accuracy on the test part", symptom.weightsReference(), symptom.weightsLift(),
                        symptom.weightsLiftMargin());
            } else {
                proof = rareRecallGap(train, model).orElse("");
            }
            Optional<MoreRows> more = proof.isEmpty() || !symptom.present()
                    ? rareRows.get().filter(MoreRows::proves) : Optional.empty();
            if (proof.isEmpty() && more.isEmpty()) {
                return f;
            }
            Map<String, Object> evidence = new java.util.LinkedHashMap<>(f.evidence());
            more.ifPresent(m -> {
                List<Object> e = m.evidence();
                for (int i = 0; i < e.size(); i += 2) {
                    evidence.put((String) e.get(i), e.get(i + 1));
                }
                evidence.put(LearningCurveCheck.DATA_LIMITED, true);
            });
            // The rows tried are the proof where they show the symptom: the experiment on the checked trainer itself.
            evidence.put("proven_by", more.map(MoreRows::proof).orElse(proof));
            // Proven only by rows added, the imbalance's cure is rows: reweighting the few there are did not show it.
            Remedy remedy = proof.isEmpty() ? new Remedy(String.format(Locale.ROOT, "Collect or label more rows of "
                    + "the under-represented classes '%s' (here %d more were worth %+.3f); class weights or "
                    + "oversampling only reuse the few rows there are (R1, R5).",
                    String.join("', '", more.get().classes()), more.get().moreRows(), more.get().lift()),
                    MoreRows.CODE) : f.remedy();
            return new Finding(f.id(), f.severity(), f.title(), evidence, remedy, f.notebook());
        }).toList();
    }

    /**
     * Whether no class but the dominant training class is predicted far more often than it occurs
     * ({@link Symptom#predictedFarTooOften}, the rule the symptom's lean uses). Imbalance pushes errors toward the
     * dominant class; where they flow to another class (a broken model, e.g. a test part preprocessed differently), neither
     * the recalls nor a reference's response to class weights on that test part say anything about the imbalance.
     */
    static boolean errorsTowardTheDominantClass(ClassCounts train, Metrics model) {
        String dominant = train.majority();
        for (String c : train.classes()) {
            long truth = model.trueCounts().getOrDefault(c, 0L);
            long predicted = model.predictedCounts().getOrDefault(c, 0L);
            if (!c.equals(dominant) && Symptom.predictedFarTooOften(truth, predicted)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The model's recall tracking the classes' training rows, in a sentence: the dominant training class's recall
     * minus the mean recall of the classes with at most 1/{@value #LARGE_IMBALANCE} of its rows (and at least
     * {@link Symptom#MIN_TEST_ROWS} test rows), where that difference is larger than its 95% margin (1.96 binomial
     * standard errors of the recalls, taken as independent), and where the errors flow toward the dominant class
     * ({@link #errorsTowardTheDominantClass}); empty otherwise.
     */
    static Optional<String> rareRecallGap(ClassCounts train, Metrics model) {
        if (!errorsTowardTheDominantClass(train, model)) {
            return Optional.empty();
        }
        String dominant = train.majority();
        long dominantTest = model.trueCounts().getOrDefault(dominant, 0L);
        if (dominantTest < Symptom.MIN_TEST_ROWS) {
            return Optional.empty();
        }
        double top = model.recall().getOrDefault(dominant, 0.0);
        double variance = top * (1 - top) / dominantTest;
        List<String> rare = train.classes().stream()
                .filter(c -> train.get(c) * LARGE_IMBALANCE <= train.get(dominant))
                .filter(c -> model.trueCounts().getOrDefault(c, 0L) >= Symptom.MIN_TEST_ROWS).toList();
        if (rare.isEmpty()) {
            return Optional.empty();
        }
        double mean = 0;
        double rareVariance = 0;
        for (String c : rare) {
            double r = model.recall().getOrDefault(c, 0.0);
            mean += r / rare.size();
            rareVariance += r * (1 - r) / model.trueCounts().get(c) / ((double) rare.size() * rare.size());
        }
        double margin = 1.96 * Math.sqrt(variance + rareVariance);
        double gap = top - mean;
        if (!(gap >= ROOT_CAUSE_LIFT && gap > margin)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the model recalls the dominant class '%s' (%d training rows) "
                + "%.3f and the %d classes with a tenth of its rows or fewer %.3f on average: %+.3f ± %.3f",
                dominant, train.get(dominant), top, rare.size(), mean, gap, margin));
    }

    private static CheckResult runOne(Check check, CheckContext context) {
        boolean costly = check.cost().compareTo(Check.Cost.MODEL) > 0;
        if (costly && context.secondsLeft() <= 0) {
            return CheckResult.skipped(check.id(), "the time budget was spent before this check");
        }
        long t0 = System.nanoTime();
        CheckResult result;
        try {
            result = check.runIfApplicable(context);
        } catch (RuntimeException e) {
            result = CheckResult.failed(check.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return result.timed((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Findings that are mechanisms rather than causes: their remedy can lift a model whose cause lies
     * elsewhere (a too-high rate kills ReLU units; leaky units then survive it).
     */
    static final List<String> MECHANISMS = List.of("dead-units", "vanishing-gradients", "numerical-health",
            "init-loss", "training-length");

    /**
     * The trial with the largest lower bound; among trials whose intervals overlap it, a cause is preferred
     * to a mechanism (see {@link #MECHANISMS}), since the data cannot tell them apart.
     */
    static Optional<Trial> mostLikely(List<Trial> all) {
        // Root causes compete on one "before", the model as checked; a lift on top of another fix is evidence
        // that the cause adds to it (reported beside it), not a rival measured from another start.
        List<Trial> trials = all.stream().filter(t -> t.onTopOf().isEmpty()).toList();
        Optional<Trial> best = trials.stream().filter(Trial::significant)
                .max(Comparator.comparingDouble(Trial::lowerBound));
        if (best.isEmpty() || !MECHANISMS.contains(best.get().finding())) {
            return best;
        }
        double floor = best.get().lowerBound();
        return trials.stream().filter(Trial::significant).filter(t -> !MECHANISMS.contains(t.finding()))
                .filter(t -> t.lift() + t.margin() >= floor).max(Comparator.comparingDouble(Trial::lowerBound))
                .or(() -> best);
    }

    /**
     * Tries the remedies of the findings that have one, most serious first, while trials and budget last; the ids of
     * the findings whose remedy was tried on the test side (no retraining) are added to {@code testSide}.
     */
    private List<Trial> tryRemedies(List<Finding> found, CheckContext context, Set<String> testSide) {
        List<Finding> candidates = found.stream()
                .filter(f -> f.severity() != Severity.INFO)
                .sorted(Comparator.comparing(Finding::severity))
                .toList();
        List<Trial> trials = new ArrayList<>();
        CheckData trialData = data.subsampleTrain(TRIAL_ROWS, seed);
        Map<String, Change> tried = new HashMap<>();
        // The "before" fit and the remedies' fits are independent: they run side by side, in waves of as many
        // remedies as trials are left, so that a remedy that cannot be applied leaves its place to the next.
        ExecutorService fits = Executors.newFixedThreadPool(FIT_THREADS, r -> {
            Thread t = new Thread(() -> TrainingMessages.withheld(r), "flatline-trial");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Metrics> before = null;
            Model<Label>[] beforeModel = null;
            int next = 0;
            while (next < candidates.size() && trials.size() < maxTrials && context.secondsLeft() > 0) {
                // Plan a wave (cheap: the fixes are built and applied, nothing is trained yet).
                List<Planned> wave = new ArrayList<>();
                while (next < candidates.size() && trials.size() + wave.size() < maxTrials) {
                    Finding finding = candidates.get(next++);
                    Optional<Planned> planned = plan(finding, trialData);
                    planned.ifPresent(wave::add);
                }
                if (wave.isEmpty()) {
                    break;
                }
                if (before == null) {
                    @SuppressWarnings("unchecked")
                    Model<Label>[] holder = new Model[1];
                    beforeModel = holder;
                    before = fits.submit(() -> {
                        holder[0] = trialData == data ? context.model() : context.fit(trainer, trialData.train());
                        return trialData == data ? context.metrics() : context.evaluate(holder[0], trialData.test());
                    });
                }
                Future<Metrics> beforeMetrics = before;
                Model<Label>[] beforeHolder = beforeModel;
                Map<Planned, Future<Optional<Metrics>>> afters = new HashMap<>();
                for (Planned p : wave) {
                    boolean shares = trials.stream().anyMatch(t -> t.change().equals(p.change().description()))
                            || wave.stream().takeWhile(q -> q != p)
                                    .anyMatch(q -> q.change().description().equals(p.change().description()));
                    if (!shares) {
                        afters.put(p, fits.submit(() -> tryOne(p, context, beforeMetrics, beforeHolder)));
                    }
                }
                for (Planned p : wave) {
                    Optional<Trial> same = trials.stream().filter(t -> t.change().equals(p.change().description()))
                            .findFirst();
                    if (!p.attempt().retrain()) {
                        testSide.add(p.finding().id());
                    }
                    if (same.isPresent()) {
                        // Two findings with one remedy share its trial rather than retraining.
                        trials.add(same.get().forFinding(p.finding().id()));
                        continue;
                    }
                    Future<Optional<Metrics>> after = afters.get(p);
                    Optional<Metrics> measured = after == null ? Optional.empty() : await(after);
                    if (measured.isPresent()) {
                        trials.add(Trial.of(p.finding().id(), p.change().description(), p.change().code(),
                                trialData.train().size(), await(beforeMetrics), measured.get()));
                        tried.put(p.finding().id(), p.change());
                    }
                }
            }
        } finally {
            fits.shutdownNow();
        }
        return onTopOfTunedRate(trials, tried, trialData, context);
    }

    /** Threads that fit remedies side by side (two cores are common; more would each need memory). */
    static final int FIT_THREADS = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    /** A remedy ready to be tried: its finding, change and the changed trainer and data. */
    private record Planned(Finding finding, Change change, Change.Attempt attempt) {
    }

    /** The finding's remedy applied to the trial data, if it carries a change that applies to this trainer and data. */
    private Optional<Planned> plan(Finding finding, CheckData trialData) {
        try {
            return finding.remedy().change().map(c -> new Planned(finding, c, c.apply(trialData, trainer)));
        } catch (RuntimeException e) {
            // A remedy that cannot be applied to this trainer or data is simply not tried.
            return Optional.empty();
        }
    }

    /** The remedy's "after" metrics; empty when the budget is spent or the remedy fails to train. */
    private static Optional<Metrics> tryOne(Planned p, CheckContext context, Future<Metrics> before,
            Model<Label>[] beforeModel) {
        if (context.secondsLeft() <= 0) {
            return Optional.empty();
        }
        try {
            Model<Label> fixed;
            if (p.attempt().retrain()) {
                fixed = context.fit(p.attempt().trainer(), p.attempt().data().train());
            } else {
                await(before);
                fixed = beforeModel[0];
            }
            return Optional.of(context.evaluate(fixed, p.attempt().data().test()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A result computed on another thread; its failure is this checkup's, as if computed on this thread. */
    private static <T> T await(Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a fit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Imbalance is judged on top of a tuned learning rate, so that a better rate does not mask it: where the
     * rate's trial lifted the model, the class-imbalance remedy is retried with that rate, its "before"
     * being the rate's "after", and its lift is what it adds (the combined fix's lift is the two together).
     */
    private List<Trial> onTopOfTunedRate(List<Trial> trials, Map<String, Change> tried, CheckData trialData,
            CheckContext context) {
        Optional<Trial> rate = trials.stream().filter(t -> t.finding().equals("learning-rate") && t.significant())
                .findFirst();
        Change imbalance = tried.get("class-imbalance");
        if (rate.isEmpty() || imbalance == null || !tried.containsKey("learning-rate") || context.secondsLeft() <= 0) {
            return trials;
        }
        try {
            Trainer<Label> tuned = tried.get("learning-rate").apply(trialData, trainer).trainer();
            Change.Attempt attempt = imbalance.apply(trialData, tuned);
            Metrics after = context.evaluate(context.fit(attempt.trainer(), attempt.data().train()),
                    attempt.data().test());
            Trial plain = trials.stream().filter(t -> t.finding().equals("class-imbalance")).findFirst().orElseThrow();
            Trial onTop = plain.onTopOf(rate.get(), after);
            List<Trial> out = new ArrayList<>(trials);
            out.replaceAll(t -> t.finding().equals("class-imbalance") ? onTop : t);
            return out;
        } catch (RuntimeException e) {
            return trials;
        }
    }

    /**
     * Root cause first, then findings whose remedy lifted the model by more than its noise (largest lower
     * bound first), then by severity, with findings whose remedy was tried and moved nothing after the
     * untried ones of the same severity.
     */
    private static List<Finding> rank(List<Finding> found, List<Trial> trials, Optional<Finding> root) {
        Map<String, Trial> trial = new HashMap<>();
        trials.forEach(t -> trial.put(t.finding(), t));
        Comparator<Finding> order = Comparator
                .comparing((Finding f) -> root.map(r -> r.id().equals(f.id())).orElse(false) ? 0 : 1)
                .thenComparing(f -> trial.containsKey(f.id()) && trial.get(f.id()).significant() ? 0 : 1)
                .thenComparing(f -> trial.containsKey(f.id()) && trial.get(f.id()).significant()
                        ? -trial.get(f.id()).lowerBound() : 0.0)
                .thenComparing(Finding::severity)
                .thenComparing(f -> trial.containsKey(f.id()) ? 1 : 0);
        return found.stream().sorted(order).toList();
    }
}
