package dev.flatline.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class CsvDataTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private DataException loadFails(Path file) {
        return assertThrows(DataException.class, () -> CsvData.from(file).target("y").load());
    }

    private static void assertMentions(Exception e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message lacks '" + part + "': " + e.getMessage());
        }
    }

    private static final String GOOD = "a,b,y\n1,2,yes\n3,4,no\n5,6,yes\n7,8,no\n9,10,yes\n";

    @Test
    void loadsAValidFileWithFeaturesAndClasses() throws IOException {
        LabelledData data = CsvData.from(write("good.csv", GOOD)).target("y").seed(3).testFraction(0.4).load();
        assertEquals("good", data.name());
        assertEquals(List.of("a", "b"), data.featureNames());
        assertEquals("y", data.targetName());
        assertEquals(Map.of("yes", 3L, "no", 2L), data.classCounts().asMap());
        assertEquals(List.of("yes", "no"), data.classes());
        assertEquals(5, data.rowCount());
        assertEquals(3, data.seed());
        assertEquals(0.4, data.testFraction());
        Table table = data.table();
        assertEquals(List.of("a", "b", "y"), table.columnNames());
        assertEquals(7.0, table.doubleColumn("a").get(3));
    }

    @Test
    void numericTargetValuesAreClassNames() throws IOException {
        LabelledData data = CsvData.from(write("num.csv", "x,label\n0.5,0\n1.5,1\n2.5,0\n3.5,1\n"))
                .target("label").load();
        assertEquals(List.of("0", "1"), data.classes());
        assertEquals("0", data.majorityClass());
    }

    @Test
    void quotedFieldsCrLfBlankLinesBomAndGzipAreRead() throws IOException {
        String text = "\uFEFF\"a\",\"b, c\",y\r\n1,2,\"x, 1\"\r\n\r\n3,4,\"say \"\"hi\"\"\"\r\n5,6,\"x, 1\"\r\n";
        Path gz = dir.resolve("quoted.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        LabelledData data = CsvData.from(gz).target("y").load();
        assertEquals("quoted", data.name());
        assertEquals(List.of("a", "b, c"), data.featureNames());
        assertEquals(Map.of("x, 1", 2L, "say \"hi\"", 1L), data.classCounts().asMap());
    }

    @Test
    void separatorAndIgnoredColumnsAreHonoured() throws IOException {
        Path file = write("semi.csv", "id;a;y\nr1;1;p\nr2;2;q\nr3;3;p\nr4;4;q\n");
        LabelledData data = CsvData.from(file).separator(';').target("y").ignoreColumns("id").name("semi data").load();
        assertEquals(List.of("a"), data.featureNames());
        assertEquals("semi data", data.name());
    }

    @Test
    void theUsersFileIsNeverModified() throws IOException {
        Path file = write("keep.csv", GOOD);
        FileTime before = Files.getLastModifiedTime(file);
        byte[] bytes = Files.readAllBytes(file);
        CsvData.from(file).target("y").load().standardised().subsampleTrain(2, 1).train();
        assertArrayEquals(bytes, Files.readAllBytes(file));
        assertEquals(before, Files.getLastModifiedTime(file));
    }

    @Test
    void missingFileSaysSo() {
        DataException e = loadFails(dir.resolve("nope.csv"));
        assertMentions(e, "nope.csv", "does not exist", "working directory");
    }

    @Test
    void directoryIsRejected() {
        assertMentions(loadFails(dir), "is a directory");
    }

    @Test
    void unreadableFileSaysSo() throws IOException {
        Path file = write("secret.csv", GOOD);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(file), "running as a user who can read anything (root)");
        assertMentions(loadFails(file), "secret.csv", "no permission");
    }

    @Test
    void emptyFileSaysSo() throws IOException {
        assertMentions(loadFails(write("empty.csv", "")), "empty.csv", "is empty", "header");
        assertMentions(loadFails(write("blank.csv", "\n  \n")), "is empty");
    }

    @Test
    void headerOnlySaysNoRows() throws IOException {
        assertMentions(loadFails(write("header.csv", "a,b,y\n")), "header.csv", "no data rows", "line 1");
    }

    @Test
    void unknownTargetListsTheColumns() throws IOException {
        DataException e = assertThrows(DataException.class,
                () -> CsvData.from(write("t.csv", GOOD)).target("label").load());
        assertMentions(e, "'label'", "not found", "'a', 'b', 'y'", "target(");
    }

    @Test
    void defaultTargetIsClassAndCaseMismatchIsHinted() throws IOException {
        Path file = write("c.csv", "x,Class\n1,a\n2,b\n");
        DataException e = assertThrows(DataException.class, () -> CsvData.from(file).load());
        assertMentions(e, "'class'", "Did you mean 'Class'");
    }

    @Test
    void missingFeatureCellNamesColumnAndLine() throws IOException {
        DataException e = loadFails(write("m.csv", "a,b,y\n1,2,p\n3,,q\n5,6,p\n"));
        assertMentions(e, "Missing value", "column 'b'", "line 3", "m.csv");
        DataException na = loadFails(write("na.csv", "a,b,y\n1,2,p\n3,4,q\nNA,6,p\n"));
        assertMentions(na, "column 'a'", "line 4", "'NA'");
    }

    @Test
    void missingTargetCellNamesLine() throws IOException {
        DataException e = loadFails(write("mt.csv", "a,b,y\n1,2,p\n3,4,q\n5,6,\n"));
        assertMentions(e, "Missing class label", "'y'", "line 4");
    }

    @Test
    void shortRowNamesTheColumnsWithoutValues() throws IOException {
        DataException e = loadFails(write("short.csv", "a,b,y\n1,2,p\n3,4\n"));
        assertMentions(e, "line 3", "2 values", "3 columns", "'y'");
    }

    @Test
    void longRowIsReported() throws IOException {
        assertMentions(loadFails(write("long.csv", "a,b,y\n1,2,p,9\n3,4,q\n")), "Too many values", "line 2");
    }

    @Test
    void nonNumericFeatureNamesValueColumnAndLine() throws IOException {
        DataException e = loadFails(write("n.csv", "a,b,y\n1,2,p\n3,4,q\n5,red,p\n"));
        assertMentions(e, "Non-numeric", "'red'", "column 'b'", "line 4", "ignoreColumns(\"b\")");
    }

    @Test
    void lineNumbersCountPhysicalLinesIncludingBlankOnes() throws IOException {
        DataException e = loadFails(write("gap.csv", "a,b,y\n1,2,p\n\n\n3,x,q\n"));
        assertMentions(e, "line 5", "'x'");
    }

    @Test
    void nanAndInfinityAreRejected() throws IOException {
        assertMentions(loadFails(write("nan.csv", "a,b,y\n1,2,p\n3,NaN,q\n")), "'NaN'", "column 'b'", "line 3",
                "not a finite number");
        assertMentions(loadFails(write("inf.csv", "a,b,y\n1,2,p\n-Infinity,4,q\n")), "'-Infinity'", "column 'a'",
                "line 3");
    }

    @Test
    void singleClassTargetIsRejected() throws IOException {
        DataException e = loadFails(write("one.csv", "a,b,y\n1,2,p\n3,4,p\n5,6,p\n"));
        assertMentions(e, "single class", "'p'", "3 rows", "'y'");
    }

    @Test
    void fewerThanTwoRowsIsRejected() throws IOException {
        assertMentions(loadFails(write("row.csv", "a,b,y\n1,2,p\n")), "only 1 data row", "at least 2");
    }

    @Test
    void exactlyEqualColumnNamesAreRejected() throws IOException {
        DataException e = loadFails(write("dup.csv", "a,b,a,y\n1,2,3,p\n4,5,6,q\n"));
        assertMentions(e, "Duplicate column name 'a'", "columns 1 and 3", "exactly the same name", "Rename");
    }

    @Test
    void namesThatDifferOnlyByCaseAreDifferentColumns() throws IOException {
        // As in UCI's vehicle silhouettes data: Sc.Var.Maxis and Sc.Var.maxis side by side.
        Path file = write("vehicle.csv", "Comp,Sc.Var.Maxis,Sc.Var.maxis,Class,class\n"
                + "95,176,379,7,van\n91,170,330,4,saab\n104,223,635,9,bus\n93,160,309,5,van\n85,167,323,1,bus\n");
        LabelledData data = CsvData.from(file).target("class").load();
        assertEquals(List.of("Comp", "Sc.Var.Maxis", "Sc.Var.maxis", "Class"), data.featureNames());
        assertEquals(3, data.classCounts().size());

        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Table table;
        try {
            table = data.table();
            data.trainTable();
        } finally {
            System.setErr(original);
        }
        assertEquals(List.of("Comp", "Sc.Var.Maxis", "Sc.Var.maxis (2)", "Class", "class (2)"), table.columnNames());
        assertEquals(379.0, table.doubleColumn("Sc.Var.maxis (2)").get(0));
        assertEquals(176.0, table.doubleColumn("Sc.Var.Maxis").get(0));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, said.lines().count(), "the renaming is said once per dataset: " + said);
        assertTrue(said.contains("'Sc.Var.maxis' as 'Sc.Var.maxis (2)'") && said.contains("'class' as 'class (2)'"), said);
        // The Tribuo features keep the user's names.
        Set<String> featureNames = new HashSet<>();
        data.train().getFeatureMap().forEach(info -> featureNames.add(info.getName()));
        assertTrue(featureNames.containsAll(List.of("Sc.Var.Maxis", "Sc.Var.maxis", "Class")), featureNames.toString());
    }

    @Test
    void namesWithSpacesQuotesCommasAndNonAsciiLettersLoad() throws IOException {
        Path file = write("odd.csv", "\"first value\",\"say \"\"hi\"\"\",\"a, b\",Größe,  padded ,y\n"
                + "1,2,3,4,5,p\n6,7,8,9,10,q\n11,12,13,14,15,p\n16,17,18,19,20,q\n");
        LabelledData data = CsvData.from(file).target("y").load();
        // Spaces around an unquoted name are trimmed, as around every unquoted cell.
        assertEquals(List.of("first value", "say \"hi\"", "a, b", "Größe", "padded"), data.featureNames());
        assertEquals(List.of("first value", "say \"hi\"", "a, b", "Größe", "padded", "y"), data.table().columnNames());
    }

    @Test
    void emptyAndBlankColumnNamesAreRejected() throws IOException {
        assertMentions(loadFails(write("empty-name.csv", "a,,y\n1,2,p\n3,4,q\n")), "Column 2 has no name", "line 1");
        assertMentions(loadFails(write("blank-name.csv", "a,\"  \",y\n1,2,p\n3,4,q\n")), "Column 2 has no name");
    }

    @Test
    void testFractionOutsideOpenUnitIntervalIsRejected() {
        CsvData csv = CsvData.from(dir.resolve("any.csv"));
        for (double bad : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            DataException e = assertThrows(DataException.class, () -> csv.testFraction(bad));
            assertMentions(e, "Test fraction", "between 0 and 1", String.valueOf(bad));
        }
    }

    @Test
    void nullAndBlankArgumentsGiveClearErrors() {
        assertMentions(assertThrows(DataException.class, () -> CsvData.from((Path) null)), "path is null");
        assertMentions(assertThrows(DataException.class, () -> CsvData.from(dir.resolve("x")).target(" ")),
                "Target column name is empty");
    }

    @Test
    void nonUtf8FileIsReported() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "a,y\n1,caf\u00e9\n2,b\n".getBytes(StandardCharsets.ISO_8859_1));
        assertMentions(loadFails(file), "not UTF-8");
    }

    @Test
    void unclosedQuoteIsReported() throws IOException {
        assertMentions(loadFails(write("q.csv", "a,y\n1,p\n2,\"q\n")), "Unclosed double quote", "line 3");
    }
}
