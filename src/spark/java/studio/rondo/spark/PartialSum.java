package studio.rondo.spark;

import java.io.Serializable;
import java.util.TreeMap;

/** Sums of the workers' weights and optimizer state after their minibatches, and what they scored, as treeAggregate adds them up. */
final class PartialSum implements Serializable {
    private static final long serialVersionUID = 1L;

    float[] params, updater;
    int workers, steps;
    double fitSeconds; // the slowest worker's
    double corpusSeconds; // the slowest worker's reading and encoding of the corpus (its first round only)
    final TreeMap<Integer, double[]> scores = new TreeMap<>();

    static PartialSum of(float[] params, float[] updater, int firstMinibatch, double[] scores, double fitSeconds, double corpusSeconds) {
        PartialSum p = new PartialSum();
        p.params = params;
        p.updater = updater;
        p.workers = 1;
        p.steps = scores.length;
        p.fitSeconds = fitSeconds;
        p.corpusSeconds = corpusSeconds;
        p.scores.put(firstMinibatch, scores);
        return p;
    }

    PartialSum plus(PartialSum o) {
        if (o.workers == 0) return this;
        if (workers == 0) return o;
        add(params, o.params);
        add(updater, o.updater);
        workers += o.workers;
        steps = Math.max(steps, o.steps);
        fitSeconds = Math.max(fitSeconds, o.fitSeconds);
        corpusSeconds = Math.max(corpusSeconds, o.corpusSeconds);
        scores.putAll(o.scores);
        return this;
    }

    private static void add(float[] into, float[] x) {
        for (int i = 0; i < into.length; i++) into[i] += x[i];
    }
}
