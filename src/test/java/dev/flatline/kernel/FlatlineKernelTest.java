package dev.flatline.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class FlatlineKernelTest {

    @Test
    void startupImportsLetTheFirstCellDoRealWorkAndMagicsAreChecked() {
        FlatlineKernel kernel = FlatlineKernel.create();
        kernel.startSession(System.getProperty("java.class.path"), FlatlineKernelTest.class.getClassLoader());

        List<String> applied = kernel.appliedImports();
        assertTrue(applied.contains("import tech.tablesaw.api.*;"), applied.toString());
        assertTrue(applied.contains(StartupImports.NOTEBOOK_STATICS), applied.toString());
        assertEquals(StartupImports.ALL, applied, "every import in imports.jsh resolves: the list names only real packages");
        assertTrue(applied.contains("import dev.flatline.nn.*;"), applied.toString());

        Object table = kernel.evaluateCell("Table.create(\"t\", IntColumn.create(\"x\", 1, 2))", 1);
        assertTrue(table instanceof Table, "got " + table);
        assertEquals(2, ((Table) table).rowCount());

        assertTrue(kernel.evaluateCell("System.out.printf(\"%d%n\", 1)", 2) instanceof java.io.PrintStream);
        assertEquals(null, kernel.eval("System.out.printf(\"%d%n\", 1)"), "printf's returned stream is not shown");
        assertTrue(kernel.eval("6 * 7") != null, "an expression's value is shown");

        CellError unknown = assertThrows(CellError.class, () -> kernel.evaluateCell("%pip install x", 2));
        assertTrue(unknown.getMessage().contains("%classpath"), unknown.getMessage());
        CellError missing = assertThrows(CellError.class, () -> kernel.evaluateCell("%jars /no/such.jar", 3));
        assertTrue(missing.getMessage().contains("/no/such.jar does not exist"), missing.getMessage());

        assertTrue(kernel.complete("%cl", 3).getReplacements().contains("%classpath"));
        assertEquals(FlatlineKernel.IS_COMPLETE_YES, kernel.isComplete("%jars a.jar\nint x = 1;"));
        assertFalse(kernel.isComplete("if (true) {").isEmpty());
        kernel.session().close();
    }

    /** An interrupt while the first cell waits for JShell to start is not lost: that cell does not run. */
    @Test
    void interruptWhileTheKernelIsStartingStopsTheWaitingCell() throws Exception {
        FlatlineKernel kernel = FlatlineKernel.create();
        java.util.concurrent.CompletableFuture<Object> cell = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> kernel.evaluateCell("long spins = 0;\nwhile (spins >= 0) { spins++; }", 1));
        Thread.sleep(300); // the cell is now waiting for the session, which has not been started
        kernel.interrupt();
        kernel.startSession(System.getProperty("java.class.path"), FlatlineKernelTest.class.getClassLoader());
        java.util.concurrent.ExecutionException failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> cell.get(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof CellError, "got " + failed.getCause());
        assertTrue(failed.getCause().getMessage().startsWith("Interrupted: the cell was stopped before it started"),
                failed.getCause().getMessage());
        assertEquals(42, kernel.evaluateCell("6 * 7", 2), "the next cell runs");
        kernel.session().close();
    }
}
