package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;

/** The trainer as a Tribuo trainer: learning, evaluation, provenance, serialisation, determinism. */
class MlpTrainerTest {
    private static final Dataset<Label> TRAIN = Shuttle.train(3000);

    private static MlpTrainer.Builder quick() {
        return MlpTrainer.builder().epochs(5).batchSize(64).progress(false);
    }

    @Test
    void learnsShuttleAndEvaluatesWithTribuo() {
        MlpModel model = quick().build().train(TRAIN);
        LabelEvaluation eval = new LabelEvaluator().evaluate(model, Shuttle.test());
        assertTrue(eval.accuracy() > 0.95, "accuracy " + eval.accuracy());
        assertTrue(model.generatesProbabilities());
        Prediction<Label> p = model.predict(Shuttle.test().getExample(0));
        double sum = p.getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
        assertEquals(1.0, sum, 1e-4, "softmax scores sum to one");
        assertEquals(7, p.getOutputScores().size());
    }

    @Test
    void anInterruptStopsTrainingBetweenStepsWithAMessage() throws Exception {
        MlpTrainer trainer = quick().epochs(1000).build();
        Throwable[] thrown = new Throwable[1];
        Thread training = new Thread(() -> {
            try {
                trainer.train(TRAIN);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        training.start();
        Thread.sleep(300);
        training.interrupt();
        training.join(5000);
        assertTrue(!training.isAlive(), "an interrupted training stops within seconds");
        assertInstanceOf(java.util.concurrent.CancellationException.class, thrown[0]);
        assertTrue(thrown[0].getMessage().startsWith("Training was interrupted at epoch "), thrown[0].getMessage());
    }

    @Test
    void listenersHearEveryEpochAndTheEnd() {
        List<String> heard = new java.util.ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void started(int epochs, List<String> classNames) {
                heard.add("start " + epochs + " " + classNames.size());
            }

            @Override
            public void epochEnded(TrainingHistory history, double elapsedSeconds) {
                heard.add("epoch " + history.last().epoch());
            }

            @Override
            public void finished(TrainingHistory history, double elapsedSeconds) {
                heard.add("end " + history.stopReason());
            }
        };
        quick().epochs(2).listener(listener).build().train(TRAIN);
        assertEquals(List.of("start 2 7", "epoch 1", "epoch 2", "end COMPLETED"), heard);
    }

    @Test
    void recordsProvenanceOfTrainerAndData() {
        MlpTrainer trainer = quick().seed(42).build();
        MlpModel model = trainer.train(TRAIN);
        String prov = model.getProvenance().getTrainerProvenance().toString();
        assertTrue(prov.contains("seed") && prov.contains("42"), prov);
        assertTrue(prov.contains("hiddenSizes"), prov);
        assertEquals(TRAIN.getProvenance(), model.getProvenance().getDatasetProvenance());
        assertEquals(1, trainer.getInvocationCount());
    }

    @Test
    void javaSerialisationRoundTripGivesSamePredictions() throws Exception {
        MlpModel model = quick().epochs(2).build().train(TRAIN);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        Model<?> loaded;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            loaded = (Model<?>) in.readObject();
        }
        MlpModel back = assertInstanceOf(MlpModel.class, loaded);
        List<Prediction<Label>> a = model.predict(Shuttle.test());
        List<Prediction<Label>> b = back.predict(Shuttle.test());
        for (int i = 0; i < a.size(); i += 97) {
            assertEquals(a.get(i).getOutput().getLabel(), b.get(i).getOutput().getLabel());
            assertEquals(a.get(i).getOutput().getScore(), b.get(i).getOutput().getScore(), 1e-6);
        }
        assertEquals(model.history().epochs().size(), back.history().epochs().size());
    }

    @Test
    void sameSeedSameModelDifferentSeedDifferentModel() {
        float[] a = quick().epochs(1).seed(3).build().train(TRAIN).parameters();
        float[] b = quick().epochs(1).seed(3).build().train(TRAIN).parameters();
        float[] c = quick().epochs(1).seed(4).build().train(TRAIN).parameters();
        assertArrayEquals(a, b);
        assertTrue(a[0] != c[0] || a[1] != c[1]);
    }

    @Test
    void linearModelWithoutHiddenLayers() {
        MlpModel model = quick().hidden().build().train(TRAIN);
        assertArrayEquals(new int[] {9, 7}, model.layerSizes());
        assertEquals(0, model.history().last().deadUnitFractions().length);
    }
}
