/**
 * The flatline Jupyter kernel for Java: JShell running in the kernel's own JVM on the
 * jjava-jupyter base library, with renderers for tables, charts and evaluations, learner-friendly
 * error messages, the JJava/IJava notebook functions ({@code display}, {@code render},
 * {@code updateDisplay}) and an installer for the kernelspec.
 *
 * <p>Start with {@link dev.flatline.kernel.KernelMain} (what Jupyter launches) and
 * {@link dev.flatline.kernel.KernelInstaller} (what writes the kernelspec).
 */
package dev.flatline.kernel;
