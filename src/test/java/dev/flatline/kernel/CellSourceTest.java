package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CellSourceTest {

    @TempDir
    Path temp;

    @Test
    void splitsMagicLinesFromCodeKeepingCellLines() {
        List<CellSource.Part> parts = CellSource.parse("int a = 1;\n%classpath \"my libs/x.jar\" y.jar\nint b = 2;\nint c = 3;");
        assertEquals(3, parts.size());
        assertFalse(parts.get(0).magic());
        assertEquals(1, parts.get(0).firstLine());
        assertTrue(parts.get(1).magic());
        assertEquals("classpath", parts.get(1).magicName());
        assertEquals(List.of("my libs/x.jar", "y.jar"), parts.get(1).args());
        assertEquals(3, parts.get(2).firstLine());
    }

    @Test
    void unknownCellMagicIsAClearError() {
        CellError e = assertThrows(CellError.class, () -> CellSource.parse("%%bash\nls"));
        assertTrue(e.getMessage().contains("%%bash"), e.getMessage());
    }

    @Test
    void blanksMagicsKeepingOffsets() {
        String cell = "%jars a.jar\nMath.ab";
        String blanked = CellSource.withoutMagics(cell);
        assertEquals(cell.length(), blanked.length());
        assertTrue(blanked.endsWith("\nMath.ab"));
        assertTrue(blanked.startsWith("           \n"));
    }

    @Test
    void classpathMagicResolvesGlobsAndNamesMissingPaths() throws Exception {
        Files.writeString(temp.resolve("a.jar"), "");
        Files.writeString(temp.resolve("b.jar"), "");
        assertEquals(2, ClasspathMagic.resolve(temp + "/*.jar").size());
        CellError missing = assertThrows(CellError.class, () -> ClasspathMagic.resolve(temp + "/nope.jar"));
        assertTrue(missing.getMessage().contains("nope.jar does not exist"), missing.getMessage());
        CellError noMatch = assertThrows(CellError.class, () -> ClasspathMagic.resolve(temp + "/*.zip"));
        assertTrue(noMatch.getMessage().contains("no file matches"), noMatch.getMessage());
    }

    @Test
    void connectionFileProblemsAreExplained() throws Exception {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KernelMain.readConnection(temp.resolve("none.json")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path bad = Files.writeString(temp.resolve("bad.json"), "not json");
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> KernelMain.readConnection(bad));
        assertTrue(notJson.getMessage().contains("not a Jupyter connection file"), notJson.getMessage());
    }
}
