package dev.flatline.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Counts the bytes read from a file and, for reads that take more than two seconds, redraws one line
 * on the terminal about once a second: rows, megabytes read, MB/s and the time left at that rate.
 */
final class ScanProgress extends FilterInputStream {

    private static final long FIRST_NS = 2_000_000_000L;
    private static final long EVERY_NS = 1_000_000_000L;

    private final PrintStream terminal;
    private final String what;
    private final long size;
    private final long start = System.nanoTime();
    private long bytes;
    private long lastDrawn;
    private boolean drawn;

    /** {@code terminal} null: count only. */
    ScanProgress(InputStream in, PrintStream terminal, String what, long size) {
        super(in);
        this.terminal = terminal;
        this.what = what;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes += n;
        }
        return n;
    }

    long bytes() {
        return bytes;
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Called every few thousand rows; draws when due. */
    void rows(long rows) {
        if (terminal == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - start < FIRST_NS || now - lastDrawn < EVERY_NS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        double seconds = (now - start) / 1e9;
        double rate = bytes / 1e6 / seconds;
        double left = rate > 0 ? (size - bytes) / 1e6 / rate : 0;
        terminal.print(String.format(Locale.ROOT, "\rreading %s: %,d rows, %,d of %,d MB, %.0f MB/s, about %.0f s left   ",
                what, rows, bytes / 1_000_000, size / 1_000_000, rate, Math.max(0, left)));
        terminal.flush();
    }

    /** Ends the line, with the totals, if one was drawn. */
    void done(long rows) {
        if (drawn) {
            terminal.println(String.format(Locale.ROOT, "\rread %s: %,d rows, %,d MB in %.1f s (%.0f MB/s)%20s",
                    what, rows, bytes / 1_000_000, seconds(), bytes / 1e6 / seconds(), ""));
        }
    }
}
