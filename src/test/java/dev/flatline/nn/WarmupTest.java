package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The warm-up acts only in a fresh JVM, so each case runs a child JVM: with the warm-up on, the first
 * fit finishes (JavaCPP is loaded by one thread only; two loading at once deadlocked) and gives exactly
 * the losses and parameters it gives with the warm-up off.
 */
class WarmupTest {

    /** The child: one fast-path fit on a Shuttle sample, printed as losses and a parameter checksum. */
    public static void main(String[] args) {
        MlpModel model = MlpTrainer.builder().epochs(2).batchSize(64).seed(5).progress(false)
                .computePath(ComputePath.FAST).build().train(Shuttle.train(3000));
        System.out.println("RESULT " + Arrays.toString(model.history().trainLosses()) + " "
                + Arrays.hashCode(model.parameters()));
    }

    private static String child(boolean warmup) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Ddev.flatline.nn.warmup=" + warmup, "-cp",
                System.getProperty("java.class.path"), WarmupTest.class.getName())
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "the child JVM (warm-up " + warmup + ") did not finish in 120 s: " + out);
        assertEquals(0, p.exitValue(), out);
        List<String> result = out.lines().filter(l -> l.startsWith("RESULT ")).toList();
        assertEquals(1, result.size(), out);
        return result.get(0);
    }

    @Test
    void aFreshJvmsFirstFitIsTheSameWithAndWithoutTheWarmup() throws Exception {
        assertEquals(child(false), child(true));
    }
}
