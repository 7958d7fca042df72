package studio.rondo.engine.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws class indices from a categorical head's probabilities with {@link Sampling}'s settings.
 * Uses its own seeded generator (never ND4J's global one), so results do not depend on what else
 * ran in the process. One instance per generated sequence; not thread-safe.
 */
public final class Sampler {
    private final Sampling sampling;
    private final SplittableRandom random;
    private double[] logits = new double[0];
    private Integer[] order = new Integer[0];

    public Sampler(Sampling sampling, long seed) {
        this.sampling = sampling;
        this.random = new SplittableRandom(seed);
    }

    /**
     * @param probabilities the head's output (softmax probabilities)
     * @param masked        classes never to draw (e.g. {@code <unk>}), or null
     * @return the drawn class index
     */
    public int sample(float[] probabilities, boolean[] masked) {
        int n = probabilities.length;
        if (sampling.temperature() == 0) return argmax(probabilities, masked);
        if (logits.length < n) {
            logits = new double[n];
            order = new Integer[n];
        }
        // log p / T, renormalised with the max subtracted (softmax at temperature T).
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            float p = probabilities[i];
            boolean allowed = (masked == null || !masked[i]) && p > 0 && Float.isFinite(p);
            logits[i] = allowed ? Math.log(p) / sampling.temperature() : Double.NEGATIVE_INFINITY;
            if (logits[i] > max) max = logits[i];
        }
        if (max == Double.NEGATIVE_INFINITY) return argmax(probabilities, masked); // nothing drawable
        double sum = 0;
        for (int i = 0; i < n; i++) {
            logits[i] = logits[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(logits[i] - max);
            sum += logits[i];
        }
        if (sampling.topK() == 0 && sampling.topP() >= 1) return draw(n, sum); // no cut: no sort needed
        for (int i = 0; i < n; i++) order[i] = i;
        // Most likely first; ties by index so the order (and the draw) is reproducible.
        Arrays.sort(order, 0, n, (a, b) -> logits[a] != logits[b] ? Double.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int keep = n;
        while (keep > 1 && logits[order[keep - 1]] == 0) keep--;
        if (sampling.topK() > 0) keep = Math.min(keep, sampling.topK());
        if (sampling.topP() < 1) {
            double cum = 0;
            for (int j = 0; j < keep; j++) {
                cum += logits[order[j]] / sum;
                if (cum >= sampling.topP()) {
                    keep = j + 1;
                    break;
                }
            }
        }
        double kept = 0;
        for (int j = 0; j < keep; j++) kept += logits[order[j]];
        double u = random.nextDouble() * kept;
        for (int j = 0; j < keep; j++) {
            u -= logits[order[j]];
            if (u < 0) return order[j];
        }
        return order[keep - 1]; // rounding left a sliver
    }

    private int draw(int n, double sum) {
        double u = random.nextDouble() * sum;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (logits[i] == 0) continue;
            u -= logits[i];
            last = i;
            if (u < 0) return i;
        }
        return last;
    }

    /**
     * A draw from a Laplace distribution around 0 with scale {@code b} times the temperature (0 at
     * temperature 0): the distribution an L1-trained head's error follows, so a time-delta head that
     * predicts the median gap gets the spread around it that the corpus shows.
     */
    public double laplace(double b) {
        double scale = b * sampling.temperature();
        if (!(scale > 0)) return 0;
        double u = random.nextDouble() - 0.5;
        return -scale * Math.signum(u) * Math.log(1 - 2 * Math.abs(u));
    }

    static int argmax(float[] p, boolean[] masked) {
        int best = -1;
        for (int i = 0; i < p.length; i++) {
            if (masked != null && masked[i]) continue;
            if (best < 0 || p[i] > p[best]) best = i;
        }
        return best < 0 ? 0 : best;
    }
}
