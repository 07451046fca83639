package dev.flatline.remedies;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.classification.Label;

/**
 * Augmentation of small grey-scale images stored as pixel columns (recipe R5): each new image is an
 * image of the class, drawn uniformly, shifted, rotated and zoomed about its centre by random amounts
 * within the limits set (bilinear interpolation; pixels from outside the image are 0, the background
 * of the bundled digits). Only the classes named in the target counts get images, up to those counts.
 *
 * <pre>{@code
 * LabelledData digits = Datasets.digits();
 * ImageAugmenter images = ImageAugmenter.of(digits.featureNames(), 8, 8);   // px0..px63, row by row
 * Dataset<Label> more = images.augment(train, Map.of("3", 150), 0);
 * }</pre>
 *
 * <p>The pixel columns are named in row-major order (left to right, top to bottom), because Tribuo
 * orders features by name ({@code px10} before {@code px2}). Defaults: shifts up to 1 pixel, rotations
 * up to 10 degrees, zoom up to 10%; immutable, each {@code with...} returns a new object.
 */
public final class ImageAugmenter {

    private static final String WHO = "ImageAugmenter";

    private final List<String> pixels;
    private final int width;
    private final int height;
    private final double maxShift;
    private final double maxDegrees;
    private final double maxZoom;

    private ImageAugmenter(List<String> pixels, int width, int height, double maxShift, double maxDegrees,
            double maxZoom) {
        this.pixels = pixels;
        this.width = width;
        this.height = height;
        this.maxShift = maxShift;
        this.maxDegrees = maxDegrees;
        this.maxZoom = maxZoom;
    }

    /**
     * Images of {@code width x height} pixels, held in the named columns in row-major order.
     *
     * @throws IllegalArgumentException if there are not {@code width * height} distinct names
     */
    public static ImageAugmenter of(List<String> pixelColumns, int width, int height) {
        if (width < 2 || height < 2) {
            throw new IllegalArgumentException(WHO + ": images need at least 2 x 2 pixels, got " + width + " x " + height);
        }
        if (pixelColumns == null || pixelColumns.size() != width * height
                || pixelColumns.stream().distinct().count() != pixelColumns.size()) {
            throw new IllegalArgumentException(WHO + ": a " + width + " x " + height + " image needs " + width * height
                    + " distinct pixel column names, got " + (pixelColumns == null ? "null" : pixelColumns.size()));
        }
        return new ImageAugmenter(List.copyOf(pixelColumns), width, height, 1, 10, 0.1);
    }

    /** Shifts of up to {@code pixelsMax} pixels in each direction (0 for none). */
    public ImageAugmenter withShift(double pixelsMax) {
        require(pixelsMax, Math.min(width, height), "shift");
        return new ImageAugmenter(pixels, width, height, pixelsMax, maxDegrees, maxZoom);
    }

    /** Rotations of up to {@code degreesMax} either way (0 for none). */
    public ImageAugmenter withRotation(double degreesMax) {
        require(degreesMax, 180, "rotation");
        return new ImageAugmenter(pixels, width, height, maxShift, degreesMax, maxZoom);
    }

    /** Zoom by a factor between {@code 1 - fractionMax} and {@code 1 + fractionMax} (0 for none). */
    public ImageAugmenter withZoom(double fractionMax) {
        require(fractionMax, 0.9, "zoom");
        return new ImageAugmenter(pixels, width, height, maxShift, maxDegrees, fractionMax);
    }

    private static void require(double value, double max, String what) {
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(WHO + ": the " + what + " limit must be between 0 and " + max + ", was "
                    + value);
        }
    }

    /**
     * The dataset's examples followed by transformed copies of images of the named classes, until each
     * has its target count (classes not named keep their rows). Features other than the pixels are
     * copied unchanged.
     */
    public Dataset<Label> augment(Dataset<Label> dataset, Map<String, Integer> targetCounts, long seed) {
        int[] column = pixelColumns(dataset);
        double[] image = new double[width * height];
        double[] moved = new double[width * height];
        return RowMaker.augment(dataset, targetCounts, seed, WHO, (source, out, random) -> {
            System.arraycopy(source, 0, out, 0, source.length);
            for (int p = 0; p < image.length; p++) {
                image[p] = source[column[p]];
            }
            transform(image, moved, random);
            for (int p = 0; p < moved.length; p++) {
                out[column[p]] = moved[p];
            }
        });
    }

    /**
     * One random shift, rotation and zoom of {@code image} into {@code out}. Each output pixel looks up
     * where it came from (the inverse transform) and interpolates there, so the result has no holes.
     */
    void transform(double[] image, double[] out, SplittableRandom random) {
        transform(image, out, uniform(random, maxShift), uniform(random, maxShift), uniform(random, maxDegrees),
                1 + uniform(random, maxZoom));
    }

    /**
     * Shifts by ({@code dx}, {@code dy}) pixels (right, down), rotates by {@code degrees} (clockwise on
     * screen, y pointing down) and scales by {@code zoom}, about the image centre.
     */
    void transform(double[] image, double[] out, double dx, double dy, double degrees, double zoom) {
        double angle = Math.toRadians(degrees);
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double u = (x - cx - dx) / zoom;
                double v = (y - cy - dy) / zoom;
                double sx = cos * u + sin * v + cx;
                double sy = -sin * u + cos * v + cy;
                out[y * width + x] = bilinear(image, sx, sy);
            }
        }
    }

    private static double uniform(SplittableRandom random, double max) {
        return max == 0 ? 0 : (2 * random.nextDouble() - 1) * max;
    }

    private double bilinear(double[] image, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fx) * (1 - fy) * pixel(image, x0, y0) + fx * (1 - fy) * pixel(image, x0 + 1, y0)
                + (1 - fx) * fy * pixel(image, x0, y0 + 1) + fx * fy * pixel(image, x0 + 1, y0 + 1);
    }

    private double pixel(double[] image, int x, int y) {
        return x < 0 || y < 0 || x >= width || y >= height ? 0 : image[y * width + x];
    }

    private int[] pixelColumns(Dataset<Label> dataset) {
        if (dataset == null) {
            throw new IllegalArgumentException(WHO + ": the dataset is null");
        }
        ImmutableFeatureMap features = dataset.getFeatureIDMap();
        Map<String, Integer> ids = new HashMap<>();
        for (int c = 0; c < features.size(); c++) {
            ids.put(features.get(c).getName(), c);
        }
        int[] column = new int[pixels.size()];
        for (int p = 0; p < column.length; p++) {
            Integer id = ids.get(pixels.get(p));
            if (id == null) {
                throw new IllegalArgumentException(WHO + ": the dataset has no feature '" + pixels.get(p)
                        + "' (pixel " + p + "); pass the pixel column names as the data names them");
            }
            column[p] = id;
        }
        return column;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ImageAugmenter[%d x %d, shift <= %s px, rotation <= %s deg, zoom <= %s]",
                width, height, maxShift, maxDegrees, maxZoom);
    }
}
