package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cells as text, in file order, and lines written back with the quoting they need. */
class CsvTextTest {

    @Test
    void readsCellsAsWrittenAndLinesUpWithLabelledData(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), "name,a,class\n\"x, y\",01,p\n\nz,1.50,\"q\"\"r\"\n");
        CsvText text = CsvText.read(csv);
        assertEquals(List.of("name", "a", "class"), text.header());
        assertEquals(2, text.rowCount(), "blank lines skipped, as CsvData does");
        assertArrayEquals(new String[] {"x, y", "01", "p"}, text.row(0));
        assertArrayEquals(new String[] {"z", "1.50", "q\"r"}, text.row(1));
        assertEquals("\"x, y\",01,p", CsvText.line(List.of(text.row(0))));
        assertEquals("z,1.50,\"q\"\"r\"", CsvText.line(List.of(text.row(1))));
        assertEquals("\" padded \",\"two\nlines\"", CsvText.line(List.of(" padded ", "two\nlines")));
        LabelledData data = CsvData.from(csv).ignoreColumns("name").load();
        assertEquals(text.rowCount(), data.rowCount());
    }

    @Test
    void missingOrEmptyFilesAreDataExceptions(@TempDir Path dir) throws IOException {
        assertThrows(DataException.class, () -> CsvText.read(dir.resolve("none.csv")));
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        assertThrows(DataException.class, () -> CsvText.read(empty));
    }
}
