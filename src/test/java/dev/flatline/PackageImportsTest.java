package dev.flatline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: the library's packages import each other without a cycle (data and evaluation import no other
 * flatline package; the checks' changes live in remedies, which never imports the checks), and only the command line
 * imports the kernel. Read from the sources' import lines, fully qualified names in code included.
 */
class PackageImportsTest {

    static final Path SOURCES = Path.of("src/main/java/dev/flatline");
    static final Pattern USE = Pattern.compile("\\bdev\\.flatline\\.([a-z]+)\\.[A-Z]");

    /** Each package's flatline packages, from what its Java files import or name in full (comments left out). */
    static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file).getName(0).toString();
                if (pkg.endsWith(".java")) {
                    continue;
                }
                Set<String> mine = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                String code = Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        mine.add(m.group(1));
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void theLibrarysPackagesImportOneWay() throws IOException {
        Map<String, Set<String>> uses = imports();
        assertTrue(uses.keySet().containsAll(List.of("data", "nn", "remedies", "checks", "report", "kernel", "cli")),
                uses.keySet().toString());
        assertEquals(Set.of(), uses.get("data"), "data is the bottom layer");
        assertEquals(Set.of(), uses.get("evaluation"), "one evaluation, on Tribuo only");
        assertTrue(!uses.get("remedies").contains("checks"), "remedies hold the changes; they never import the checks");
        for (String pkg : uses.keySet()) {
            if (!pkg.equals("cli")) {
                assertTrue(!uses.get(pkg).contains("cli"), pkg + " imports the command line");
                assertTrue(pkg.equals("kernel") || !uses.get(pkg).contains("kernel"), pkg + " imports the kernel");
            }
        }
        for (String start : uses.keySet()) {
            List<String> cycle = cycleFrom(start, start, uses, new ArrayList<>(List.of(start)));
            assertTrue(cycle.isEmpty(), "the packages import each other in a cycle: " + String.join(" -> ", cycle));
        }
    }

    /** A path of imports from {@code at} back to {@code start}, or empty. */
    private static List<String> cycleFrom(String start, String at, Map<String, Set<String>> uses, List<String> path) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (!path.contains(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, uses, path);
                if (!found.isEmpty()) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return List.of();
    }
}
