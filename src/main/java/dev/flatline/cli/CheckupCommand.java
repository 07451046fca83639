package dev.flatline.cli;

import dev.flatline.checks.Checkup;
import dev.flatline.checks.Diagnosis;
import dev.flatline.data.CheckData;
import dev.flatline.data.CsvData;
import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import dev.flatline.nn.MlpTrainer;
import dev.flatline.report.ReportHtml;
import dev.flatline.report.ReportJson;
import dev.flatline.report.ReportText;
import dev.flatline.report.ReportWarmUp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flatline checkup}: runs the one-call checkup on a CSV file (or, with no {@code --data}, on the
 * bundled Shuttle data with a network whose learning rate is far too high, so it collapses), writes
 * {@code DIR/report.html} and {@code DIR/report.json}, and prints a ranked summary, root cause first.
 *
 * <p>Both files are written to a temporary folder beside {@code DIR} and moved in only when complete,
 * so a failure leaves nothing half-written; the input files are only read.
 */
@Command(name = "checkup", mixinStandardHelpOptions = true,
        description = {"Find why a classifier predicts one class: run every check, try the remedies, rank the causes.",
                "With no --data: the bundled Shuttle data and a network that collapses (learning rate 0.3)."})
public final class CheckupCommand implements Callable<Integer> {

    /** Learning rate of the demonstration network on Shuttle: high enough that it collapses onto one class. */
    static final double DEMO_LEARNING_RATE = 0.3;
    static final List<String> TRAINERS = List.of("mlp", "logistic", "tree");

