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
