/**
 * The Java side of {@code ./flatline}: picocli subcommands registered in
 * {@link dev.flatline.cli.FlatlineCli} ({@code kernel install}, {@code bench mlp}, ...). The shell script
 * handles Java, Maven and Jupyter and passes every other command here.
 *
 * <p>Bad input (a missing file, a bad cell, an unknown option) is one line on standard error saying
 * what was wrong and what to do, with exit status 2: never a stack trace, never half-written output,
 * never a change to the user's files. The library never imports this package.
 */
package dev.flatline.cli;
