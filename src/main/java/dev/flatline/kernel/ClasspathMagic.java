package dev.flatline.kernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.dflib.jjava.jupyter.kernel.util.PathsHandler;

/**
 * {@code %classpath} (alias {@code %jars}): adds jars or class folders for the cells that follow.
 * Arguments are paths, globs ({@code lib/*.jar}) or lists joined with the path separator; relative
 * paths start at the kernel's working directory (the notebook's folder). A path that does not exist,
 * or a glob that matches nothing, is an error that names it.
 */
final class ClasspathMagic implements LineMagic<List<String>, BaseKernel> {

    private final Consumer<String> classpath;

    /** @param classpath receives each resolved absolute path */
    ClasspathMagic(Consumer<String> classpath) {
        this.classpath = classpath;
    }

    @Override
    public List<String> eval(BaseKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw CellErrors.magic("%classpath needs at least one jar, folder or glob, e.g. %classpath lib/*.jar");
        }
        List<String> added = new ArrayList<>();
        for (String arg : args) {
            for (String entry : arg.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    added.addAll(resolve(entry));
                }
            }
        }
        added.forEach(classpath);
        System.out.println("Added to the class path: " + String.join(", ", added));
        return added;
    }

    /** Resolves one path or glob to existing absolute paths. */
    static List<String> resolve(String entry) {
        boolean glob = entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0 || entry.indexOf('[') >= 0;
        List<String> paths = new ArrayList<>();
        if (glob) {
            PathsHandler.resolveGlobs(entry).forEach(p -> paths.add(p.toAbsolutePath().normalize().toString()));
            if (paths.isEmpty()) {
                throw CellErrors.magic("%classpath: no file matches " + entry + " (relative paths start at "
                        + Path.of("").toAbsolutePath() + ")");
            }
            return paths;
        }
        Path path = Path.of(entry);
        if (!Files.exists(path)) {
            throw CellErrors.magic("%classpath: " + entry + " does not exist (looked for "
                    + path.toAbsolutePath().normalize() + "). Check the path, or build the jar first.");
        }
        paths.add(path.toAbsolutePath().normalize().toString());
        return paths;
    }
}
