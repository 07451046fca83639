package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JShellSessionTest {

    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = new JShellSession(System.getProperty("java.class.path"), JShellSessionTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Object run(String code, int cell) {
        return session.evaluate(code, cell, 1, code);
    }

    @Test
    void expressionValueIsTheRealObject() {
        Object value = run("var list = new java.util.ArrayList<String>();\nlist.add(\"a\");\nlist", 1);
        assertTrue(value instanceof java.util.ArrayList, "got " + value);
        assertEquals(List.of("a"), value);
        assertSame(JShellSession.NO_VALUE, run("int declared = 3;", 2));
    }

    @Test
    void aVariableThatALaterCellResetsIsNamedOnStderr() {
        run("class Box { int v = 1; }", 9);
        run("var shadowed = new Box();", 10);
        run("var untouched = 7;", 11);
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(err, true));
        try {
            run("class Box { int v = 2; String extra; }", 12);
        } finally {
            System.setErr(original);
        }
        String said = err.toString();
        assertTrue(said.contains("Note: variable 'shadowed' can no longer be used because line 1 of this cell"), said);
        assertFalse(said.contains("untouched"), "variables that do not depend on the change are not named: " + said);
        assertTrue(said.contains("declares 'Box'"), "the note names the cause: " + said);
        assertFalse(said.contains("an import or a type"), "not the old, vaguer cause: " + said);
    }

    @Test
    void classesComeFromTheKernelsLoader() {
        Object html = run("dev.flatline.plots.Html.class", 3);
        assertSame(dev.flatline.plots.Html.class, html);
    }

    @Test
    void runtimeErrorNamesTheLearnersLine() {
        String code = "int a = 1;\nint b = 0;\n\nint c = a / b;";
        CellError error = assertThrows(CellError.class, () -> run(code, 4));
        System.out.println(String.join("\n", error.lines()));
        assertEquals("ArithmeticException: / by zero (at line 4: int c = a / b;)", error.getMessage());
        assertTrue(error.lines().contains("    at line 4: int c = a / b;"), error.lines().toString());
    }

    @Test
    void errorInAMethodFromAnEarlierCellNamesBothCells() {
        run("int half(int x) {\n    if (x < 0) {\n        throw new IllegalArgumentException(\"negative: \" + x);\n    }\n    return x / 2;\n}", 5);
        CellError error = assertThrows(CellError.class, () -> run("int ok = 1;\nhalf(-4)", 6));
        System.out.println(String.join("\n", error.lines()));
        assertTrue(error.getMessage().startsWith("IllegalArgumentException: negative: -4 (at line 3 of cell [5]"),
                error.getMessage());
        assertTrue(error.lines().contains("    at line 3 of cell [5]: throw new IllegalArgumentException(\"negative: \" + x);"),
                error.lines().toString());
        assertTrue(error.lines().contains("    at line 2: half(-4)"), error.lines().toString());
        assertFalse(error.lines().stream().anyMatch(l -> l.contains("jdk.") || l.contains("REPL")), error.lines().toString());
    }

    @Test
    void causeChainIsShort() {
        CellError error = assertThrows(CellError.class, () ->
                run("throw new IllegalStateException(\"outer\", new java.io.IOException(\"inner\"));", 7));
        System.out.println(String.join("\n", error.lines()));
        assertTrue(error.lines().contains("Caused by: java.io.IOException: inner"), error.lines().toString());
    }

    @Test
    void compileErrorQuotesTheLineWithAMarker() {
        String code = "int x = 1;\nStrin s = \"a\";";
        CellError error = assertThrows(CellError.class, () -> run(code, 8));
        System.out.println(String.join("\n", error.lines()));
        assertTrue(error.getMessage().startsWith("Compile error in line 2: cannot find symbol"), error.getMessage());
        assertTrue(error.lines().contains("    Strin s = \"a\";"), error.lines().toString());
        assertTrue(error.lines().contains("    ^^^^^"), error.lines().toString());
    }

    @Test
    void kernelSurvivesAFailedCell() {
        assertThrows(CellError.class, () -> run("throw new RuntimeException(\"boom\");", 9));
        assertEquals(42, run("40 + 2", 10));
    }

    @Test
    void completionSuggestsMembers() {
        run("String word = \"hi\";", 11);
        String code = "int unused = 0;\nword.length();\nword.toUpp";
        JShellSession.Completions completions = session.complete(code, code.length());
        assertTrue(completions.matches().contains("toUpperCase("), completions.matches().toString());
        assertEquals(code.length() - "toUpp".length(), completions.start());
        assertEquals(code.length(), completions.end());
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalid() {
        assertEquals("complete", session.isComplete("int x = 1;").status());
        assertEquals("incomplete", session.isComplete("for (int i = 0; i < 3; i++) {").status());
        assertEquals("    ", session.isComplete("for (int i = 0; i < 3; i++) {").indent());
        assertEquals("invalid", session.isComplete("int x = ;)").status());
    }

    @Test
    void importsOfMissingPackagesAreSkipped() {
        List<String> applied = session.applyImports(List.of("import java.util.stream.*;", "import no.such.pkg.*;"));
        assertEquals(List.of("import java.util.stream.*;"), applied);
    }

    /**
     * Every way a learner's cell reaches exit is refused with the same message and the session goes on.
     * (If the guard failed, this test JVM would end and the run would fail with it.)
     */
    @Test
    void exitCallsFailInTheirCellInsteadOfEndingTheJvm() {
        List<String> forms = List.of(
                "System.exit(3);",
                "Runtime.getRuntime().exit(3);",
                "Runtime rt = Runtime.getRuntime();\nrt.halt(3);",
                "void quit(int s) { System.exit(s); }\nquit(3);",
                "Runnable r = () -> System.exit(3);\nr.run();",
                "java.util.function.IntConsumer c = System::exit;\nc.accept(3);",
                "java.util.function.IntConsumer h = Runtime.getRuntime()::halt;\nh.accept(3);");
        int cell = 20;
        for (String form : forms) {
            CellError error = assertThrows(CellError.class, () -> run(form, 20), form);
            assertTrue(error.getMessage().startsWith(ExitGuard.MESSAGE + " (exit status 3)"), form + " -> " + error.getMessage());
            assertEquals(42, run("6 * 7", ++cell), "the session works after " + form);
        }
        // A method named exit on another type is left alone.
        assertEquals("left alone", run("class Door { String exit(int i) { return \"left alone\"; } }\nnew Door().exit(3)", 40));
    }

    /**
     * Endless loops of every shape stop soon after an interrupt, through the stop checks woven into
     * the cell's code (well before the Thread.stop last resort), and the session goes on.
     */
    @Test
    void endlessLoopsAreStoppedByTheWovenChecks() {
        run("void spin() { while (true) { } }\nint deep(int n) { return deep(n + 1); }", 50);
        List<String> loops = List.of(
                "long spins = 0;\nwhile (spins >= 0) { spins++; }",
                "spin();",
                "for (int i = 0; ; i = (i + 1) % 7) { }",
                "Runnable r = () -> { do { } while (true); };\nr.run();",
                "class Busy { void go() { for (;;) { Math.sqrt(2); } } }\nnew Busy().go();");
        int cell = 51;
        for (String loop : loops) {
            long[] interruptedAt = new long[1];
            Thread stopper = new Thread(() -> {
                try {
                    while (!session.isRunning()) {
                        Thread.sleep(20);
                    }
                    Thread.sleep(300);
                    interruptedAt[0] = System.nanoTime();
                    session.interrupt();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopper.start();
            int thisCell = cell++;
            CellError error = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                    () -> assertThrows(CellError.class, () -> run(loop, thisCell)), loop);
            double seconds = (System.nanoTime() - interruptedAt[0]) / 1e9;
            assertTrue(error.getMessage().startsWith("Interrupted"), loop + " -> " + error.getMessage());
            assertTrue(seconds < 3, loop + " took " + seconds + " s to stop: not the woven checks");
            assertEquals(42, run("6 * 7", cell++), "the session works after " + loop);
        }
    }
}
