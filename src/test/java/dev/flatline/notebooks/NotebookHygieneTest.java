package dev.flatline.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The notebooks are teaching material: committed without outputs, on the flatline kernel, with a
 * sentence before every code cell, short cells, and an exercise at the end.
 */
class NotebookHygieneTest {

    static final int MAX_CODE_LINES = 15;

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            List<Path> found = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertFalse(found.isEmpty(), "no notebooks under notebooks/");
            return found;
        }
    }

    /** The course notebooks and their worked solutions: the same hygiene, bar the closing exercises. */
    static List<Path> notebooksAndSolutions() throws IOException {
        List<Path> all = new java.util.ArrayList<>(notebooks());
        Path solutions = Path.of("notebooks/solutions");
        if (Files.isDirectory(solutions)) {
            try (Stream<Path> files = Files.list(solutions)) {
                files.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(all::add);
            }
        }
        return all;
    }

    static JsonNode read(Path notebook) throws IOException {
        return new ObjectMapper().readTree(notebook.toFile());
    }

    static String source(JsonNode cell) {
        JsonNode source = cell.get("source");
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }

    @ParameterizedTest
    @MethodSource("notebooksAndSolutions")
    void isCommittedWithoutOutputs(Path notebook) throws IOException {
        for (JsonNode cell : read(notebook).get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                assertEquals(0, cell.get("outputs").size(), notebook + ": a code cell has outputs");
                assertTrue(cell.get("execution_count").isNull(), notebook + ": a code cell has an execution count");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("notebooksAndSolutions")
    void usesTheFlatlineKernel(Path notebook) throws IOException {
        JsonNode kernelspec = read(notebook).path("metadata").path("kernelspec");
        assertEquals("flatline", kernelspec.path("name").asText(), notebook + ": kernelspec name");
        assertEquals("java", kernelspec.path("language").asText(), notebook + ": kernelspec language");
    }

    @ParameterizedTest
    @MethodSource("notebooksAndSolutions")
    void everyCodeCellIsShortAndFollowsASentence(Path notebook) throws IOException {
        JsonNode previous = null;
        int index = 0;
        for (JsonNode cell : read(notebook).get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                String where = notebook + " cell " + index;
                assertTrue(previous != null && previous.get("cell_type").asText().equals("markdown")
                        && !source(previous).isBlank(), where + " is not preceded by a markdown cell");
                long lines = source(cell).lines().count();
                assertTrue(lines <= MAX_CODE_LINES, where + " has " + lines + " lines (at most " + MAX_CODE_LINES + ")");
            }
            previous = cell;
            index++;
        }
    }

    @ParameterizedTest
    @MethodSource("notebooks")
    void endsWithAnExercise(Path notebook) throws IOException {
        JsonNode cells = read(notebook).get("cells");
        boolean exercise = false;
        for (int i = Math.max(0, cells.size() - 3); i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            exercise |= cell.get("cell_type").asText().equals("markdown") && source(cell).contains("Exercise");
        }
        assertTrue(exercise, notebook + ": no markdown cell with an 'Exercise' among the last three cells");
    }
}
