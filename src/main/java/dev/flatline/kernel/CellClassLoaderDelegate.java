package dev.flatline.kernel;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Loads the classes JShell compiles from cells, and jars added with {@code %classpath}, in a class
 * loader whose parent is the kernel's own.
 *
 * <p>Why: flatline, Tablesaw, Tribuo and ND4J are on the kernel's class path. If a cell's loader
 * loaded them again, objects made in cells would be of different classes than those the kernel's
 * renderers know (so nothing would render) and ND4J's native library would be loaded twice (an
 * {@link UnsatisfiedLinkError}). Parent-first delegation loads each of them exactly once.
 */
final class CellClassLoaderDelegate implements LoaderDelegate {

    private final CellClassLoader loader;
    private final Map<String, Class<?>> loadedClasses = new ConcurrentHashMap<>();

    CellClassLoaderDelegate(ClassLoader parent) {
        this.loader = new CellClassLoader(parent);
    }

    /** The loader that defines the cells' classes. */
    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException {
        boolean[] installed = new boolean[classes.length];
        try {
            for (ClassBytecodes c : classes) {
                loader.declare(c.name(), c.bytecodes());
            }
            for (int i = 0; i < classes.length; i++) {
                Class<?> type = loader.loadClass(classes[i].name());
                loadedClasses.put(classes[i].name(), type);
                installed[i] = true;
                // Prepare the class now so that a broken class fails here, not at first use.
                type.getDeclaredMethods();
            }
        } catch (Throwable e) {
            throw new ClassInstallException("load: " + e, installed);
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            loader.declare(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws InternalException {
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                loader.addURL(Path.of(entry).toAbsolutePath().toUri().toURL());
            } catch (MalformedURLException | RuntimeException e) {
                throw new InternalException("cannot add " + entry + " to the class path: " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> type = loadedClasses.get(name);
        if (type == null) {
            throw new ClassNotFoundException(name + " has not been loaded by the kernel");
        }
        return type;
    }

    /** A URL class loader (for {@code %classpath} jars) that also defines classes from bytes. */
    private static final class CellClassLoader extends URLClassLoader {

        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

        CellClassLoader(ClassLoader parent) {
            super("flatline-cells", new URL[0], parent);
        }

        /** Remembers a cell class's bytes, prepared by CellBytecode (exit calls refused, stop checks woven in). */
        void declare(String name, byte[] bytes) {
            declared.put(name, CellBytecode.prepare(name, bytes));
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = declared.get(name);
            if (bytes != null) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            return super.findClass(name);
        }

        @Override
        protected void addURL(URL url) {
            super.addURL(url);
        }
    }
}
