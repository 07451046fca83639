package dev.flatline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flatline.checks.CheckResult;
import dev.flatline.checks.Finding;
import dev.flatline.checks.LearningCurve;
import dev.flatline.checks.RateSweep;
import dev.flatline.checks.Repair;
import dev.flatline.checks.Diagnosis;
import dev.flatline.checks.Trial;
import dev.flatline.evaluation.Metrics;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A checkup {@link Diagnosis} as JSON: {@code dataset}, {@code trainer}, {@code model} (test metrics),
 * {@code findings} (ranked; each with {@code id}, {@code severity}, {@code title}, {@code evidence},
 * {@code remedy}, {@code notebook} and, where tried, {@code trial}), {@code root_cause} (an id or
 * null), {@code trials}, {@code checks} (each check's status and seconds), {@code learning_rate_sweep}
 * and {@code learning_curve} when they ran, {@code budget_s} and {@code elapsed_s}. Numbers that are
 * not finite are written as null.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportJson() {
    }

    /** The report as indented JSON text. */
    public static String write(Diagnosis report) {
        try {
            return MAPPER.writeValueAsString(tree(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON: " + e.getMessage(), e);
        }
    }

    /** Writes a small tree as {@link #write(Diagnosis)} does, so that Jackson is ready (see {@link ReportWarmUp}). */
    static String warmUp() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("text", "warm-up");
        number(root, "number", 0.5);
        numbers(root.putArray("numbers"), new double[] {1, Double.NaN});
        strings(root.putArray("strings"), List.of("a", "b"));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a small JSON tree: " + e.getMessage(), e);
        }
    }

    /** The report as a Jackson tree. */
    public static ObjectNode tree(Diagnosis report) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("name", report.dataset());
        dataset.put("target", report.target());
        dataset.put("train_rows", report.trainRows());
        dataset.put("test_rows", report.testRows());
        dataset.put("features", report.features().size());
        strings(dataset.putArray("feature_names"), report.features());
        ObjectNode classes = dataset.putObject("class_counts");
        report.classCounts().forEach(classes::put);
        dataset.put("standardised", report.standardised());

        ObjectNode trainer = root.putObject("trainer");
        trainer.put("kind", report.trainerKind());
        trainer.put("description", report.trainer());
        number(trainer, "fit_s", report.fitSeconds());
        metrics(root.putObject("model"), report.metrics());
        ObjectNode symptom = root.putObject("symptom");
        symptom.put("present", report.symptom().present());
        number(symptom, "balanced_accuracy", report.symptom().balancedAccuracy());
        number(symptom, "reference_balanced_accuracy", report.symptom().reference());
        symptom.put("reference_model", report.symptom().referenceModel());
        strings(symptom.putArray("classes_never_predicted"), report.symptom().neverPredicted());
        symptom.put("rarely_predicted", report.symptom().rarelyPredicted());
        symptom.put("shown_by", report.symptom().shownBy());
        number(symptom, "gap", report.symptom().gap());
        number(symptom, "test_part_drop", report.symptom().testPartDrop());
        number(symptom, "test_part_drop_margin", report.symptom().testPartDropMargin());
        number(symptom, "test_part_shift_p_value", report.symptom().testPartShiftPValue());
        symptom.put("test_part_far_worse", report.symptom().testPartFarWorse());
        symptom.put("summary", report.symptom().summary());
        root.put("trial_training_rows", report.trialRows());

        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("id", f.id());
            node.put("severity", f.severity().label());
            node.put("title", f.title());
            ObjectNode evidence = node.putObject("evidence");
            f.evidence().forEach((k, v) -> value(evidence, k, v));
            ObjectNode remedy = node.putObject("remedy");
            remedy.put("advice", f.remedy().advice());
            remedy.put("code", f.remedy().code());
            node.put("notebook", f.notebook());
            report.trials().stream().filter(t -> t.finding().equals(f.id())).findFirst()
                    .ifPresent(t -> trial(node.putObject("trial"), t));
        }
        if (report.rootCause().isPresent()) {
            root.put("root_cause", report.rootCause().get().id());
        } else {
            root.putNull("root_cause");
        }
        ArrayNode trials = root.putArray("trials");
        report.trials().forEach(t -> trial(trials.addObject(), t));
        report.repair().ifPresent(r -> repair(root.putObject("repair"), r));
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : report.results()) {
            ObjectNode node = checks.addObject();
            node.put("id", r.check());
            node.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            number(node, "seconds", r.seconds());
            node.put("note", r.note());
        }
        report.rateSweep().ifPresent(s -> sweep(root.putObject("learning_rate_sweep"), s));
        report.learningCurve().ifPresent(c -> curve(root.putObject("learning_curve"), c));
        number(root, "budget_s", report.budgetSeconds());
        number(root, "elapsed_s", report.elapsedSeconds());
        return root;
    }

    private static void metrics(ObjectNode node, Metrics m) {
        number(node, "accuracy", m.accuracy());
        number(node, "balanced_accuracy", m.balancedAccuracy());
        number(node, "macro_f1", m.macroF1());
        strings(node.putArray("classes_never_predicted"), m.neverPredicted());
        ObjectNode recall = node.putObject("recall");
        m.recall().forEach((k, v) -> number(recall, k, v));
        ObjectNode predicted = node.putObject("predicted_counts");
        m.predictedCounts().forEach(predicted::put);
    }

    private static void trial(ObjectNode node, Trial t) {
        node.put("finding", t.finding());
        node.put("change", t.change());
        node.put("code", t.code());
        node.put("training_rows", t.rows());
        number(node, "lift", t.lift());
        number(node, "lift_margin_95", t.margin());
        node.put("lift_interval", "paired bootstrap over test rows");
        node.put("significant", t.significant());
        node.put("on_top_of", t.onTopOf());
        metrics(node.putObject("before"), t.before());
        metrics(node.putObject("after"), t.after());
    }

    /** The repair: each step (its trial on top of the steps kept before it), the combined fix, the gap. */
    private static void repair(ObjectNode node, Repair r) {
        ArrayNode steps = node.putArray("steps");
        for (Repair.Step step : r.steps()) {
            ObjectNode s = steps.addObject();
            s.put("source", step.source());
            number(s, "validation_balanced_accuracy", step.validation());
            s.put("kept", step.kept());
            trial(s.putObject("trial"), step.trial());
        }
        r.combined().ifPresentOrElse(t -> trial(node.putObject("combined"), t), () -> node.putNull("combined"));
        number(node, "reference_balanced_accuracy", r.reference());
        number(node, "final_balanced_accuracy", r.finalAfter());
        number(node, "gap_to_reference", r.gap());
        node.put("stop", r.stop());
        node.put("summary", r.summary());
    }

    private static void sweep(ObjectNode node, RateSweep s) {
        numbers(node.putArray("rates"), s.rates());
        numbers(node.putArray("balanced_accuracy"), s.balancedAccuracy());
        numbers(node.putArray("final_loss"), s.finalLoss());
        ArrayNode predicted = node.putArray("classes_predicted");
        Arrays.stream(s.classesPredicted()).forEach(predicted::add);
        number(node, "current_rate", s.current());
        number(node, "best_rate", s.bestRate());
        node.put("training_rows", s.rows());
    }

    private static void curve(ObjectNode node, LearningCurve c) {
        ArrayNode rows = node.putArray("training_rows");
        Arrays.stream(c.rows()).forEach(rows::add);
        numbers(node.putArray("train_balanced_accuracy"), c.trainBalancedAccuracy());
        numbers(node.putArray("test_balanced_accuracy"), c.testBalancedAccuracy());
    }

    private static void value(ObjectNode node, String key, Object v) {
        if (v instanceof Double || v instanceof Float) {
            number(node, key, ((Number) v).doubleValue());
        } else if (v instanceof Number n) {
            node.put(key, n.longValue());
        } else if (v instanceof Boolean b) {
            node.put(key, b);
        } else if (v instanceof List<?> list) {
            ArrayNode array = node.putArray(key);
            list.forEach(item -> array.add(String.valueOf(item)));
        } else if (v instanceof Map<?, ?> map) {
            ObjectNode child = node.putObject(key);
            map.forEach((k, item) -> value(child, String.valueOf(k), item));
        } else {
            node.put(key, String.valueOf(v));
        }
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double v : values) {
            if (Double.isFinite(v)) {
                array.add(v);
            } else {
                array.addNull();
            }
        }
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
