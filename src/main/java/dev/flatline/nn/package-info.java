/**
 * The network: a multilayer perceptron as a Tribuo trainer ({@link dev.flatline.nn.MlpTrainer}) and
 * model ({@link dev.flatline.nn.MlpModel}) with every knob of the recipes (losses: weighted
 * cross-entropy, focal, logit-adjusted; optimisers; initialisation; L2, dropout; early stopping) and a
 * {@link dev.flatline.nn.TrainingHistory} of the dynamics the checks read (initial loss, per-epoch
 * losses, predicted-class histograms, gradient norms, dead units).
 *
 * <h2>Where things live</h2>
 * <ul>
 *   <li>Settings: one immutable {@link dev.flatline.nn.MlpSettings}, checked when made; the builder
 *       ({@link dev.flatline.nn.MlpTrainer.Builder}) and olcut configuration ({@code MlpConfig}, the
 *       trainer's superclass, whose fields Tribuo's provenance records) both produce it.</li>
 *   <li>Data preparation: {@code TrainingData} (dense rows, the stratified validation split, class
 *       weights, log priors, the starting parameters and the run's random sources).</li>
 *   <li>Formulas, each written once: the output activation and every loss with its gradient in
 *       {@code OutputLoss}; each hidden activation and its derivative in {@link dev.flatline.nn.HiddenActivation}
 *       (as a Java loop and as ND4J ops, side by side, tested equal); each optimiser's update in
 *       {@code OptimiserState} (Adam's constants in {@link dev.flatline.nn.Optimiser}); L2 and dropout
 *       masks in {@code TrainingStep}.</li>
 *   <li>The epoch loop, evaluation and stopping: {@code TrainingRun}; one minibatch step: {@code TrainingStep}.</li>
 *   <li>Execution: an {@link dev.flatline.nn.Engine} runs the matrix products and hidden activations
 *       (forward to the logits, backward from their gradient). {@code BlasEngine} is the CPU fast path
 *       (OpenBLAS through JavaCPP, Java loops; it never starts ND4J), {@code Nd4jOpEngine} the reference
 *       on ND4J's op API (any ND4J backend, CUDA included). {@code Engines} picks one for a
 *       {@link dev.flatline.nn.ComputePath}. The optional CUDA 13 engine ({@code src/cuda/java}, built with
 *       {@code -Pcuda13}, found by name) also implements {@code ResidentEngine}, with which the trainer hands
 *       it whole epochs: loss and optimiser then run on the GPU, as kernels generated from or written to
 *       the formulas of {@code KernelFormulas}, {@code OutputLoss} and {@code OptimiserState}.</li>
 * </ul>
 *
 * <h2>Adding an engine</h2>
 * For example an engine for other hardware, best in a source folder or module of its own so the core keeps
 * no dependency on it (as the CUDA engine in {@code src/cuda/java}):
 * <ol>
 *   <li>Implement {@link dev.flatline.nn.Engine}: keep the parameters, activations and masks where your
 *       hardware wants them; {@code forward} must leave the logits of the requested rows in the host
 *       array, {@code backward} the full parameter gradient. Read the parameter layout from
 *       {@link dev.flatline.nn.Architecture}; apply the hidden activation the way
 *       {@link dev.flatline.nn.HiddenActivation} defines it (its derivative is taken from the
 *       activation's output). Do not compute losses, L2 or updates: the trainer does, on the host, for
 *       every engine.</li>
 *   <li>Use it without touching the trainer: {@code MlpTrainer.builder().engine(MyEngine::new)}.</li>
 *   <li>Add its factory to {@code EngineAgreementTest.engines()} (tests mirror this package): every knob
 *       across its range must give the reference engine's losses, gradient norms and parameters.</li>
 * </ol>
 *
 * <h2>A fresh JVM's first fit</h2>
 * The fast path loads only OpenBLAS (not ND4J's backend, which costs about half a second), and a
 * background warm-up ({@code Warmup}) runs its hot loops on a small synthetic problem while the first
 * run prepares its data, so the JIT has compiled them before the first epoch.
 *
 * <p>Knows the data package's types ({@link dev.flatline.data.StratifiedSplit} for the validation
 * split) but no checks, plots, kernel or CLI; live progress displays plug in through
 * {@link dev.flatline.nn.ProgressDisplay}.
 */
package dev.flatline.nn;
