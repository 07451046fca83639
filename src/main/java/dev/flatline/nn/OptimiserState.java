package dev.flatline.nn;

/**
 * An {@link Optimiser}'s update rule with its state (moments, step count): the one definition of every
 * update, applied to the host copy of the flat parameter vector by {@link TrainingStep} whatever the
 * engine. Formulas follow PyTorch (see {@link Optimiser}); arithmetic is in {@code float}, as the
 * parameters are.
 */
final class OptimiserState {
    private final Optimiser optimiser;
    /** Momentum velocity, or Adam's first moment. */
    private final float[] moment1;
    /** Adam's second moment. */
    private final float[] moment2;
    private long step;

    OptimiserState(Optimiser optimiser, int parameters) {
        this.optimiser = optimiser;
        this.moment1 = new float[parameters];
        this.moment2 = optimiser.kind() == OptimiserKind.ADAM || optimiser.kind() == OptimiserKind.ADAMW
                ? new float[parameters] : new float[0];
    }

    /** One step: {@code theta} is updated in place from the gradient {@code g} at learning rate {@code lr}. */
    void update(float[] theta, float[] g, double learningRate) {
        step++;
        Optimiser o = optimiser;
        int n = theta.length;
        float[] m1 = moment1;
        float[] m2 = moment2;
        float lr = (float) learningRate;
        switch (o.kind()) {
            case SGD:
                for (int i = 0; i < n; i++) {
                    theta[i] -= lr * g[i];
                }
                break;
            case MOMENTUM:
            case NESTEROV: {
                float mu = (float) o.momentum();
                boolean nesterov = o.kind() == OptimiserKind.NESTEROV;
                for (int i = 0; i < n; i++) {
                    float v = mu * m1[i] + g[i];
                    m1[i] = v;
                    theta[i] -= lr * (nesterov ? g[i] + mu * v : v);
                }
                break;
            }
            default: {
                float b1 = (float) o.beta1();
                float b2 = (float) o.beta2();
                float bc1 = (float) (1 - Math.pow(o.beta1(), step));
                float bc2 = (float) (1 - Math.pow(o.beta2(), step));
                float eps = (float) o.epsilon();
                // AdamW: the decoupled decay theta *= 1 - lr lambda, before the Adam step.
                float decay = o.kind() == OptimiserKind.ADAMW ? (float) (1 - learningRate * o.weightDecay()) : 1f;
                for (int i = 0; i < n; i++) {
                    float gi = g[i];
                    float m = b1 * m1[i] + (1 - b1) * gi;
                    float v = b2 * m2[i] + (1 - b2) * gi * gi;
                    m1[i] = m;
                    m2[i] = v;
                    theta[i] = theta[i] * decay - lr * (m / bc1) / ((float) Math.sqrt(v / bc2) + eps);
                }
                break;
            }
        }
    }
}
