package dev.flatline.data;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * Writes a large Shuttle-like CSV: rows drawn at random (seeded) from the bundled Shuttle data, so the
 * class shares and the rare classes are Shuttle's (class 6 about 0.02% of rows), each whole-number
 * value moved by one up or down with probability {@value #JITTER} so rows are not exact copies.
 * {@code java -cp ... dev.flatline.data.ShuttleLikeFile ROWS FILE [SEED]} writes one for measurements.
 */
public final class ShuttleLikeFile {

    static final double JITTER = 0.05;

    private ShuttleLikeFile() {
    }

    /** Writes {@code rows} data rows (plus the header) to {@code file}. */
    public static void write(Path file, long rows, long seed) throws IOException {
        List<String[]> shuttle = new ArrayList<>();
        String header;
        try (InputStream in = ShuttleLikeFile.class.getResourceAsStream("/dev/flatline/data/shuttle.csv.gz");
                BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                        StandardCharsets.UTF_8))) {
            header = reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                shuttle.add(line.split(","));
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(64);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
            out.write(header);
            out.write('\n');
            for (long r = 0; r < rows; r++) {
                String[] row = shuttle.get(random.nextInt(shuttle.size()));
                line.setLength(0);
                for (int j = 0; j < row.length - 1; j++) {
                    int value = Integer.parseInt(row[j]);
                    if (random.nextDouble() < JITTER) {
                        value += random.nextBoolean() ? 1 : -1;
                    }
                    line.append(value).append(',');
                }
                line.append(row[row.length - 1]).append('\n');
                out.append(line);
            }
        }
    }

    /** {@code ROWS FILE [SEED]}. */
    public static void main(String[] args) throws IOException {
        write(Path.of(args[1]), Long.parseLong(args[0].replace("_", "")), args.length > 2 ? Long.parseLong(args[2]) : 0);
    }
}
