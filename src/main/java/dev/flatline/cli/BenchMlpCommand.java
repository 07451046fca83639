package dev.flatline.cli;

import dev.flatline.data.CsvData;
import dev.flatline.data.LabelledData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.ComputePath;
import dev.flatline.nn.MlpModel;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.nn.Optimiser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flatline bench mlp}: trains the flatline network on a stratified 80/20 split of standardised
 * features, the same work as the scikit-learn and PyTorch peers, and prints the speed and test metrics as
 * one JSON line, last, after one line for people. With {@code --repeat N} it fits N times.
 *
 * <p>Speeds: {@code cold_*} is the first fit in this JVM (what a notebook cell or a one-shot command
 * sees: class loading, native libraries, code not yet compiled), {@code warm_*} the median of the
 * following fits (null with {@code --repeat 1}), and the plain {@code fit_s} / {@code examples_per_s}
 * the median of all fits.
 */
@Command(name = "mlp", mixinStandardHelpOptions = true,
        description = "Train the MLP on a CSV (stratified 80/20 split, standardised) and print speed and quality as JSON.")
public final class BenchMlpCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV file with a header row.")
    Path data;
    @Option(names = "--target", defaultValue = "class", description = "Label column (default: ${DEFAULT-VALUE}).")
    String target;
    @Option(names = "--hidden", defaultValue = "64,64", split = ",", description = "Hidden sizes (default: ${DEFAULT-VALUE}).")
    int[] hidden;
    @Option(names = "--batch", defaultValue = "256", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;
    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--seed", defaultValue = "0", description = "Seed for split and training (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--class-weights", description = "Use balanced class weights.")
    boolean classWeights;
    @Option(names = "--path", defaultValue = "AUTO", description = "Compute path: AUTO, FAST, REFERENCE or CUDA (default: ${DEFAULT-VALUE}).")
    ComputePath path;
    @Option(names = "--repeat", defaultValue = "1", description = "Fits to run; speed is their median (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        LabelledData split = CsvData.from(data).target(target).testFraction(0.2).seed(seed).load().standardised();
        Dataset<Label> train = split.train();
        Dataset<Label> test = split.test();
        MlpTrainer.Builder config = MlpTrainer.builder().hidden(hidden).batchSize(batch).epochs(epochs)
                .optimiser(Optimiser.adam(lr)).seed(seed).validationFraction(0).progress(false).computePath(path);
        if (classWeights) {
            config.balancedClassWeights();
        }
        MlpTrainer trainer = config.build();
        List<Double> fits = new ArrayList<>();
        MlpModel model = null;
        for (int r = 0; r < Math.max(1, repeat); r++) {
            trainer.setInvocationCount(0);
            long t0 = System.nanoTime();
            model = trainer.train(train);
            fits.add((System.nanoTime() - t0) / 1e9);
        }
        int epochsRun = model.history().epochs().size();
        double examplesPerFit = (double) train.size() * epochsRun;
        double fit = median(fits);
        double examplesPerSecond = examplesPerFit / fit;
        double coldFit = fits.get(0);
        Double warmFit = fits.size() > 1 ? median(fits.subList(1, fits.size())) : null;
        String warmFitJson = warmFit == null ? "null" : String.format(Locale.ROOT, "%.4f", warmFit);
        String warmSpeedJson = warmFit == null ? "null" : String.format(Locale.ROOT, "%.1f", examplesPerFit / warmFit);
        LabelEvaluation eval = new LabelEvaluator().evaluate(model, test);
        long[] hist = new long[model.getOutputIDInfo().size()];
        List<String> classes = new ArrayList<>();
        for (int c = 0; c < hist.length; c++) {
            classes.add(model.getOutputIDInfo().getOutput(c).getLabel());
        }
        for (var p : eval.getPredictions()) {
            hist[model.getOutputIDInfo().getID(p.getOutput())]++;
        }
        String threads = System.getenv("OMP_NUM_THREADS");
        long flops = model.trainingFlopsPerExample();
        String json = String.format(Locale.ROOT,
                "{\"examples_per_s\":%.1f,\"fit_s\":%.4f,\"fit_s_all\":%s,\"cold_fit_s\":%.4f,"
                        + "\"cold_examples_per_s\":%.1f,\"warm_fit_s\":%s,\"warm_examples_per_s\":%s,\"epochs\":%d,\"batch\":%d,\"hidden\":%s,"
                        + "\"threads\":%s,\"path\":\"%s\",\"class_weighted\":%b,\"train_rows\":%d,\"test_rows\":%d,"
                        + "\"accuracy\":%.5f,\"balanced_accuracy\":%.5f,\"macro_f1\":%.5f,\"classes\":%s,\"pred_hist\":%s,"
                        + "\"final_train_loss\":%.6f,\"train_flops_per_example\":%d,\"gflops_per_s\":%.3f}",
                examplesPerSecond, fit, fits.stream().map(v -> String.format(Locale.ROOT, "%.4f", v)).toList(),
                coldFit, examplesPerFit / coldFit, warmFitJson, warmSpeedJson, epochsRun, batch, Arrays.toString(hidden), threads == null ? "null" : "\"" + threads + "\"",
                MlpTrainer.isFastPathAvailable() && path != ComputePath.REFERENCE ? "fast" : "reference",
                classWeights, train.size(), test.size(), eval.accuracy(), Metrics.of(eval).balancedAccuracy(),
                eval.macroAveragedF1(), jsonStrings(classes), Arrays.toString(hist),
                model.history().last().trainLoss(), flops, flops * examplesPerSecond / 1e9);
        System.out.println(String.format(Locale.ROOT, "cold (first fit in this JVM): %.3f s, %,.0f examples/s", coldFit,
                examplesPerFit / coldFit) + (warmFit == null ? "; warm: run with --repeat 2 or more"
                : String.format(Locale.ROOT, "; warm (median of the %d fits after it): %.3f s, %,.0f examples/s",
                        fits.size() - 1, warmFit, examplesPerFit / warmFit)));
        System.out.println(json.replace(", ", ","));
        return 0;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String jsonStrings(List<String> values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            s.append(i > 0 ? "," : "").append('"').append(values.get(i).replace("\"", "\\\"")).append('"');
        }
        return s.append(']').toString();
    }
}
