package dev.flatline.nn;

import java.io.Serializable;

/**
 * An update rule and its settings (R8), built with the static factories, for example
 * {@code Optimiser.adam(1e-3)} or {@code Optimiser.nesterov(0.01, 0.9)}.
 *
 * <p>Formulas (PyTorch's conventions, gradient {@code g}, learning rate {@code lr}):
 * SGD {@code θ -= lr g}; momentum {@code v = μ v + g; θ -= lr v}; Nesterov {@code v = μ v + g;
 * θ -= lr (g + μ v)}; Adam with bias-corrected moments; AdamW additionally {@code θ -= lr λ θ}
 * before the Adam step.
 */
public final class Optimiser implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Adam's (and AdamW's) first-moment decay, PyTorch's and Keras's default. */
    public static final double ADAM_BETA1 = 0.9;
    /** Adam's second-moment decay. */
    public static final double ADAM_BETA2 = 0.999;
    /** Adam's denominator guard. */
    public static final double ADAM_EPSILON = 1e-8;

    private final OptimiserKind kind;
    private final double learningRate;
    private final double momentum;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    private Optimiser(OptimiserKind kind, double learningRate, double momentum, double weightDecay) {
        if (kind == null) {
            throw new IllegalArgumentException("optimiser kind is null; use Optimiser.adam(1e-3) or another factory");
        }
        this.kind = kind;
        this.learningRate = requirePositive("learning rate", learningRate);
        this.momentum = requireUnit("momentum", momentum);
        this.beta1 = ADAM_BETA1;
        this.beta2 = ADAM_BETA2;
        this.epsilon = ADAM_EPSILON;
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** Plain SGD. */
    public static Optimiser sgd(double learningRate) {
        return new Optimiser(OptimiserKind.SGD, learningRate, 0, 0);
    }

    /** SGD with heavy-ball momentum (0.9 is the usual value). */
    public static Optimiser momentum(double learningRate, double momentum) {
        return new Optimiser(OptimiserKind.MOMENTUM, learningRate, momentum, 0);
    }

    /** SGD with Nesterov momentum. */
    public static Optimiser nesterov(double learningRate, double momentum) {
        return new Optimiser(OptimiserKind.NESTEROV, learningRate, momentum, 0);
    }

    /** Adam with {@link #ADAM_BETA1}, {@link #ADAM_BETA2}, {@link #ADAM_EPSILON} (the default optimiser, at 1e-3). */
    public static Optimiser adam(double learningRate) {
        return new Optimiser(OptimiserKind.ADAM, learningRate, 0, 0);
    }

    /** AdamW: Adam with decoupled weight decay (PyTorch's default decay is 0.01). */
    public static Optimiser adamW(double learningRate, double weightDecay) {
        return new Optimiser(OptimiserKind.ADAMW, learningRate, 0, weightDecay);
    }

    /** The same rule with another learning rate. */
    public Optimiser withLearningRate(double newRate) {
        return new Optimiser(kind, newRate, momentum, weightDecay);
    }

    /**
     * The rule of that kind; {@code momentum} counts only for the momentum kinds and {@code weightDecay}
     * only for AdamW (for configuration, which names them separately).
     */
    static Optimiser of(OptimiserKind kind, double learningRate, double momentum, double weightDecay) {
        boolean withMomentum = kind == OptimiserKind.MOMENTUM || kind == OptimiserKind.NESTEROV;
        return new Optimiser(kind, learningRate, withMomentum ? momentum : 0,
                kind == OptimiserKind.ADAMW ? weightDecay : 0);
    }

    /** The update rule. */
    public OptimiserKind kind() { return kind; }
    /** The learning rate. */
    public double learningRate() { return learningRate; }
    /** Momentum for the SGD variants. */
    public double momentum() { return momentum; }
    /** Adam's first-moment decay. */
    public double beta1() { return beta1; }
    /** Adam's second-moment decay. */
    public double beta2() { return beta2; }
    /** Adam's denominator guard. */
    public double epsilon() { return epsilon; }
    /** AdamW's decoupled weight decay. */
    public double weightDecay() { return weightDecay; }

    private static double requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0, got " + v
                    + (what.equals("learning rate") ? " (typical values: 1e-3 for Adam, 0.01-0.1 for SGD)" : ""));
        }
        return v;
    }

    private static double requireUnit(String what, double v) {
        if (!(v >= 0 && v < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + v);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Optimiser other && kind == other.kind && learningRate == other.learningRate
                && momentum == other.momentum && weightDecay == other.weightDecay;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, learningRate, momentum, weightDecay);
    }

    @Override
    public String toString() {
        return kind + "(lr=" + learningRate + (kind == OptimiserKind.MOMENTUM || kind == OptimiserKind.NESTEROV
                ? ", momentum=" + momentum : "") + (kind == OptimiserKind.ADAMW ? ", weightDecay=" + weightDecay : "") + ")";
    }
}
