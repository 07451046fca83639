package dev.flatline.data;

/**
 * What one streaming pass over a file yields: statistics over every row, and a stratified sample small
 * enough to train on.
 *
 * @param summary the statistics over every row
 * @param sample  the stratified sample, split 80/20 by class with the scan's seed
 * @param bytes   bytes read from the file (compressed bytes for a gzipped file)
 * @param seconds wall time of the read
 */
public record ScannedData(DataSummary summary, LabelledData sample, long bytes, double seconds) {

    /** Megabytes (10^6 bytes) read per second. */
    public double megabytesPerSecond() {
        return seconds > 0 ? bytes / 1e6 / seconds : 0;
    }
}
