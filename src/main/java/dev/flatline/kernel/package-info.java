/**
 * The flatline Jupyter kernel for Java: JShell running in the kernel's own JVM on the
 * jjava-jupyter base library, with renderers for tables, charts and evaluations, learner-friendly
 * error messages, the JJava/IJava notebook functions ({@code display}, {@code render},
 * {@code updateDisplay}) and an installer for the kernelspec.
 *
 * <p>Start with {@link dev.flatline.kernel.KernelMain} (what Jupyter launches) and
 * {@link dev.flatline.kernel.KernelInstaller} (what writes the kernelspec).
 * {@link dev.flatline.kernel.FlatlineExtension} gives a JJava kernel the same renderers and live
 * display. A classroom's faults stay inside their cell: classes compiled from cells are rewritten
 * on loading ({@link dev.flatline.kernel.ExitGuard} for {@code System.exit}, stop checks for
 * interrupts), and out-of-memory errors, stack overflows and threads left running fail or stay in
 * their cell.
 */
package dev.flatline.kernel;
