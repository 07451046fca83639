package dev.flatline.plots;

/** How a chart's count axis is scaled. */
public enum AxisScale {

    /** Bar heights proportional to counts: what proportions look like. */
    LINEAR,

    /** Logarithmic: small counts stay visible beside huge ones; zero counts cannot be drawn. */
    LOG,

    /**
     * {@link #LOG} when the largest count is more than {@value Charts#LOG_SCALE_RATIO} times the
     * smallest non-zero one (the smallest bar would be under a few pixels high), else {@link #LINEAR}.
     */
    AUTO
}
