package studio.rondo.engine.train;

import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A training time budget: says when it is spent, and anneals the learning rate linearly down to a
 * tenth over its last quarter (the last minutes of a short run settle into a minimum instead of
 * bouncing around it). No budget: never spent, never anneals.
 */
final class Budget {
    private static final double ANNEAL_FROM = 0.75;
    private static final double FINAL_FACTOR = 0.1;
    private static final int STEPS = 10; // learning-rate changes over the annealing stretch

    private final long startNanos = System.nanoTime();
    private final double seconds;
    private final double learningRate;
    private int applied; // annealing steps applied so far

    Budget(double minutes, double learningRate) {
        this.seconds = minutes * 60;
        this.learningRate = learningRate;
    }

    boolean spent() {
        return seconds > 0 && fraction() >= 1;
    }

    boolean annealing() {
        return seconds > 0 && fraction() >= ANNEAL_FROM;
    }

    /** Lowers the learning rate when the next annealing step is due (a few calls over the whole stretch). */
    void anneal(ComputationGraph net) {
        if (!annealing()) return;
        double t = Math.min(1, (fraction() - ANNEAL_FROM) / (1 - ANNEAL_FROM));
        int due = (int) Math.floor(t * STEPS);
        if (due <= applied) return;
        applied = due;
        double target = learningRate * (1 - (1 - FINAL_FACTOR) * due / STEPS);
        net.setLearningRate(Math.min(current(net), target)); // never raise a rate a plateau already lowered
    }

    /** Seconds left, or infinity without a budget. */
    double remainingSeconds() {
        return seconds > 0 ? Math.max(0, seconds * (1 - fraction())) : Double.POSITIVE_INFINITY;
    }

    /** The learning rate in force (all layers share it), or null when the updater cannot say. */
    static Double learningRate(ComputationGraph net) {
        return net.getLearningRate(net.getLayers()[0].conf().getLayer().getLayerName());
    }

    private static double current(ComputationGraph net) {
        Double lr = learningRate(net);
        return lr == null ? Double.MAX_VALUE : lr;
    }

    private double fraction() {
        return (System.nanoTime() - startNanos) / 1e9 / seconds;
    }
}
