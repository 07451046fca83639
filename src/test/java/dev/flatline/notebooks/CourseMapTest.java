package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * notebooks/README.md maps every recipe of the design notes (R1–R23, B1–B8) to the notebook that
 * teaches it; the map must be complete and point only at notebooks that exist.
 */
class CourseMapTest {

    static final Path README = Path.of("notebooks/README.md");
    static final Pattern ROW = Pattern.compile("^\\|\\s*([RB]\\d+)\\s*\\|");
    static final Pattern NOTEBOOK = Pattern.compile("(\\d\\d-[a-z0-9-]+\\.ipynb)");

    /** Recipe id to the notebooks its row names, in README order. */
    static Map<String, List<String>> rows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(README)) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                List<String> notebooks = new ArrayList<>();
                Matcher nb = NOTEBOOK.matcher(line);
                while (nb.find()) {
                    notebooks.add(nb.group(1));
                }
                rows.put(row.group(1), notebooks);
            }
        }
        return rows;
    }

    static List<String> recipeIds() {
        List<String> ids = new ArrayList<>();
        IntStream.rangeClosed(1, 23).forEach(i -> ids.add("R" + i));
        IntStream.rangeClosed(1, 8).forEach(i -> ids.add("B" + i));
        return ids;
    }

    @Test
    void everyRecipeHasARowNamingANotebook() throws IOException {
        Map<String, List<String>> rows = rows();
        List<String> missing = recipeIds().stream().filter(id -> !rows.containsKey(id)).toList();
        assertEquals(List.of(), missing, "recipes without a row in " + README);
        List<String> noNotebook = rows.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), noNotebook, "rows that name no notebook file (NN-name.ipynb)");
        assertEquals(recipeIds().size(), rows.size(), "unknown recipe ids in the table: " + rows.keySet());
    }

    @Test
    void everyNotebookTheMapNamesExists() throws IOException {
        Map<String, List<String>> missing = new TreeMap<>();
        rows().forEach((id, notebooks) -> notebooks.stream()
                .filter(nb -> !Files.isRegularFile(Path.of("notebooks").resolve(nb)))
                .forEach(nb -> missing.computeIfAbsent(nb, k -> new ArrayList<>()).add(id)));
        assertTrue(missing.isEmpty(), "notebooks named in " + README + " that do not exist yet (notebook: its recipes): "
                + missing);
    }

    @Test
    void everyNotebookOfTheCourseIsInTheMap() throws IOException {
        String readme = Files.readString(README);
        List<String> absent;
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            absent = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ipynb"))
                    .filter(n -> !readme.contains(n)).sorted().toList();
        }
        assertFalse(readme.isBlank());
        assertEquals(List.of(), absent, "notebooks the README does not mention");
    }
}
