package dev.flatline.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The formulas themselves: each hidden activation's two forms (Java loop and ND4J ops) agree, and every
 * loss's gradient is the derivative of its loss (checked against finite differences), focal loss
 * across gamma in (0, 5] included, where p_t reaches 1.
 */
class FormulasTest {

    @Test
    void eachHiddenActivationsJavaAndNd4jFormsAgree() {
        float[] z = new float[241];
        for (int i = 0; i < z.length; i++) {
            z[i] = -6f + 0.05f * i;
        }
        for (HiddenActivation a : HiddenActivation.values()) {
            float[] h = z.clone();
            a.apply(h, h.length);
            INDArray hz = Nd4j.createFromArray(z.clone());
            a.apply(hz);
            float[] fromOps = hz.toFloatVector();
            float[] da = new float[z.length];
            java.util.Arrays.fill(da, 0.7f);
            a.backprop(h, da, da.length);
            INDArray daOps = Nd4j.valueArrayOf(new long[] {z.length}, 0.7f, DataType.FLOAT);
            a.backprop(Nd4j.createFromArray(h.clone()), daOps, Nd4j.create(DataType.FLOAT, z.length));
            float[] daFromOps = daOps.toFloatVector();
            for (int i = 0; i < z.length; i++) {
                assertEquals(h[i], fromOps[i], 1e-6, a + " at " + z[i]);
                assertEquals(da[i], daFromOps[i], 1e-6, a + "' at " + z[i]);
                // The derivative from the output is the derivative of the function (away from ReLU's kink).
                if (Math.abs(z[i]) > 1e-3) {
                    float eps = 1e-3f;
                    float[] pm = {z[i] + eps, z[i] - eps};
                    a.apply(pm, 2);
                    double numeric = (pm[0] - pm[1]) / (2.0 * eps);
                    assertEquals(numeric * 0.7, da[i], 2e-3, a + "' at " + z[i]);
                }
            }
        }
    }

    @Test
    void lossGradientsAreTheLossesDerivatives() {
        SplittableRandom rng = new SplittableRandom(5);
        int k = 4;
        int rows = 6;
        int[] y = {0, 1, 2, 3, 1, 2};
        float[] w = {1f, 2f, 0.5f, 1f, 0f, 3f};
        Object[][] cases = {
            {OutputActivation.SOFTMAX, LossFunction.CROSS_ENTROPY, 0.0},
            {OutputActivation.SOFTMAX, LossFunction.LOGIT_ADJUSTED, 0.0},
            {OutputActivation.SOFTMAX, LossFunction.MEAN_SQUARED_ERROR, 0.0},
            {OutputActivation.SIGMOID, LossFunction.CROSS_ENTROPY, 0.0},
            {OutputActivation.SIGMOID, LossFunction.MEAN_SQUARED_ERROR, 0.0},
            {OutputActivation.SOFTMAX, LossFunction.FOCAL, 0.25},
            {OutputActivation.SOFTMAX, LossFunction.FOCAL, 0.5},
            {OutputActivation.SOFTMAX, LossFunction.FOCAL, 0.99},
            {OutputActivation.SOFTMAX, LossFunction.FOCAL, 1.0},
            {OutputActivation.SOFTMAX, LossFunction.FOCAL, 2.0},
            {OutputActivation.SOFTMAX, LossFunction.FOCAL, 5.0},
        };
        for (Object[] c : cases) {
            OutputActivation act = (OutputActivation) c[0];
            LossFunction loss = (LossFunction) c[1];
            double gamma = (double) c[2];
            float[] shift = loss == LossFunction.LOGIT_ADJUSTED ? new float[] {-0.1f, -1f, -2f, -3f} : null;
            OutputLoss out = new OutputLoss(act, new StepSettings(loss, gamma, shift, 0, 0, Optimiser.sgd(1)), k);
            double[] z = new double[rows * k];
            for (int i = 0; i < z.length; i++) {
                z[i] = rng.nextDouble(-3, 3);
            }
            float[] grad = new float[rows * k];
            float[] p = toFloat(z);
            out.activate(p, rows, true);
            out.lossAndGradient(p, rows, y, w, grad, true);
            for (int i = 0; i < z.length; i++) {
                double h = 1e-2;
                double up = lossAt(out, z, i, h, rows, y, w);
                double down = lossAt(out, z, i, -h, rows, y, w);
                double numeric = (up - down) / (2 * h);
                assertEquals(numeric, grad[i], 2e-3 + 2e-2 * Math.abs(numeric), act + "+" + loss + " gamma " + gamma
                        + ", logit " + i);
            }
        }
    }

    @Test
    void focalLossIsFiniteWhereTheTrueClassHasProbabilityOne() {
        for (double gamma : new double[] {0.25, 0.5, 0.99, 1, 2, 5}) {
            OutputLoss out = new OutputLoss(OutputActivation.SOFTMAX,
                    new StepSettings(LossFunction.FOCAL, gamma, null, 0, 0, Optimiser.sgd(1)), 3);
            float[] p = {60f, 0f, -60f};
            float[] grad = new float[3];
            out.activate(p, 1, true);
            assertEquals(1f, p[0], "p_t rounds to 1 in float");
            double loss = out.lossAndGradient(p, 1, new int[] {0}, new float[] {1f}, grad, true);
            assertTrue(Double.isFinite(loss) && loss >= 0, "gamma " + gamma + ": loss " + loss);
            for (float g : grad) {
                assertTrue(Float.isFinite(g), "gamma " + gamma + ": gradient " + java.util.Arrays.toString(grad));
            }
        }
    }

    private static double lossAt(OutputLoss out, double[] z, int i, double h, int rows, int[] y, float[] w) {
        double[] moved = z.clone();
        moved[i] += h;
        float[] p = toFloat(moved);
        out.activate(p, rows, true);
        return out.lossAndGradient(p, rows, y, w, null, true);
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }
}
