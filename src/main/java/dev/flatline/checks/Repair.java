package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.data.HeldOut;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.remedies.Change;
import dev.flatline.remedies.Changes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A repair, not one guess: when the best single remedy still leaves a model with the symptom short of
 * what the data allow (the {@link Symptom}'s reference), the checkup tries the next candidates, one
 * on top of the other, and keeps each that helps.
 *
 * <p>The candidates, in order: the other findings' remedies that lifted the model (so several causes
 * together get a combined fix), then the remaining findings' remedies, then the network changes no
 * check asked for but that repair deep narrow networks ({@link #NEXT_CANDIDATES}: leaky ReLU units,
 * the learning rate the sweep found best, three times the epochs, and a shallower, wider ReLU
 * network). Each change is the finding's own {@link Remedy#change()}, made in one home, {@link Changes}. Each state
 * is one model trained on the training part less {@value #VALIDATION_SHARE} of each class, held out as
 * validation rows: whether a change is kept is chosen on those rows, never on the test part; the test
 * part only says, after each kept change, how far the same model still is from the reference, and gives
 * each step's lift ± its 95% margin (paired bootstrap, {@link PairedBootstrap}) and the combined fix's
 * lift over the model as checked (trained on the whole training part: the report's one "before").
 *
 * <p>It stops once the model is within {@value #WITHIN} of the reference (or above it), after
 * {@value #MAX_STEPS} candidates, or when the checkup's budget is spent.
 *
 * @param steps      every candidate tried, in order, with whether it was kept
 * @param combined   the kept changes together against the model as checked (lift ± margin); empty when
 *                   nothing was kept
 * @param reference  the reference balanced accuracy the repair aims at
 * @param finalAfter the repaired model's balanced accuracy on the test part
 * @param stop       why the repair stopped, in words
 */
public record Repair(List<Step> steps, Optional<Trial> combined, double reference, double finalAfter, String stop) {

    /**
     * "Within a few points" of the reference: a model this close to it (or above) needs no more repair. The
     * symptom's threshold, so that the symptom and the repair agree on when a model is close enough.
     */
    public static final double WITHIN = Symptom.FAR_BELOW;
    /** Most candidates one repair tries. */
    public static final int MAX_STEPS = 6;
    /** Share of each class of the training part held out to choose which changes to keep. */
    public static final double VALIDATION_SHARE = 0.2;
    /** A change is kept when it lifts the validation balanced accuracy by more than this. */
    static final double MIN_VALIDATION_GAIN = 0.005;
    /**
     * Checks whose remedy the repair tries even when the check found nothing, in this order: the changes
     * that repair deep narrow networks, least invasive first.
     */
    static final List<String> NEXT_CANDIDATES = List.of("dead-units", "learning-rate", "training-length",
            "vanishing-gradients");

    /** Copies the list. */
    public Repair {
        steps = List.copyOf(steps);
    }

    /**
     * One candidate tried.
     *
     * @param source     the finding whose remedy it is, or the check that proposes it without a finding
     * @param trial      the change on top of the changes kept before it, scored on the test part (lift ±
     *                   margin); for a candidate not kept, what it would have added
     * @param validation balanced accuracy on the validation rows with the change
     * @param kept       whether the change was kept (it lifted the validation score)
     */
    public record Step(String source, Trial trial, double validation, boolean kept) {
    }

    /** Final gap to the reference (negative: above it). */
    public double gap() {
        return reference - finalAfter;
    }

    /** Whether the repaired model is within {@link #WITHIN} of the reference. */
    public boolean reached() {
        return gap() <= WITHIN;
    }

    /** One line: the steps kept, the combined lift and the final gap. */
    public String summary() {
        List<String> kept = steps.stream().filter(Step::kept).map(s -> s.trial().change()).toList();
        return String.format(Locale.ROOT, "Repair: %s; %s; final balanced accuracy %.3f, %s the reference %.3f "
                        + "(%s).", kept.isEmpty() ? "no candidate helped" : String.join(" + ", kept),
                combined.map(t -> "combined lift " + t.liftText()).orElse("no combined fix"), finalAfter,
                gap() > 0 ? String.format(Locale.ROOT, "%.3f below", gap()) : "at or above", reference, stop);
    }

    /** The state of the repair: the data and trainer with the changes kept so far, and their scores. */
    private record State(CheckData data, Trainer<Label> trainer, List<String> changes, List<String> codes,
                         Fitted fitted) {
        Metrics test() {
            return fitted.test();
        }

        double validation() {
            return fitted.validation();
        }
    }

    /** A model trained on the fit rows, its validation score (to choose) and its test metrics (to report). */
    private record Fitted(Model<Label> model, int rows, double validation, Metrics test) {
    }

    /**
     * The repair after the single-remedy trials, or empty where none is needed: a model without the
     * symptom, or one whose best tried fix (a single remedy, or one on top of another) already brings it within
     * {@link #WITHIN} of the reference.
     *
     * @param trials    the single-remedy trials, best first
     * @param trialData the rows the trials trained on
     */
    static Optional<Repair> after(Symptom symptom, List<Trial> trials, List<Finding> found,
            CheckContext context, Trainer<Label> trainer, CheckData trialData) {
        if (!symptom.present() || context.secondsLeft() <= 0) {
            return Optional.empty();
        }
        double reference = symptom.reference();
        List<Trial> single = trials.stream().filter(t -> t.onTopOf().isEmpty()).toList();
        // A trial on top of another (class weights on the tuned rate) is already a combined fix: where it reaches
        // the reference, the repair would only retrain that same combination.
        double bestTried = trials.stream().mapToDouble(t -> t.after().balancedAccuracy())
                .max().orElse(Double.NEGATIVE_INFINITY);
        if (reference - bestTried <= WITHIN) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Repairing(found, context, trialData).run(single, trainer, reference));
        } catch (RuntimeException e) {
            // A repair that cannot run (e.g. too few rows to hold out validation rows) leaves the trials as they are.
            return Optional.empty();
        }
    }

    /** One repair's work: the candidates in order, each fitted on the validation split and kept or not. */
    private static final class Repairing {
        private final List<Finding> found;
        private final CheckContext context;
        private final CheckData trialData;

        Repairing(List<Finding> found, CheckContext context, CheckData trialData) {
            this.found = found;
            this.context = context;
            this.trialData = trialData;
        }

        Repair run(List<Trial> single, Trainer<Label> trainer, double reference) {
            State state = new State(trialData, trainer, List.of(), List.of(), fit(trialData, trainer));
            Metrics checked = single.isEmpty() ? state.test() : single.get(0).before();
            List<Step> steps = new ArrayList<>();
            String stop = "";
            for (Candidate c : candidates(single)) {
                if (steps.size() >= MAX_STEPS) {
                    stop = "step cap of " + MAX_STEPS + " reached";
                    break;
                }
                if (context.secondsLeft() <= 0) {
                    stop = "time budget spent";
                    break;
                }
                Optional<Change.Attempt> attempt = apply(c.change(), state);
                if (attempt.isEmpty() || (attempt.get().data() == state.data()
                        && sameSettings(attempt.get().trainer(), state.trainer()))) {
                    continue; // nothing to change on this state (e.g. leaky ReLU on a leaky network)
                }
                Change.Attempt a = attempt.get();
                // A test-side change keeps the model and changes only the test part it is scored on.
                Fitted fitted = a.retrain() ? fit(a.data(), a.trainer()) : new Fitted(state.fitted().model(),
                        state.fitted().rows(), state.validation(), context.evaluate(state.fitted().model(),
                        a.data().test()));
                double validation = fitted.validation();
                Metrics after = fitted.test();
                // A test-side change cannot show on training rows: it is kept where its own trial lifted the model.
                boolean kept = a.retrain() ? validation > state.validation() + MIN_VALIDATION_GAIN
                        : single.stream().anyMatch(t -> t.change().equals(c.change().description()) && t.significant());
                Trial trial = step(c, state, after);
                steps.add(new Step(c.source(), trial, validation, kept));
                if (kept) {
                    List<String> changes = new ArrayList<>(state.changes());
                    changes.add(c.change().description());
                    List<String> codes = new ArrayList<>(state.codes());
                    codes.add(c.change().code());
                    state = new State(a.data(), a.trainer(), changes, codes, fitted);
                    if (reference - after.balancedAccuracy() <= WITHIN) {
                        stop = "within " + WITHIN + " of the reference";
                        break;
                    }
                }
            }
            if (stop.isEmpty()) {
                stop = "no candidate left";
            }
            Optional<Trial> combined = state.changes().isEmpty() ? Optional.empty()
                    : Optional.of(Trial.of("repair", String.join(" + ", state.changes()),
                            String.join("; ", state.codes()), state.fitted().rows(), checked, state.test()));
            return new Repair(steps, combined, reference, state.test().balancedAccuracy(), stop);
        }

        /** A candidate change: its source (finding or check id) and the change. */
        private record Candidate(String source, Change change) {
        }

        /**
         * The candidates in order: the lifting single remedies (best lower bound first, so the first is the
         * best single fix), the other findings' remedies, then {@link #NEXT_CANDIDATES}; each change once.
         */
        private List<Candidate> candidates(List<Trial> single) {
            Map<String, Candidate> byChange = new LinkedHashMap<>();
            List<Trial> lifting = single.stream().filter(Trial::significant)
                    .sorted(Comparator.comparingDouble(Trial::lowerBound).reversed()).toList();
            for (Trial t : lifting) {
                found.stream().filter(f -> f.id().equals(t.finding())).findFirst()
                        .flatMap(f -> f.remedy().change()).ifPresent(c -> byChange.putIfAbsent(c.description(),
                                new Candidate(t.finding(), c)));
            }
            for (Finding f : found) {
                if (f.severity() != Severity.INFO) {
                    f.remedy().change().ifPresent(c -> byChange.putIfAbsent(c.description(), new Candidate(f.id(), c)));
                }
            }
            for (String id : NEXT_CANDIDATES) {
                Optional<Change> change = found.stream().filter(f -> f.id().equals(id)).findFirst()
                        .flatMap(f -> f.remedy().change()).or(() -> unasked(id));
                change.ifPresent(c -> byChange.putIfAbsent(c.description(), new Candidate(id, c)));
            }
            return List.copyOf(byChange.values());
        }

        /**
         * The change of a network setting no check asked for ({@link #NEXT_CANDIDATES}), made as its check would make
         * it; empty where it does not apply (not a network).
         */
        private Optional<Change> unasked(String id) {
            Optional<MlpTrainer> network = context.mlpTrainer();
            return switch (id) {
                case "dead-units" -> Optional.of(Changes.leakyRelu());
                case "learning-rate" -> network.map(n -> LearningRateCheck.fromSweep(
                        LearningRateCheck.sweep(context).bestRate()));
                case "training-length" -> network.map(n -> Changes.tripleEpochs(n.settings().epochs()));
                case "vanishing-gradients" -> Optional.of(Changes.shallowRelu());
                default -> Optional.empty();
            };
        }

        /** The change applied to the state's data and trainer; empty where it does not apply. */
        private static Optional<Change.Attempt> apply(Change change, State state) {
            try {
                return Optional.of(change.apply(state.data(), state.trainer()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        private static boolean sameSettings(Trainer<Label> a, Trainer<Label> b) {
            return a instanceof MlpTrainer x && b instanceof MlpTrainer y ? x.settings().equals(y.settings())
                    : a == b;
        }

        /** The step's trial: the change on top of the state, both scored on the test part. */
        private Trial step(Candidate c, State state, Metrics after) {
            Trial t = Trial.of(c.source(), c.change().description(), c.change().code(), state.fitted().rows(),
                    state.test(), after);
            return state.changes().isEmpty() ? t : new Trial(t.finding(), t.change(), t.code(), t.rows(), t.before(),
                    t.after(), t.margin(), String.join(" + ", state.changes()));
        }

        /**
         * Trained on the fit rows of the (possibly changed) training part, scored on its validation rows and on
         * the test part: one model, so that the score that chooses and the score that reports are the same
         * model's (a deep narrow network refitted on other rows can land elsewhere).
         */
        private Fitted fit(CheckData data, Trainer<Label> trainer) {
            HeldOut held = HeldOut.of(data.train(), VALIDATION_SHARE, context.seed());
            Model<Label> model = context.fit(trainer, held.fit());
            return new Fitted(model, held.fit().size(),
                    context.evaluate(model, held.validation()).balancedAccuracy(), context.evaluate(model, data.test()));
        }
    }
}
