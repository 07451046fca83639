package dev.flatline.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flatline.data.Datasets;
import dev.flatline.data.LabelledData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Row;

/** {@link Charts#images}: small grey-scale images in a grid, on the bundled digits and made-up pixels. */
class ImagesChartTest {

    private static JsonNode json(Chart chart) throws Exception {
        return new ObjectMapper().readTree(chart.toPlotlyJson());
    }

    @Test
    void eachImageIsAHeatmapWithItsPixelsRowByRowAndItsCaption() throws Exception {
        // A 3x2 image whose values say where they are: 10 * row + column.
        double[] image = {0, 1, 2, 10, 11, 12};
        JsonNode figure = json(Charts.images("made up", List.of(image, new double[6]), List.of("a", "b"), 3, 2));
        assertEquals(2, figure.at("/data").size());
        JsonNode z = figure.at("/data/0/z");
        assertEquals(2, z.size(), "one row of z per image row");
        assertEquals(3, z.get(0).size(), "one value per column");
        assertEquals(12.0, z.get(1).get(2).asDouble(), "row-major: the last value is the bottom right pixel");
        assertEquals("x2", figure.at("/data/1/xaxis").asText(), "the second image has its own subplot");
        assertEquals("a", figure.at("/layout/xaxis/title/text").asText());
        assertEquals("b", figure.at("/layout/xaxis2/title/text").asText());
        assertEquals("reversed", figure.at("/layout/yaxis/autorange").asText(), "top row drawn at the top");
        assertEquals("x2", figure.at("/layout/yaxis2/scaleanchor").asText(), "square pixels");
        assertEquals(0.0, figure.at("/data/1/zmin").asDouble());
        assertEquals(12.0, figure.at("/data/1/zmax").asDouble(), "one grey scale shared by all images");
        assertEquals("made up", figure.at("/layout/title/text").asText());
    }

    @Test
    void digitsFillRowsOfEight() throws Exception {
        LabelledData digits = Datasets.digits();
        List<double[]> pixels = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Row row = digits.table().row(i);
            double[] image = new double[64];
            for (int p = 0; p < 64; p++) {
                image[p] = row.getNumber("px" + p);
            }
            pixels.add(image);
            captions.add(row.getString(digits.targetName()));
        }
        JsonNode figure = json(Charts.images("digits", pixels, captions, 8, 8));
        assertEquals(2, figure.at("/layout/grid/rows").asInt(), "10 images need two rows of eight");
        assertEquals(Charts.IMAGES_PER_ROW, figure.at("/layout/grid/columns").asInt());
        assertEquals(10, figure.at("/data").size());
        assertEquals(captions.get(9), figure.at("/layout/xaxis10/title/text").asText());
        double ink = figure.at("/data/0/zmax").asDouble();
        assertTrue(ink > 0 && ink <= 16, "the digits' pixels run from 0 to 16, got a maximum of " + ink);
        assertFalse(figure.at("/data/0/showscale").asBoolean());
    }

    @Test
    void badInputGetsASpecificMessage() {
        var wrongSize = assertThrows(IllegalArgumentException.class,
                () -> Charts.images("t", List.of(new double[5]), List.of("a"), 3, 2));
        assertTrue(wrongSize.getMessage().contains("image 0 has 5 pixel values; a 3x2 image has 6"),
                wrongSize.getMessage());
        var captions = assertThrows(IllegalArgumentException.class,
                () -> Charts.images("t", List.of(new double[6], new double[6]), List.of("a"), 3, 2));
        assertTrue(captions.getMessage().contains("one caption per image"), captions.getMessage());
        var none = assertThrows(IllegalArgumentException.class,
                () -> Charts.images("t", Collections.emptyList(), List.of(), 3, 2));
        assertTrue(none.getMessage().contains("no images"), none.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> Charts.images("t", List.of(new double[] {0, Double.NaN}), List.of("a"), 2, 1));
        assertTrue(nan.getMessage().contains("finite"), nan.getMessage());
    }
}
