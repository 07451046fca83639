package dev.flatline.nn;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readies a fresh JVM for its first fit on the fast path while the trainer is still preparing the
 * data: a background thread loads OpenBLAS and runs the fast path's hot loops (the default network:
 * ReLU, softmax with cross-entropy, Adam) on a small synthetic problem, so that the JIT has compiled
 * them when the real epochs start instead of interpreting the first of them. Once per JVM; it uses
 * objects of its own, so it cannot change any result, and it stops when the real run's first epoch
 * begins. Set the system property {@code dev.flatline.nn.warmup=false} to turn it off (for measuring).
 */
final class Warmup {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean stop;
    /** Steps at most: enough for the JIT's thresholds on every hot loop. */
    private static final int MAX_STEPS = 400;

    private Warmup() {
    }

    /** Starts the warm-up unless it already ran in this JVM or is turned off. */
    static void start() {
        if ("false".equals(System.getProperty("dev.flatline.nn.warmup")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(Warmup::run, "flatline-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** The real run has started: the warm-up must not compete with it for the CPU. */
    static void stop() {
        stop = true;
    }

    private static void run() {
        try {
            int batch = 64;
            Architecture arch = new Architecture(new int[] {12, 32, 32, 5}, HiddenActivation.RELU,
                    OutputActivation.SOFTMAX);
            StepSettings settings = new StepSettings(LossFunction.CROSS_ENTROPY, 0, null, 0, 0, Optimiser.adam(1e-3));
            SplittableRandom rng = new SplittableRandom(0);
            Engine engine = new BlasEngine(arch, batch);
            TrainingStep step = new TrainingStep(arch, settings, engine,
                    Initialiser.initialise(arch, WeightInit.AUTO, 0f, rng, null), batch);
            float[] x = new float[batch * arch.inputs()];
            int[] y = new int[batch];
            float[] w = new float[batch];
            int[] predicted = new int[batch];
            for (int i = 0; i < batch; i++) {
                y[i] = i % arch.classes();
                w[i] = 1f;
                for (int j = 0; j < arch.inputs(); j++) {
                    x[i * arch.inputs() + j] = (float) rng.nextGaussian() + (j == y[i] ? 1f : 0f);
                }
            }
            Predictor predictor = new Predictor(arch, engine);
            boolean[][] everActive = {new boolean[32], new boolean[32]};
            for (int s = 0; s < MAX_STEPS && !stop; s++) {
                step.train(x, y, w, batch, rng, predicted);
                if (s % 8 == 0) {
                    predictor.outputs(x, batch, everActive);
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // Nothing depends on the warm-up; a real problem shows in the real run, with its message.
        }
    }
}
