package dev.flatline.nn;

import java.util.SplittableRandom;

/** Draws the starting parameter vector (R14, B2). */
final class Initialiser {
    private Initialiser() {
    }

    /**
     * @param outputBias starting output-layer bias (for example log class priors), or null for zeros
     */
    static float[] initialise(Architecture arch, WeightInit init, float constant, SplittableRandom rng,
                              float[] outputBias) {
        float[] p = new float[arch.parameterCount()];
        for (int l = 0; l < arch.layers(); l++) {
            int fanIn = arch.fanIn(l);
            int fanOut = arch.fanOut(l);
            boolean last = l == arch.layers() - 1;
            WeightInit rule = init;
            if (rule == WeightInit.AUTO) {
                boolean reluLike = arch.hidden == HiddenActivation.RELU || arch.hidden == HiddenActivation.LEAKY_RELU;
                rule = reluLike && !last ? WeightInit.HE : WeightInit.XAVIER;
            }
            int off = arch.weightOffset(l);
            double xavier = Math.sqrt(6.0 / (fanIn + fanOut));
            double he = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < fanIn * fanOut; i++) {
                float v;
                switch (rule) {
                    case XAVIER: v = (float) ((rng.nextDouble() * 2 - 1) * xavier); break;
                    case HE: v = (float) (gaussian(rng) * he); break;
                    case CONSTANT: v = constant; break;
                    default: v = 0f; break;
                }
                p[off + i] = v;
            }
            if (last && outputBias != null) {
                System.arraycopy(outputBias, 0, p, arch.biasOffset(l), fanOut);
            }
        }
        return p;
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Fills an inverted-dropout mask: 0 for dropped units, {@code 1/(1-p)} for kept ones. */
    static void fillDropoutMask(SplittableRandom rng, float[] mask, int count, double p) {
        float keep = (float) (1.0 / (1.0 - p));
        for (int i = 0; i < count; i++) {
            mask[i] = rng.nextDouble() < p ? 0f : keep;
        }
    }
}
