package dev.flatline.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.data.CsvData;
import dev.flatline.data.LabelledData;
import dev.flatline.remedies.ClassWeights;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flatline weights}: the balanced class weights {@code n / (K * n_c)} of a CSV file's target
 * column (scikit-learn's {@code compute_class_weight("balanced")}), as one JSON object, classes in
 * name order. Counts every row of the file: give it your training data.
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Print balanced class weights n / (K * n_c) of a CSV's target as one JSON object.")
public final class WeightsCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV file with a header row (your training data).")
    Path data;
    @Option(names = "--target", defaultValue = "class", description = "Class column (default: ${DEFAULT-VALUE}).")
    String target;

    @Override
    public Integer call() throws JsonProcessingException {
        LabelledData loaded = CsvData.from(data).target(target).load();
        Map<String, Integer> counts = countRows(loaded);
        System.out.println(new ObjectMapper().writeValueAsString(ClassWeights.balanced(counts).asMap()));
        return 0;
    }

    /** Rows per class over the whole file, classes in name order. */
    static Map<String, Integer> countRows(LabelledData loaded) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String label : loaded.table().stringColumn(loaded.targetName()).asObjectArray()) {
            counts.merge(label, 1, Integer::sum);
        }
        return counts;
    }
}
