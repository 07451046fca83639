package dev.flatline.report;

import dev.flatline.checks.Checkup;
import dev.flatline.checks.Diagnosis;
import dev.flatline.data.CsvData;
import dev.flatline.data.Datasets;
import dev.flatline.nn.MlpTrainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A real checkup report on wine whose class and column names hold HTML, made once per JVM. */
final class ReportFixtures {

    static final String HOSTILE_CLASS = "<script>alert('x')</script>";
    static final String AMPERSAND_CLASS = "a & b \"quoted\"";
    static final String HOSTILE_COLUMN = "<b>alcohol</b>";

    private static Diagnosis report;

    private ReportFixtures() {
    }

    /** Wine with hostile names, a network with a far too high learning rate, a short checkup. */
    static synchronized Diagnosis hostileReport() {
        if (report == null) {
            try {
                Table table = Datasets.wine().standardised().table();
                StringColumn target = table.stringColumn("class");
                String first = target.get(0);
                String second = target.unique().get(1);
                for (int i = 0; i < table.rowCount(); i++) {
                    target.set(i, target.get(i).equals(first) ? HOSTILE_CLASS
                            : target.get(i).equals(second) ? AMPERSAND_CLASS : target.get(i));
                }
                table.column(0).setName(HOSTILE_COLUMN);
                Path dir = Files.createTempDirectory("flatline-report-test");
                Path csv = dir.resolve("wine.csv");
                table.write().csv(csv.toFile());
                var data = CsvData.from(csv).load();
                Files.delete(csv);
                Files.delete(dir);
                report = Checkup.of(data).trainer(MlpTrainer.builder().hidden(16).epochs(10).batchSize(16)
                        .learningRate(3.0).seed(0).progress(false).build()).run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return report;
    }
}
