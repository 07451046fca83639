package dev.flatline.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flatline.data.ShuttleLikeFile;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark path on a real standalone cluster: a master and a worker started from Spark's own jars
 * ({@code target-spark/lib}, laid out as a Spark home's {@code jars/}) the way {@code spark-class}
 * starts them, each in its own JVM bound to 127.0.0.1; the worker starts an executor JVM for the
 * checkup's application. Its data findings must equal the one-machine streaming path's.
 */
class SparkClusterIT {

    @TempDir
    static Path dir;
    static Process master;
    static Process worker;
    static String masterUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        Path home = Files.createDirectories(dir.resolve("spark-home"));
        Files.createSymbolicLink(home.resolve("jars"), Path.of("target-spark", "lib").toAbsolutePath());
        int port = freePort();
        masterUrl = "spark://127.0.0.1:" + port;
        master = start(home, "master.log", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        waitFor(dir.resolve("master.log"), "I have been elected leader", master);
        worker = start(home, "worker.log", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir",
                dir.resolve("work").toString(), masterUrl);
        waitFor(dir.resolve("worker.log"), "Successfully registered with master", worker);
    }

    @AfterAll
    static void stopCluster() {
        for (Process p : new Process[] {worker, master}) {
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
            }
        }
    }

    @Test
    void aStandaloneClusterGivesTheSameDataFindingsAsOneMachine() throws IOException {
        Path train = dir.resolve("train.csv");
        Path test = dir.resolve("test.csv");
        ShuttleLikeFile.write(train, 60_000, 1);
        SparkCheckupTest.writeShiftedTest(test);
        SparkCheckup.quietLogs();
        SparkSession spark = SparkSession.builder().master(masterUrl).appName("flatline cluster test")
                .config("spark.ui.enabled", "false").config("spark.sql.caseSensitive", "true")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.executor.memory", "512m").config("spark.cores.max", "1")
                .config("spark.sql.shuffle.partitions", "4").getOrCreate();
        try {
            SparkCheckupTest.assertSameDataFindings(spark, train, test);
            assertTrue(spark.sparkContext().master().startsWith("spark://127.0.0.1"));
            // The work really ran in an executor the worker started (a JVM of its own).
            assertTrue(Files.readString(dir.resolve("worker.log")).contains("Launch command"),
                    "the worker launched an executor");
        } finally {
            spark.stop();
        }
    }

    static Process start(Path home, String log, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(Arrays.asList(System.getProperty("flatline.spark.javaOptions", "").split(" ")));
        command.addAll(List.of("-cp", home.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(Arrays.asList(args));
        command.removeIf(String::isEmpty);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    static void waitFor(Path log, String line, Process p) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            if (!p.isAlive()) {
                throw new AssertionError("exited: " + Files.readString(log));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + line + "' within 120 s: " + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