    @Spec
    CommandSpec spec;
    @Option(names = "--data", paramLabel = "FILE", description = "CSV file with a header row (default: bundled Shuttle).")
    Path data;
    @Option(names = "--target", paramLabel = "COL", defaultValue = CsvData.DEFAULT_TARGET,
            description = "Class column (default: ${DEFAULT-VALUE}).")
    String target;
    @Option(names = "--test", paramLabel = "FILE",
            description = "Separate test CSV with the same columns (default: a stratified 20%% of --data).")
    Path test;
    @Option(names = "--trainer", paramLabel = "mlp|logistic|tree", defaultValue = "mlp",
            description = "Model to check: mlp (flatline network), logistic (Tribuo), tree (Tribuo CART) "
                    + "(default: ${DEFAULT-VALUE}).")
    String trainer;
    @Option(names = "--lr", paramLabel = "X", description = "Learning rate (mlp: Adam; logistic: AdaGrad).")
    Double lr;
    @Option(names = "--epochs", paramLabel = "N", description = "Epochs (mlp, logistic).")
    Integer epochs;
    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--budget", paramLabel = "SECONDS", defaultValue = "30",
            description = "Time budget; costly checks and remedies beyond it are skipped (default: ${DEFAULT-VALUE}).")
    double budget;
    @Option(names = "--stream", description = "Stream the file once and check a model on a stratified sample "
            + "(automatic for files of 16 MiB and more).")
    boolean stream;
    @Option(names = "--sample-rows", paramLabel = "N", defaultValue = "50000",
            description = "Large data: rows of the stratified sample the model is checked on (default: ${DEFAULT-VALUE}).")
    int sampleRows;
    @Option(names = "--spark", description = "Check the data with Apache Spark (CSV or Parquet, any file system "
            + "Spark reads); needs the Spark build.")
    boolean spark;
    @Option(names = "--master", paramLabel = "URL",
            description = "With --spark: the Spark master (default: embedded local[*]).")
    String master;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "flatline-checkup",
            description = "Folder for report.html and report.json (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        validateOptions();
        // Jackson, tablesaw's templates and plotly.js get ready on the second core while the data loads.
        ReportWarmUp.start();
        CheckData checkData;
        try {
            checkData = loadData();
        } catch (OutOfMemoryError e) {
            throw new IllegalArgumentException("Out of memory while loading " + data + " (Java heap "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB): check it with --stream, a smaller "
                    + "--sample-rows, or more memory (e.g. JAVA_TOOL_OPTIONS=-Xmx4g).");
        }
        Diagnosis report = Checkup.of(checkData).trainer(buildTrainer(checkData.train().size())).budget(Duration.ofMillis(
                Math.round(budget * 1000))).seed(seed).run();
        Path written = write(report);
        System.out.print(ReportText.summary(report));
        System.out.println("Wrote " + written.resolve("report.html") + " and " + written.resolve("report.json"));
        return 0;
    }

    private void validateOptions() {
        if (!TRAINERS.contains(trainer)) {
            throw new IllegalArgumentException("Unknown --trainer '" + trainer + "'. Use one of " + TRAINERS + ".");
        }
        if (lr != null && !(lr > 0 && Double.isFinite(lr))) {
            throw new IllegalArgumentException("--lr must be a positive number, got " + lr + ".");
        }
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs + ".");
        }
        if ("tree".equals(trainer) && (lr != null || epochs != null)) {
            throw new IllegalArgumentException("--lr and --epochs do not apply to --trainer tree (a CART tree has "
                    + "neither); leave them out.");
        }
        if (!(budget > 0 && Double.isFinite(budget))) {
            throw new IllegalArgumentException("--budget must be a positive number of seconds, got " + budget + ".");
        }
        if (sampleRows < 2) {
            throw new IllegalArgumentException("--sample-rows must be at least 2, got " + sampleRows + ".");
        }
        if ((spark || master != null || stream) && data == null) {
            throw new IllegalArgumentException("--spark, --master and --stream need --data: the file or table to check.");
        }
        if (master != null && !spark) {
            throw new IllegalArgumentException("--master is for --spark; add --spark or leave it out.");
        }
        if (test != null && data == null) {
            throw new IllegalArgumentException("--test needs --data: the training file to go with it.");
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file; give a folder for report.html and "
                    + "report.json.");
        }
        for (Path input : Stream.of(data, test).filter(p -> p != null).toList()) {
            Path abs = input.toAbsolutePath().normalize();
            Path dir = out.toAbsolutePath().normalize();
            if (abs.equals(dir.resolve("report.html")) || abs.equals(dir.resolve("report.json"))) {
                throw new IllegalArgumentException("--out " + out + " would overwrite the input " + input
                        + "; choose another folder.");
            }
        }
    }

    private CheckData loadData() {
        if (data == null) {
            return CheckData.of(Datasets.shuttle(seed).standardised());
        }
        if (spark) {
            // As typed: a Path would fold hdfs://host/x into hdfs:/host/x.
            return LargeData.spark(typed("--data"), test == null ? null : typed("--test"), target, master, seed,
                    sampleRows, System.err);
        }
        if (stream || LargeData.large(data, test)) {
            return LargeData.stream(data, test, target, seed, sampleRows, System.err);
        }
        LabelledData train = CsvData.from(data).target(target).seed(seed).load();
        if (test == null) {
            return CheckData.of(train);
        }
        LabelledData testData = CsvData.from(test).target(target).seed(seed).load();
        return CheckData.of(train, testData);
    }

    private String typed(String option) {
        return spec.commandLine().getParseResult().matchedOption(option).stringValues().get(0);
    }

    /** The trainer to check; a network starts from the checkup's default network for this many rows. */
    private Trainer<Label> buildTrainer(int trainRows) {
        switch (trainer) {
            case "logistic":
                return lr == null && epochs == null ? new LogisticRegressionTrainer()
                        : new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(lr == null ? 1.0 : lr),
                        epochs == null ? 5 : epochs, seed);
            case "tree":
                return new CARTClassificationTrainer();
            default:
                MlpTrainer.Builder mlp = Checkup.defaultNetwork(trainRows).seed(seed);
                if (data == null) {
                    mlp.hidden(32, 32).learningRate(DEMO_LEARNING_RATE).epochs(5).batchSize(64);
                }
                if (lr != null) {
                    mlp.learningRate(lr);
                }
                if (epochs != null) {
                    mlp.epochs(epochs);
                }
                return mlp.build();
        }
    }

    /** Writes both files into a temporary folder beside {@code out}, then moves them in. */
    private Path write(Diagnosis report) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, ".flatline-checkup-");
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            // A temporary folder is private (rwx------); the report folder it becomes should not be.
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        try {
            Files.writeString(tmp.resolve("report.json"), ReportJson.write(report), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report.html"), ReportHtml.page(report), StandardCharsets.UTF_8);
            if (!Files.exists(target)) {
                move(tmp, target);
            } else {
                move(tmp.resolve("report.json"), target.resolve("report.json"));
                move(tmp.resolve("report.html"), target.resolve("report.html"));
            }
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> left = Files.walk(tmp)) {
                    for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
        return out;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
