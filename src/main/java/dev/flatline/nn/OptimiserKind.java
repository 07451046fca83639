package dev.flatline.nn;

/** The update rule; see {@link Optimiser} for the factories and formulas. */
public enum OptimiserKind {
    /** Plain stochastic gradient descent. */
    SGD,
    /** SGD with (heavy-ball) momentum. */
    MOMENTUM,
    /** SGD with Nesterov momentum. */
    NESTEROV,
    /** Adam (Kingma and Ba 2015). */
    ADAM,
    /** Adam with decoupled weight decay (Loshchilov and Hutter 2019). */
    ADAMW
}
