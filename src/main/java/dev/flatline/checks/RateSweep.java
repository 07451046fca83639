package dev.flatline.checks;

import dev.flatline.data.CheckData;
import dev.flatline.evaluation.Metrics;
import dev.flatline.nn.MlpModel;
import dev.flatline.nn.MlpTrainer;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * A short learning-rate sweep (R8, B8): the same network trained briefly on a sample at several rates
 * (the trainer's own among them), each scored on the test part.
 *
 * @param rates            the rates tried, ascending
 * @param balancedAccuracy test balanced accuracy per rate
 * @param initialLoss      training loss before the first step per rate
 * @param finalLoss        last epoch's training loss per rate (NaN or infinite when it diverged)
 * @param classesPredicted classes predicted on the test part per rate
 * @param deadUnits        largest dead-ReLU share of any hidden layer at the end, per rate
 * @param current          the trainer's own rate
 * @param rows             training rows of each fit
 */
public record RateSweep(double[] rates, double[] balancedAccuracy, double[] initialLoss, double[] finalLoss,
                        int[] classesPredicted, double[] deadUnits, double current, int rows) {

    /** Usual rates for Adam and AdamW, one per decade. */
    static final double[] ADAPTIVE_RATES = {1e-4, 1e-3, 1e-2, 1e-1};
    /** Usual rates for SGD and its momentum variants. */
    static final double[] SGD_RATES = {1e-3, 1e-2, 1e-1, 1};

    /**
     * Runs the sweep for a network trainer on the context's quick sample. Each fit takes as many steps
     * as the trainer would on twice the sample (or on the whole training part, if smaller), so rates are
     * compared after a comparable amount of training.
     */
    static RateSweep run(CheckContext context, MlpTrainer trainer) {
        CheckData data = context.quickData();
        double current = trainer.settings().optimiser().learningRate();
        TreeSet<Double> grid = new TreeSet<>();
        for (double r : trainer.settings().optimiser().kind().name().startsWith("ADAM") ? ADAPTIVE_RATES : SGD_RATES) {
            grid.add(r);
        }
        grid.add(current);
        double[] rates = grid.stream().mapToDouble(Double::doubleValue).toArray();
        int n = rates.length;
        double[] bal = new double[n];
        double[] init = new double[n];
        double[] fin = new double[n];
        int[] predicted = new int[n];
        double[] dead = new double[n];
        int rows = data.train().size();
        int stepsOfRows = Math.min(context.data().train().size(), 2 * rows);
        for (int i = 0; i < n; i++) {
            MlpTrainer t = CheckContext.forRows(trainer.toBuilder().learningRate(rates[i]).build(), rows, stepsOfRows,
                    trainer.settings().epochs(), trainer.settings().batchSize());
            MlpModel m = (MlpModel) context.fit(t, data.train());
            Metrics metrics = context.evaluate(m, data.test());
            bal[i] = metrics.balancedAccuracy();
            init[i] = m.history().initialLoss();
            fin[i] = m.history().epochs().isEmpty() ? Double.NaN : m.history().last().trainLoss();
            if (m.history().diverged()) {
                fin[i] = Double.NaN;
            }
            predicted[i] = (int) metrics.predictedCounts().values().stream().filter(c -> c > 0).count();
            dead[i] = m.history().epochs().isEmpty() ? 0
                    : Arrays.stream(m.history().last().deadUnitFractions()).max().orElse(0);
        }
        return new RateSweep(rates, bal, init, fin, predicted, dead, current, rows);
    }

    /** Index of the trainer's own rate. */
    public int currentIndex() {
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] == current) {
                return i;
            }
        }
        throw new IllegalStateException("the sweep lacks the current rate " + current);
    }

    /** Index of the rate with the best balanced accuracy (the smaller rate on a tie). */
    public int bestIndex() {
        int best = 0;
        for (int i = 1; i < rates.length; i++) {
            if (balancedAccuracy[i] > balancedAccuracy[best] + 1e-9) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Decades (log10 of the ratio) between the trainer's own rate and the nearest rate that works, that is
     * scores within {@code margin} balanced accuracy of the best rate and does not break the model.
     */
    public double decadesFromWorking(double margin) {
        double best = balancedAccuracy[bestIndex()];
        double nearest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rates.length; i++) {
            if (balancedAccuracy[i] >= best - margin && !broken(i)) {
                nearest = Math.min(nearest, Math.abs(Math.log10(rates[i] / current)));
            }
        }
        return nearest;
    }

    /** The best rate found. */
    public double bestRate() {
        return rates[bestIndex()];
    }

    /** Whether the run at rate {@code i} diverged, collapsed onto one class, or killed most units. */
    public boolean broken(int i) {
        return !Double.isFinite(finalLoss[i]) || classesPredicted[i] <= 1 || deadUnits[i] >= 0.9;
    }

    /** Whether the loss at rate {@code i} barely moved (under 10% below its initial value). */
    public boolean stalled(int i) {
        return Double.isFinite(finalLoss[i]) && finalLoss[i] > 0.9 * initialLoss[i];
    }

}
