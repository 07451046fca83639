package dev.flatline.nn;

import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Readies a fresh JVM for its first fit on the fast path while the trainer is still preparing the
 * data, in two background threads: one loads JavaCPP and OpenBLAS (a few hundred milliseconds, mostly
 * waiting on the dynamic loader), the other runs the Java-only formulas at a typical batch's sizes and
 * then whole fast-path steps of a small synthetic network, so that the JIT has compiled the hot loops
 * when the real epochs start instead of interpreting the first of them. Once per JVM; it uses objects
 * of its own, so it cannot change any result, and it stops when the real run's first epoch begins.
 * Set the system property {@code dev.flatline.nn.warmup=false} to turn it off (for measuring).
 *
 * <p>JavaCPP's classes must be initialised by one thread at a time (two threads loading its native
 * libraries at once can deadlock on each other's class initialisation), so only the loading thread
 * touches them until it is done, and {@link #awaitNativeLibraries()} makes everyone else wait for it.
 */
final class Warmup {
    /** Steps of the synthetic network at most. */
    private static final int MAX_STEPS = 400;
    /** Rounds of the Java-only formulas (each about 20,000 loop iterations). */
    private static final int FORMULA_ROUNDS = 60;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final CountDownLatch NATIVES = new CountDownLatch(1);
    private static volatile boolean stop;

    private Warmup() {
    }

    /** Starts the warm-up unless it already ran in this JVM or is turned off. */
    static void start() {
        if ("false".equals(System.getProperty("dev.flatline.nn.warmup")) || !STARTED.compareAndSet(false, true)) {
            return;
        }
        daemon("flatline-load-openblas", Warmup::loadNativeLibraries).start();
        daemon("flatline-warmup", Warmup::run).start();
    }

    /** Returns once the loading thread is done with JavaCPP (at once if the warm-up never started). */
    static void awaitNativeLibraries() {
        if (!STARTED.get()) {
            return;
        }
        try {
            NATIVES.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The real run has started: the warm-up must not compete with it for the CPU. */
    static void stop() {
        stop = true;
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void loadNativeLibraries() {
        try {
            ClassLoader loader = Warmup.class.getClassLoader();
            Class.forName("org.bytedeco.javacpp.FloatPointer", true, loader);
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack", true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            // The real run meets the same problem and reports it with its own message.
        } finally {
            NATIVES.countDown();
        }
    }

    private static void run() {
        try {
            warmFormulas();
            awaitNativeLibraries();
            warmSteps();
        } catch (RuntimeException | LinkageError e) {
            // Nothing depends on the warm-up; a real problem shows in the real run, with its message.
        }
    }

    /** The Java-only loops (activation, softmax and loss, Adam) at a typical batch's sizes. */
    private static void warmFormulas() {
        int rows = 256;
        int k = 7;
        int units = rows * 64;
        SplittableRandom rng = new SplittableRandom(1);
        float[] h = new float[units];
        float[] da = new float[units];
        float[] z = new float[rows * k];
        float[] dz = new float[rows * k];
        int[] y = new int[rows];
        float[] w = new float[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = i % k;
            w[i] = 1f;
        }
        float[] theta = new float[5000];
        float[] g = new float[theta.length];
        OutputLoss loss = new OutputLoss(OutputActivation.SOFTMAX, new StepSettings(LossFunction.CROSS_ENTROPY, 0,
                null, 0, 0, Optimiser.adam(1e-3)), k);
        OptimiserState adam = new OptimiserState(Optimiser.adam(1e-3), theta.length);
        for (int s = 0; s < FORMULA_ROUNDS && !stop; s++) {
            for (int i = 0; i < units; i++) {
                h[i] = (float) rng.nextGaussian();
                da[i] = h[i];
            }
            HiddenActivation.RELU.apply(h, units);
            HiddenActivation.RELU.backprop(h, da, units);
            System.arraycopy(h, 0, z, 0, z.length);
            loss.activate(z, rows, true);
            for (int i = 0; i < rows; i++) {
                TrainingStep.argmax(z, i * k, k);
            }
            loss.lossAndGradient(z, rows, y, w, dz, true);
            System.arraycopy(da, 0, g, 0, g.length);
            adam.update(theta, g, 1e-3);
        }
    }

    /** Whole fast-path steps (ReLU, softmax with cross-entropy, Adam) of a small synthetic network. */
    private static void warmSteps() {
        int batch = 64;
        Architecture arch = new Architecture(new int[] {12, 32, 32, 5}, HiddenActivation.RELU, OutputActivation.SOFTMAX);
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
    }
}
