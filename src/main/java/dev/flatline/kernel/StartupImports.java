package dev.flatline.kernel;

import java.util.List;

/**
 * The imports every notebook starts with, so its first cell does real work. Packages that are not on
 * the class path (parts of flatline not built yet) are skipped by the session, never an error.
 */
final class StartupImports {

    /** The notebook functions of JJava/IJava: {@code display}, {@code render}, {@code updateDisplay}. */
    static final String NOTEBOOK_STATICS = "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;";

    /** Imports applied before the first cell, in this order. */
    static final List<String> ALL = List.of(
            "import java.util.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import tech.tablesaw.api.*;",
            "import org.tribuo.*;",
            "import org.tribuo.classification.*;",
            "import org.tribuo.classification.evaluation.*;",
            "import dev.flatline.data.*;",
            "import dev.flatline.plots.*;",
            "import dev.flatline.nn.*;",
            "import dev.flatline.checks.*;",
            "import dev.flatline.remedies.*;",
            "import dev.flatline.report.*;",
            NOTEBOOK_STATICS);

    private StartupImports() {
    }
}
