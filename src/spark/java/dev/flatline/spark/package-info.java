/**
 * The checkup on Apache Spark (the optional {@code -Pspark} build): the data checks' statistics as
 * Spark aggregations over a whole table ({@link dev.flatline.spark.SparkSummary}), a stratified sample
 * collected to the driver for the model, its checks and the trials ({@link dev.flatline.spark.SparkSample}),
 * and the entry point that joins them ({@link dev.flatline.spark.SparkCheckup}). Only Spark's built-in
 * column functions run on the executors, so a cluster needs no flatline jar.
 */
package dev.flatline.spark;
