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

    private final OptimiserKind kind;
    private final double learningRate;
    private final double momentum;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double weightDecay;

    private Optimiser(OptimiserKind kind, double learningRate, double momentum, double beta1, double beta2,
                      double epsilon, double weightDecay) {
        this.kind = kind;
        this.learningRate = requirePositive("learning rate", learningRate);
        this.momentum = requireUnit("momentum", momentum);
        this.beta1 = requireUnit("beta1", beta1);
        this.beta2 = requireUnit("beta2", beta2);
        this.epsilon = requirePositive("epsilon", epsilon);
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weight decay must be a finite number >= 0, got " + weightDecay);
        }
        this.weightDecay = weightDecay;
    }

    /** Plain SGD. */
    public static Optimiser sgd(double learningRate) {
        return new Optimiser(OptimiserKind.SGD, learningRate, 0, 0.9, 0.999, 1e-8, 0);
    }

    /** SGD with heavy-ball momentum (0.9 is the usual value). */
    public static Optimiser momentum(double learningRate, double momentum) {
        return new Optimiser(OptimiserKind.MOMENTUM, learningRate, momentum, 0.9, 0.999, 1e-8, 0);
    }

    /** SGD with Nesterov momentum. */
    public static Optimiser nesterov(double learningRate, double momentum) {
        return new Optimiser(OptimiserKind.NESTEROV, learningRate, momentum, 0.9, 0.999, 1e-8, 0);
    }

    /** Adam with betas 0.9/0.999 and epsilon 1e-8 (the default optimiser, at 1e-3). */
    public static Optimiser adam(double learningRate) {
        return new Optimiser(OptimiserKind.ADAM, learningRate, 0, 0.9, 0.999, 1e-8, 0);
    }

    /** AdamW: Adam with decoupled weight decay (PyTorch's default decay is 0.01). */
    public static Optimiser adamW(double learningRate, double weightDecay) {
        return new Optimiser(OptimiserKind.ADAMW, learningRate, 0, 0.9, 0.999, 1e-8, weightDecay);
    }

    /** The same rule with another learning rate. */
    public Optimiser withLearningRate(double newRate) {
        return new Optimiser(kind, newRate, momentum, beta1, beta2, epsilon, weightDecay);
    }

    static Optimiser of(OptimiserKind kind, double learningRate, double momentum, double beta1, double beta2,
                        double epsilon, double weightDecay) {
        return new Optimiser(kind, learningRate, momentum, beta1, beta2, epsilon, weightDecay);
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
    public String toString() {
        return kind + "(lr=" + learningRate + (kind == OptimiserKind.MOMENTUM || kind == OptimiserKind.NESTEROV
                ? ", momentum=" + momentum : "") + (kind == OptimiserKind.ADAMW ? ", weightDecay=" + weightDecay : "") + ")";
    }
}
