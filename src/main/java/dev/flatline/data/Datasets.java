package dev.flatline.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The UCI datasets bundled with flatline (see {@code NOTICE.md} beside them for sources and licence),
 * each as {@link LabelledData} with the class column {@code class}, split with seed 0 and test
 * fraction 0.2 unless a seed is given.
 *
 * <p>Each file is parsed once per JVM and kept in memory (Shuttle: about 4 MB); every call still
 * returns an independent object.
 *
 * <table>
 * <caption>Bundled datasets</caption>
 * <tr><th>name</th><th>rows x features</th><th>classes</th><th>teaches</th></tr>
 * <tr><td>shuttle</td><td>58,000 x 9</td><td>7</td><td>extreme imbalance (45,586 vs 10 rows)</td></tr>
 * <tr><td>glass</td><td>214 x 9</td><td>6</td><td>small data, several small classes</td></tr>
 * <tr><td>satellite</td><td>6,435 x 36</td><td>6</td><td>image-like features (3x3 pixels x 4 bands)</td></tr>
 * <tr><td>digits</td><td>1,797 x 64</td><td>10</td><td>balanced 8x8 images</td></tr>
 * <tr><td>breast-cancer</td><td>569 x 30</td><td>2</td><td>features on very different scales</td></tr>
 * <tr><td>credit-g</td><td>1,000 x 20</td><td>2</td><td>nominal features coded as integers</td></tr>
 * <tr><td>wine</td><td>178 x 13</td><td>3</td><td>small, scale-sensitive</td></tr>
 * </table>
 */
public final class Datasets {

    private enum Bundled {
        SHUTTLE("shuttle", "shuttle.csv.gz"),
        GLASS("glass", "glass.csv.gz"),
        SATELLITE("satellite", "satellite.csv.gz"),
        DIGITS("digits", "sklearn_digits8x8.csv.gz"),
        BREAST_CANCER("breast-cancer", "sklearn_breast_cancer_wdbc.csv.gz"),
        CREDIT_G("credit-g", "weka_credit_g.csv.gz"),
        WINE("wine", "sklearn_wine.csv.gz");

        final String id;
        final String resource;

        Bundled(String id, String resource) {
            this.id = id;
            this.resource = resource;
        }
    }

    private static final Map<Bundled, Columns> PARSED = new ConcurrentHashMap<>();

    private Datasets() {
    }

    /** Statlog Shuttle: 58,000 x 9, 7 classes, extreme imbalance. */
    public static LabelledData shuttle() {
        return load(Bundled.SHUTTLE, CsvData.DEFAULT_SEED);
    }

    /** Statlog Shuttle split with the given seed. */
    public static LabelledData shuttle(long seed) {
        return load(Bundled.SHUTTLE, seed);
    }

    /** Glass identification: 214 x 9, 6 classes. */
    public static LabelledData glass() {
        return load(Bundled.GLASS, CsvData.DEFAULT_SEED);
    }

    /** Glass identification split with the given seed. */
    public static LabelledData glass(long seed) {
        return load(Bundled.GLASS, seed);
    }

    /** Statlog Landsat satellite: 6,435 x 36, 6 classes. */
    public static LabelledData satellite() {
        return load(Bundled.SATELLITE, CsvData.DEFAULT_SEED);
    }

    /** Statlog Landsat satellite split with the given seed. */
    public static LabelledData satellite(long seed) {
        return load(Bundled.SATELLITE, seed);
    }

    /** Optical digits, 8x8 pixels: 1,797 x 64, 10 balanced classes. */
    public static LabelledData digits() {
        return load(Bundled.DIGITS, CsvData.DEFAULT_SEED);
    }

    /** Optical digits split with the given seed. */
    public static LabelledData digits(long seed) {
        return load(Bundled.DIGITS, seed);
    }

    /** Breast cancer Wisconsin (diagnostic): 569 x 30, benign 357 / malignant 212. */
    public static LabelledData breastCancer() {
        return load(Bundled.BREAST_CANCER, CsvData.DEFAULT_SEED);
    }

    /** Breast cancer Wisconsin split with the given seed. */
    public static LabelledData breastCancer(long seed) {
        return load(Bundled.BREAST_CANCER, seed);
    }

    /** German credit: 1,000 x 20, good 700 / bad 300. */
    public static LabelledData creditG() {
        return load(Bundled.CREDIT_G, CsvData.DEFAULT_SEED);
    }

    /** German credit split with the given seed. */
    public static LabelledData creditG(long seed) {
        return load(Bundled.CREDIT_G, seed);
    }

    /** Wine: 178 x 13, 3 classes. */
    public static LabelledData wine() {
        return load(Bundled.WINE, CsvData.DEFAULT_SEED);
    }

    /** Wine split with the given seed. */
    public static LabelledData wine(long seed) {
        return load(Bundled.WINE, seed);
    }

    /** The names {@link #byName(String)} accepts, in a stable order. */
    public static List<String> names() {
        return Arrays.stream(Bundled.values()).map(b -> b.id).toList();
    }

    /**
     * A bundled dataset by name (as in {@link #names()}; case, '-' and '_' are ignored, so
     * {@code breastCancer} and {@code breast_cancer} work too), with the default split.
     *
     * @throws DataException for an unknown name, listing the known ones
     */
    public static LabelledData byName(String name) {
        return byName(name, CsvData.DEFAULT_SEED);
    }

    /** A bundled dataset by name, split with the given seed. */
    public static LabelledData byName(String name, long seed) {
        String wanted = normalise(name == null ? "" : name);
        for (Bundled bundled : Bundled.values()) {
            if (normalise(bundled.id).equals(wanted)) {
                return load(bundled, seed);
            }
        }
        throw new DataException("No bundled dataset named '" + name + "'. Known datasets: "
                + String.join(", ", names()) + ". For your own data use CsvData.from(path).");
    }

    private static String normalise(String name) {
        return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT).trim();
    }

    private static LabelledData load(Bundled bundled, long seed) {
        Columns columns = PARSED.computeIfAbsent(bundled, Datasets::parse);
        return LabelledData.split(bundled.id, columns, seed, CsvData.DEFAULT_TEST_FRACTION);
    }

    private static Columns parse(Bundled bundled) {
        String source = "bundled dataset '" + bundled.resource + "'";
        try (InputStream in = Datasets.class.getResourceAsStream(bundled.resource)) {
            if (in == null) {
                throw new IllegalStateException("The " + source + " is missing from the class path; the flatline "
                        + "jar is incomplete. Rebuild it with mvn package.");
            }
            return CsvData.parse(in, source, CsvData.DEFAULT_TARGET, Set.of(), ',');
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the " + source + ": " + e.getMessage(), e);
        }
    }
}
