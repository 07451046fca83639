package dev.flatline.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.CheckData;
import dev.flatline.data.CsvData;
import dev.flatline.data.LabelledData;
import dev.flatline.nn.MlpTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.Table;

/** Shared set-ups for the check tests: real datasets, real trainers, a context per case. */
final class CheckFixtures {

    private CheckFixtures() {
    }

    static CheckContext context(LabelledData data, Trainer<Label> trainer) {
        return context(CheckData.of(data), trainer);
    }

    static CheckContext context(CheckData data, Trainer<Label> trainer) {
        java.util.logging.Logger.getLogger("org.tribuo").setLevel(java.util.logging.Level.WARNING);
        return new CheckContext(data, trainer, 0, Duration.ofMinutes(5));
    }

    /** A small network that learns small tabular data well. */
    static MlpTrainer.Builder smallMlp() {
        return MlpTrainer.builder().hidden(16).epochs(40).batchSize(16).learningRate(1e-2).seed(0).progress(false);
    }

    static Trainer<Label> logistic() {
        return new LogisticRegressionTrainer();
    }

    static Trainer<Label> cart() {
        return new CARTClassificationTrainer();
    }

    /** The data's whole table changed by {@code change}, written as CSV and loaded again (same split seed). */
    static LabelledData modified(LabelledData data, Consumer<Table> change) {
        try {
            Table table = data.table();
            change.accept(table);
            Path dir = Files.createTempDirectory("flatline-check-test");
            Path csv = dir.resolve(data.name() + ".csv");
            table.write().csv(csv.toFile());
            LabelledData loaded = CsvData.from(csv).target(data.targetName()).load();
            Files.delete(csv);
            Files.delete(dir);
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Finding assertFinding(CheckResult result, Severity atLeast) {
        assertEquals(CheckResult.Status.PROBLEM, result.status(), () -> result.note());
        Finding f = result.finding().orElseThrow();
        assertEquals(result.check(), f.id());
        assertTrue(f.severity().compareTo(atLeast) <= 0, () -> "expected at least " + atLeast + ": " + f);
        assertTrue(!f.title().isBlank() && !f.evidence().isEmpty(), f::toString);
        return f;
    }

    static void assertHealthy(CheckResult result) {
        assertEquals(CheckResult.Status.HEALTHY, result.status(),
                () -> result.findings().isEmpty() ? result.note() : result.findings().get(0).toString());
        assertTrue(result.findings().isEmpty());
    }

    static void assertNotApplicable(CheckResult result) {
        assertEquals(CheckResult.Status.NOT_APPLICABLE, result.status(), () -> result.toString());
    }
}
