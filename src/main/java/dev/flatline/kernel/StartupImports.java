package dev.flatline.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The imports every notebook starts with, so its first cell does real work. They live in one file,
 * {@code dev/flatline/kernel/imports.jsh}, which users of IJava/JJava can {@code %load} too; this
 * kernel adds the JJava notebook functions. A package missing from the class path is skipped by the
 * session, never an error.
 */
final class StartupImports {

    /** The notebook functions of JJava/IJava: {@code display}, {@code render}, {@code updateDisplay}. */
    static final String NOTEBOOK_STATICS = "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;";

    /** Where the shared import list is, on the class path. */
    static final String RESOURCE = "/dev/flatline/kernel/imports.jsh";

    /** Imports applied before the first cell, in this order. */
    static final List<String> ALL = load();

    private StartupImports() {
    }

    /** The import lines of the shared file (comments and blank lines dropped), then the notebook functions. */
    static List<String> load() {
        List<String> imports = new ArrayList<>();
        try (InputStream in = StartupImports.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: the flatline jar is incomplete");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String trimmed = line.strip();
                if (trimmed.startsWith("import ")) {
                    imports.add(trimmed);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        imports.add(NOTEBOOK_STATICS);
        return List.copyOf(imports);
    }
}
