package studio.rondo.engine.lstm;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's inverted {@link Dropout} (keep each input with probability p, scale kept ones by 1/p) applied by the
 * fused LSTM to its own time-major copy of the input, on its threads. Row r's mask comes from a seed drawn for
 * that row from ND4J's random generator, so the masks follow the network's seed and do not depend on how many
 * threads share the rows.
 */
final class InputDropout {
    private float[] scale = new float[0]; // 0 or 1/p per input element, kept for backward
    private long[] rowSeeds = new long[0];
    private int length;

    private InputDropout() {
    }

    /** The keep probability of a plain fixed-rate Dropout, or 1 for none or any other kind (left to DL4J). */
    static float keepProbability(IDropout d) {
        if (d == null || d.getClass() != Dropout.class) return 1f;
        Dropout plain = (Dropout) d;
        if (plain.getPSchedule() != null || !(plain.getP() > 0) || plain.getP() >= 1) return 1f;
        return (float) plain.getP();
    }

    /**
     * Drops entries of {@code x} (rows of {@code width}) in place and returns the mask for {@link #backprop};
     * {@code reuse} (may be null) lends its buffers.
     */
    static InputDropout apply(float[] x, int rows, int width, float keep, InputDropout reuse, KernelPool pool) {
        InputDropout d = reuse != null ? reuse : new InputDropout();
        int n = rows * width;
        if (d.scale.length < n) d.scale = new float[n];
        if (d.rowSeeds.length < rows) d.rowSeeds = new long[rows];
        d.length = n;
        SplittableRandom seeds = new SplittableRandom(Nd4j.getRandom().nextLong());
        for (int r = 0; r < rows; r++) d.rowSeeds[r] = seeds.nextLong();
        float kept = 1f / keep;
        float[] scale = d.scale;
        long[] rowSeeds = d.rowSeeds;
        int parts = Math.max(1, Math.min(pool.threads(), rows / 64));
        pool.run(parts, part -> {
            for (int r = rows * part / parts; r < rows * (part + 1) / parts; r++) {
                SplittableRandom rnd = new SplittableRandom(rowSeeds[r]);
                for (int i = r * width, end = i + width; i < end; i++) {
                    float s = rnd.nextFloat() < keep ? kept : 0f;
                    scale[i] = s;
                    x[i] *= s;
                }
            }
        });
        return d;
    }

    /** The factors of the last pass (0 or 1/p), time-major like the input; the array may be longer. */
    float[] scale() {
        return java.util.Arrays.copyOf(scale, length);
    }

    /** dL/dx of the dropped input to dL/dx of the original input, in place (same time-major layout). */
    void backprop(float[] dx, KernelPool pool) {
        float[] scale = this.scale;
        int n = length, parts = Math.max(1, Math.min(pool.threads(), n / 65536));
        pool.run(parts, part -> {
            for (int i = (int) ((long) n * part / parts), end = (int) ((long) n * (part + 1) / parts); i < end; i++) dx[i] *= scale[i];
        });
    }
}
