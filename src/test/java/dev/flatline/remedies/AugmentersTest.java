package dev.flatline.remedies;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Noise scaled per feature, image shifts/rotations/zoom, only for the classes named, seeded. */
class AugmentersTest {

    @Test
    void noiseFollowsEachFeaturesScaleAndOnlyNamedClassesGrow() {
        // Two features on scales 1 and 1000; one row of class "rare", so every new row is it plus noise.
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("toy", new LabelFactory()),
                new LabelFactory());
        for (int i = 0; i < 200; i++) {
            data.add(new ArrayExample<>(new Label("common"), new String[] {"a", "b"},
                    new double[] {i % 2 == 0 ? -1 : 1, i % 2 == 0 ? -1000 : 1000}));
        }
        data.add(new ArrayExample<>(new Label("rare"), new String[] {"a", "b"}, new double[] {0.5, 500}));
        Dataset<Label> out = NoiseAugmenter.of(0.1).augment(data, Map.of("rare", 3001), 4);
        assertEquals(Map.of("common", 200, "rare", 3001), Fixtures.count(out));
        double[] sd = new double[2];
        // Population sd of each column over all 201 rows.
        double[][] columns = new double[2][201];
        for (int i = 0; i < 201; i++) {
            Example<Label> e = data.getExample(i);
            columns[0][i] = e.lookup("a").getValue();
            columns[1][i] = e.lookup("b").getValue();
        }
        for (int j = 0; j < 2; j++) {
            sd[j] = populationSd(columns[j]);
            double[] noise = new double[3000];
            for (int i = 0; i < 3000; i++) {
                noise[i] = out.getExample(201 + i).lookup(j == 0 ? "a" : "b").getValue() - (j == 0 ? 0.5 : 500);
            }
            double measured = populationSd(noise);
            assertEquals(0.1 * sd[j], measured, 0.1 * sd[j] * 0.06, "feature " + j);
        }
        Dataset<Label> again = NoiseAugmenter.of(0.1).augment(data, Map.of("rare", 3001), 4);
        assertEquals(out.getExample(3000).lookup("b").getValue(), again.getExample(3000).lookup("b").getValue());
        assertThrows(IllegalArgumentException.class, () -> NoiseAugmenter.of(0.1).augment(data, Map.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> NoiseAugmenter.of(-1));
    }

    @Test
    void glassNoiseOfZeroCopiesRowsOfTheClass() {
        Dataset<Label> train = Fixtures.glassTrain();
        Dataset<Label> out = NoiseAugmenter.of(0).augment(train, Map.of("6", 30), 1);
        Map<String, Integer> before = Fixtures.count(train);
        Map<String, Integer> after = Fixtures.count(out);
        before.forEach((label, count) -> assertEquals(label.equals("6") ? 30 : count, after.get(label)));
        List<double[]> sixes = new ArrayList<>();
        for (Example<Label> e : train) {
            if (e.getOutput().getLabel().equals("6")) {
                sixes.add(values(e));
            }
        }
        for (int i = train.size(); i < out.size(); i++) {
            double[] row = values(out.getExample(i));
            assertTrue(sixes.stream().anyMatch(s -> java.util.Arrays.equals(s, row)), "a copy of a class-6 row");
        }
    }

    @Test
    void imageTransformsMovePixelsWhereTheyShould() {
        ImageAugmenter images = ImageAugmenter.of(names(64), 8, 8);
        double[] image = new double[64];
        image[2 * 8 + 3] = 1;   // x=3, y=2
        double[] out = new double[64];
        images.transform(image, out, 1, 0, 0, 1);
        assertEquals(1.0, out[2 * 8 + 4], 1e-12, "shifted one pixel right");
        assertEquals(1.0, sum(out), 1e-12);
        images.transform(image, out, 0, 0, 0, 1);
        assertArrayEquals(image, out, 1e-12, "no change");
        // 90 degrees clockwise about the centre (3.5, 3.5): (3, 2) -> (5, 3).
        images.transform(image, out, 0, 0, 90, 1);
        assertEquals(1.0, out[3 * 8 + 5], 1e-9, java.util.Arrays.toString(out));
        // Zoom 2 spreads the pixel: it no longer sits in one cell, intensity stays non-negative.
        images.transform(image, out, 0, 0, 0, 2);
        assertTrue(sum(out) > 1.5);
    }

    @Test
    void digitsAugmentedOnlyForTheChosenClassAndSeeded() {
        LabelledData digits = Datasets.digits();
        Dataset<Label> train = digits.train();
        ImageAugmenter images = ImageAugmenter.of(digits.featureNames(), 8, 8).withRotation(15).withShift(1).withZoom(0.1);
        Dataset<Label> out = images.augment(train, Map.of("3", 400), 9);
        Map<String, Integer> before = Fixtures.count(train);
        Map<String, Integer> after = Fixtures.count(out);
        before.forEach((label, count) -> assertEquals(label.equals("3") ? 400 : count, after.get(label)));
        Dataset<Label> again = images.augment(train, Map.of("3", 400), 9);
        Dataset<Label> other = images.augment(train, Map.of("3", 400), 10);
        double[] last = values(out.getExample(out.size() - 1));
        assertArrayEquals(last, values(again.getExample(out.size() - 1)));
        assertFalse(java.util.Arrays.equals(last, values(other.getExample(out.size() - 1))));
        for (double v : last) {
            assertTrue(v >= 0 && v <= 16 + 1e-9, "pixel values stay in the digits' 0..16 range");
        }
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> ImageAugmenter.of(names(64), 8, 8).augment(train, Map.of("3", 400), 0));
        assertTrue(wrong.getMessage().contains("'p0'"), wrong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ImageAugmenter.of(names(63), 8, 8));
    }

    private static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("p" + i);
        }
        return names;
    }

    private static double[] values(Example<Label> example) {
        List<Double> values = new ArrayList<>();
        example.forEach(f -> values.add(f.getValue()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double populationSd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v / values.length;
        }
        double var = 0;
        for (double v : values) {
            var += (v - mean) * (v - mean) / values.length;
        }
        return Math.sqrt(var);
    }
}
