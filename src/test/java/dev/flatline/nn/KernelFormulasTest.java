package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The CUDA C expressions a GPU engine's kernels are generated from ({@link KernelFormulas}) compute what
 * the CPU definitions ({@link HiddenActivation}'s Java loops) compute, for every activation, over inputs
 * from deep saturation through zero: the strings themselves are evaluated ({@link CExpression}).
 */
class KernelFormulasTest {
    /** Inputs from -30 to 30, with exact zeros, tiny values and infinities. */
    private static float[] inputs() {
        float[] z = new float[1205];
        for (int i = 0; i < 1201; i++) {
            z[i] = -30f + i * 0.05f;
        }
        z[1201] = 0f;
        z[1202] = -0f;
        z[1203] = 1e-30f;
        z[1204] = -1e-30f;
        return z;
    }

    private static float applyCpu(HiddenActivation a, float z) {
        float[] v = {z};
        a.apply(v, 1);
        return v[0];
    }

    private static float backpropCpu(HiddenActivation a, float h, float da) {
        float[] d = {da};
        a.backprop(new float[] {h}, d, 1);
        return d[0];
    }

    /** Same value, up to a few float roundings (the CPU computes sigmoid and tanh in double). */
    private static boolean close(float expected, float actual) {
        return Float.compare(expected, actual) == 0 || Math.abs(expected - actual) <= 2e-7f * Math.max(1f, Math.abs(expected));
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void theKernelActivationIsTheCpuActivation(HiddenActivation a) {
        String formula = KernelFormulas.activation(a);
        for (float z : inputs()) {
            float cpu = applyCpu(a, z);
            float kernel = CExpression.eval(formula, Map.of("z", z));
            assertTrue(close(cpu, kernel), a + " at z=" + z + ": CPU " + cpu + ", kernel formula '" + formula + "' " + kernel);
        }
    }

    @ParameterizedTest
    @EnumSource(HiddenActivation.class)
    void theKernelBackpropIsTheCpuBackprop(HiddenActivation a) {
        String formula = KernelFormulas.backprop(a);
        for (float z : inputs()) {
            float h = applyCpu(a, z);
            for (float da : new float[] {1f, -0.37f, 0f, 12.5f}) {
                float cpu = backpropCpu(a, h, da);
                float kernel = CExpression.eval(formula, Map.of("h", h, "da", da));
                assertTrue(close(cpu, kernel), a + " at h=" + h + ", da=" + da + ": CPU " + cpu + ", kernel " + kernel);
            }
        }
    }

    /** The failing case: the check tells activations apart (a formula under the wrong name would fail). */
    @Test
    void aWrongFormulaIsCaught() {
        for (HiddenActivation a : HiddenActivation.values()) {
            for (HiddenActivation b : HiddenActivation.values()) {
                if (a == b) {
                    continue;
                }
                String formula = KernelFormulas.activation(b);
                boolean differs = false;
                for (float z : inputs()) {
                    differs |= !close(applyCpu(a, z), CExpression.eval(formula, Map.of("z", z)));
                }
                assertTrue(differs, b + "'s formula passes for " + a);
                String back = KernelFormulas.backprop(b);
                boolean backDiffers = false;
                for (float z : inputs()) {
                    float h = applyCpu(a, z);
                    backDiffers |= !close(backpropCpu(a, h, 1f), CExpression.eval(back, Map.of("h", h, "da", 1f)));
                }
                assertTrue(backDiffers, b + "'s backprop passes for " + a);
            }
        }
    }

    private static Optimiser optimiser(OptimiserKind kind) {
        return Optimiser.of(kind, 3e-2, 0.9, 0.1);
    }

    /** Ten steps of every rule on 257 parameters: the kernel's statements give OptimiserState's floats exactly. */
    @ParameterizedTest
    @EnumSource(OptimiserKind.class)
    void theKernelUpdateIsOptimiserState(OptimiserKind kind) {
        assertEquals(0, updateMismatches(kind, KernelFormulas.optimiserUpdate(kind)), kind.toString());
    }

    /** The failing case: another rule's statements do not pass for this one. */
    @Test
    void aWrongUpdateIsCaught() {
        assertTrue(updateMismatches(OptimiserKind.MOMENTUM, KernelFormulas.optimiserUpdate(OptimiserKind.NESTEROV)) > 0);
        assertTrue(updateMismatches(OptimiserKind.ADAMW, KernelFormulas.optimiserUpdate(OptimiserKind.SGD)) > 0);
        assertTrue(updateMismatches(OptimiserKind.ADAM,
                new String[] {"m = b1 * m1 + (1.0f - b1) * g", "v = b2 * m2 + (1.0f - b2) * g * g", "m1 = m", "m2 = v",
                    "theta = theta * decay - lr * m / (sqrtf(v) + eps)"}) > 0, "Adam without bias correction");
    }

    private static int updateMismatches(OptimiserKind kind, String[] statements) {
        int n = 257;
        java.util.SplittableRandom rng = new java.util.SplittableRandom(7);
        float[] theta = new float[n];
        for (int i = 0; i < n; i++) {
            theta[i] = (float) rng.nextGaussian();
        }
        float[] kTheta = theta.clone();
        float[] m1 = new float[n];
        float[] m2 = new float[n];
        Optimiser o = optimiser(kind);
        OptimiserState state = new OptimiserState(o, n);
        int mismatches = 0;
        for (int step = 1; step <= 10; step++) {
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) (rng.nextGaussian() * (i % 3 == 0 ? 1e-3 : 1));
            }
            double lr = o.learningRate() * (step % 2 == 0 ? 0.5 : 1);
            state.update(theta, g, lr);
            float[] c = KernelFormulas.optimiserConstants(o, step, lr);
            for (int i = 0; i < n; i++) {
                Map<String, Float> v = new java.util.HashMap<>();
                for (int j = 0; j < c.length; j++) {
                    v.put(KernelFormulas.OPTIMISER_CONSTANTS[j], c[j]);
                }
                v.put("theta", kTheta[i]);
                v.put("g", g[i]);
                v.put("m1", m1[i]);
                v.put("m2", m2[i]);
                v.put("m", 0f);
                v.put("v", 0f);
                CExpression.run(statements, v);
                kTheta[i] = v.get("theta");
                m1[i] = v.get("m1");
                m2[i] = v.get("m2");
                if (Float.compare(kTheta[i], theta[i]) != 0) {
                    mismatches++;
                    kTheta[i] = theta[i];
                }
            }
        }
        return mismatches;
    }

    @Test
    void theEvaluatorRejectsWhatItDoesNotKnow() {
        assertEquals(3.5f, CExpression.eval("1.0f + 2.5f", Map.of()));
        assertEquals(-2f, CExpression.eval("x > 0.0f ? x : -2.0f * 1.0f", Map.of("x", -1f)));
        assertThrows(IllegalArgumentException.class, () -> CExpression.eval("0.5 * z", Map.of("z", 1f)));
        assertThrows(IllegalArgumentException.class, () -> CExpression.eval("logf(z)", Map.of("z", 1f)));
        assertThrows(IllegalArgumentException.class, () -> CExpression.eval("y", Map.of("z", 1f)));
        assertThrows(IllegalArgumentException.class, () -> CExpression.eval("z z", Map.of("z", 1f)));
    }

    @Test
    void floatLiteralsReadBackExactly() {
        assertEquals(HiddenActivation.LEAKY_SLOPE, CExpression.eval(KernelFormulas.literal(HiddenActivation.LEAKY_SLOPE), Map.of()));
        assertEquals(1e-4f, CExpression.eval(KernelFormulas.literal(1e-4f), Map.of()));
    }
}
