package dev.flatline.nn;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tribuo.Dataset;
import org.tribuo.dataset.DatasetView;
import org.tribuo.classification.Label;

/**
 * The GPU device check (environment/gpu/run_device_check.sh), in two halves because the lent GPU machine
 * has no ND4J, no Tablesaw and no Maven:
 * <ul>
 *   <li>{@code prepare DIR} (here, on the full class path): writes the engine-agreement sample and the
 *       reference engine's outcome for every knob of {@link EngineAgreementTest#knobs()}, the standardised
 *       Shuttle training split for the speed table (as a Java-serialised Tribuo dataset, so classes and
 *       features keep their ids), and the same rows as CSV for the PyTorch script.</li>
 *   <li>{@code check DIR [--engine cuda|cpu] [--speed-rows N] [--epochs E]} (on the GPU machine): trains every
 *       knob on the engine and holds it to the stored reference with the agreement test's own assertions,
 *       then prints examples/s at batch 32, 256 and 4096 on a 64-64 net and at batch 256 on 1024-1024.
 *       {@code --engine cpu} runs the same on {@link BlasEngine}, to test everything but the GPU calls.</li>
 * </ul>
 * Exit status: 0 when every knob agrees, 1 when one does not, 2 for bad arguments.
 */
public final class CudaDeviceCheck {
    private CudaDeviceCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("prepare")) {
            prepare(Path.of(args[1]));
            return;
        }
        if (args.length < 2 || !args[0].equals("check")) {
            System.err.println("usage: CudaDeviceCheck prepare DIR | check DIR [--engine cuda|cpu] [--speed-rows N] [--epochs E]");
            System.exit(2);
        }
        String engine = "cuda";
        int speedRows = Integer.MAX_VALUE;
        int epochs = 4;
        for (int i = 2; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--engine" -> engine = args[i + 1];
                case "--speed-rows" -> speedRows = Integer.parseInt(args[i + 1]);
                case "--epochs" -> epochs = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("CudaDeviceCheck: unknown option " + args[i] + "; use --engine, --speed-rows or --epochs");
                    System.exit(2);
                }
            }
        }
        Engine.Factory factory;
        if (engine.equals("cpu")) {
            factory = BlasEngine::new;
        } else if (engine.equals("cuda")) {
            try {
                factory = Engines.cuda();
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                System.exit(1);
                return;
            }
            System.out.println("device: " + CudaDevice.get().name);
        } else {
            System.err.println("CudaDeviceCheck: --engine must be cuda or cpu, got " + engine);
            System.exit(2);
            return;
        }
        boolean agreed;
        if (engine.equals("cuda")) {
            // Both ways the trainer can use the GPU: the whole step resident there, and the host step
            // (loss and optimiser on the CPU) with only the passes on the GPU.
            agreed = agreement(Path.of(args[1]), factory, "cuda-resident");
            System.setProperty(CudaEngine.RESIDENT_PROPERTY, "false");
            agreed &= agreement(Path.of(args[1]), factory, "cuda-host-step");
            System.clearProperty(CudaEngine.RESIDENT_PROPERTY);
            speed(Path.of(args[1]), factory, "cuda-resident", speedRows, epochs);
            System.setProperty(CudaEngine.RESIDENT_PROPERTY, "false");
            speed(Path.of(args[1]), factory, "cuda-host-step", speedRows, epochs);
        } else {
            agreed = agreement(Path.of(args[1]), factory, engine);
            speed(Path.of(args[1]), factory, engine, speedRows, epochs);
        }
        System.exit(agreed ? 0 : 1);
    }

    private static void prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        Dataset<Label> sample = Shuttle.train(1500);
        Map<String, EngineAgreementTest.Outcome> reference = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<MlpTrainer.Builder>> knob : EngineAgreementTest.knobs()) {
            reference.put(knob.getKey(), EngineAgreementTest.Outcome.of(
                    EngineAgreementTest.train(sample, knob.getValue(), Nd4jOpEngine::new)));
        }
        write(dir.resolve("agreement-sample.ser.gz"), sample);
        write(dir.resolve("agreement-reference.ser.gz"), reference);
        Dataset<Label> train = Shuttle.standardised().train();
        write(dir.resolve("shuttle-train.ser.gz"), train);
        try (BufferedWriter csv = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(dir.resolve("shuttle-train.csv.gz"))), StandardCharsets.UTF_8))) {
            DenseData d = DenseData.of(train, train.getFeatureIDMap(), train.getOutputIDInfo(), true);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < d.rows; i++) {
                line.setLength(0);
                line.append(d.y[i]);
                for (int j = 0; j < d.columns; j++) {
                    line.append(',').append(d.x[i * d.columns + j]);
                }
                csv.write(line.append('\n').toString());
            }
        }
        System.out.println("prepared " + reference.size() + " reference outcomes and " + train.size() + " training rows in " + dir);
    }

    private static boolean agreement(Path dir, Engine.Factory factory, String engine) throws Exception {
        Dataset<Label> sample = read(dir.resolve("agreement-sample.ser.gz"));
        Map<String, EngineAgreementTest.Outcome> reference = read(dir.resolve("agreement-reference.ser.gz"));
        int passed = 0;
        int failed = 0;
        for (Map.Entry<String, UnaryOperator<MlpTrainer.Builder>> knob : EngineAgreementTest.knobs()) {
            EngineAgreementTest.Outcome ref = reference.get(knob.getKey());
            if (ref == null) {
                System.out.println("FAIL " + knob.getKey() + ": no reference outcome (rerun prepare)");
                failed++;
                continue;
            }
            try {
                EngineAgreementTest.Outcome tested = EngineAgreementTest.Outcome.of(
                        EngineAgreementTest.train(sample, knob.getValue(), factory));
                EngineAgreementTest.assertAgrees(ref, tested);
                System.out.println("ok   " + engine + ": " + knob.getKey());
                passed++;
            } catch (AssertionError | RuntimeException | LinkageError e) {
                System.out.println("FAIL " + engine + ": " + knob.getKey() + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
                failed++;
            }
        }
        System.out.printf(Locale.ROOT, "engine agreement (%s vs the stored Nd4jOpEngine reference): %d of %d knobs agree%n",
                engine, passed, passed + failed);
        return failed == 0;
    }

    private static void speed(Path dir, Engine.Factory factory, String engine, int maxRows, int epochs) throws Exception {
        Dataset<Label> train = read(dir.resolve("shuttle-train.ser.gz"));
        if (train.size() > maxRows) {
            int[] rows = new int[maxRows];
            for (int i = 0; i < maxRows; i++) {
                rows[i] = (int) ((long) i * train.size() / maxRows);
            }
            train = new DatasetView<>(train, rows, "evenly spaced " + maxRows + " rows");
        }
        int[][] nets = {{64, 64}, {64, 64}, {64, 64}, {1024, 1024}};
        int[] batches = {32, 256, 4096, 256};
        System.out.printf(Locale.ROOT, "speed: %s, Shuttle %d rows, Adam 1e-3, %d epochs (the first not counted)%n",
                engine, train.size(), epochs);
        System.out.println("net        batch  examples/s");
        for (int i = 0; i < nets.length; i++) {
            if (batches[i] > train.size()) {
                System.out.printf(Locale.ROOT, "%-10s %5d  skipped: more than the %d rows%n", nets[i][0] + "-" + nets[i][1],
                        batches[i], train.size());
                continue;
            }
            MlpModel m;
            try {
                m = MlpTrainer.builder().hidden(nets[i]).batchSize(batches[i]).epochs(epochs)
                    .optimiser(Optimiser.adam(1e-3)).validationFraction(0).seed(1).progress(false)
                    .engine(factory).build().train(train);
            } catch (RuntimeException | LinkageError e) {
                System.out.printf(Locale.ROOT, "%-10s %5d  failed: %s%n", nets[i][0] + "-" + nets[i][1], batches[i],
                        String.valueOf(e).replace('\n', ' '));
                continue;
            }
            double seconds = 0;
            for (EpochRecord e : m.history().epochs().subList(1, m.history().epochs().size())) {
                seconds += e.seconds();
            }
            double perSecond = (double) train.size() * (epochs - 1) / seconds;
            System.out.printf(Locale.ROOT, "%-10s %5d  %10.0f%n", nets[i][0] + "-" + nets[i][1], batches[i], perSecond);
            System.out.printf(Locale.ROOT, "{\"engine\":\"%s\",\"net\":\"%d-%d\",\"batch\":%d,\"examples_per_s\":%.0f}%n",
                    engine, nets[i][0], nets[i][1], batches[i], perSecond);
        }
    }

    private static void write(Path file, Object o) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file)); ObjectOutputStream oos = new ObjectOutputStream(out)) {
            oos.writeObject(o);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Path file) throws IOException, ClassNotFoundException {
        if (!Files.exists(file)) {
            System.err.println("CudaDeviceCheck: " + file + " is missing; run environment/gpu/prepare_bundle.sh first.");
            System.exit(2);
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file)); ObjectInputStream ois = new ObjectInputStream(in)) {
            return (T) ois.readObject();
        }
    }
}
