package studio.rondo.engine.generate;

/**
 * How categorical heads are sampled. Applied in this order: temperature, top-k, top-p, then one
 * draw from the renormalised distribution.
 *
 * @param temperature 0 = argmax (deterministic); 1 = the model's distribution; above 1 flatter.
 *                    Real-valued heads are not sampled: the network's value is used (clamped).
 * @param topK        keep only the k most likely classes (0 = all)
 * @param topP        keep the smallest set of most likely classes whose probability reaches p
 *                    (nucleus sampling; 1 = all)
 * @param seed        seed of the draws: the same model, primer, settings and seed give the same notes
 */
public record Sampling(double temperature, int topK, double topP, long seed) {

    public Sampling {
        if (!(temperature >= 0 && temperature <= 10)) throw new IllegalArgumentException("temperature must be in [0, 10]: " + temperature);
        if (topK < 0) throw new IllegalArgumentException("top-k must be 0 (off) or more: " + topK);
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1]: " + topP);
    }

    /** Temperature 1, no top-k or top-p cut. */
    public static Sampling of(long seed) {
        return new Sampling(1.0, 0, 1.0, seed);
    }

    /** Temperature 0: always the most likely class. */
    public static Sampling argmax() {
        return new Sampling(0, 0, 1.0, 0);
    }

    public Sampling withTemperature(double t) {
        return new Sampling(t, topK, topP, seed);
    }

    public Sampling withTopK(int k) {
        return new Sampling(temperature, k, topP, seed);
    }

    public Sampling withTopP(double p) {
        return new Sampling(temperature, topK, p, seed);
    }

    public Sampling withSeed(long s) {
        return new Sampling(temperature, topK, topP, s);
    }

    /**
     * The seed of variation {@code index} (0-based): variation 0 uses {@link #seed} itself, so one
     * generation and the first of several agree; the others get well-mixed derived seeds, kept
     * non-negative so they print and retype easily ({@code --seed N} reproduces that variation).
     */
    public long variationSeed(int index) {
        if (index == 0) return seed;
        long z = seed + index * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) >>> 1;
    }
}
