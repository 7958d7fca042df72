package studio.rondo.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.lstm.Kernels;

/**
 * GFLOP/s of the GEMM shapes of one fused training step (reference model), with our kernels and with
 * ND4J's Nd4j.gemm (OpenBLAS) on preallocated arrays: the measurement behind using our own kernel.
 * Best round of several, as single GEMMs are short and the machine may be shared.
 */
final class GemmComparison {
    /** {m, n, k}: recurrent step forward, dRW over all steps, dense input projection, dh back through RWᵀ. */
    static final int[][] SHAPES = {{64, 512, 128}, {128, 512, 3200}, {3200, 512, 130}, {64, 128, 512}};

    private GemmComparison() {
    }

    static Map<String, Double> run(int rounds) {
        Map<String, Double> out = new LinkedHashMap<>();
        Random rnd = new Random(5);
        for (int[] s : SHAPES) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = new float[m * k], b = new float[k * n], c = new float[m * n];
            for (int i = 0; i < a.length; i++) a[i] = rnd.nextFloat();
            for (int i = 0; i < b.length; i++) b[i] = rnd.nextFloat();
            INDArray na = Nd4j.create(a, new long[] {m, k}, 'c'), nb = Nd4j.create(b, new long[] {k, n}, 'c');
            INDArray nc = Nd4j.create(DataType.FLOAT, new long[] {m, n}, 'c');
            int reps = (int) Math.max(2, 2e8 / (2.0 * m * n * k));
            double flops = 2.0 * m * n * k * reps;
            String key = "gemm_" + m + "x" + n + "x" + k;
            Kernels kernels = Kernels.best();
            out.put(key + "_" + (kernels.name().startsWith("vector") ? "vector" : "scalar") + "_gflops",
                    best(rounds, flops, () -> {
                        for (int r = 0; r < reps; r++) kernels.gemm(m, n, k, a, 0, k, b, 0, n, c, 0, n, false);
                    }));
            out.put(key + "_nd4j_gflops", best(rounds, flops, () -> {
                for (int r = 0; r < reps; r++) Nd4j.gemm(na, nb, nc, false, false, 1.0, 0.0);
            }));
        }
        return out;
    }

    private static double best(int rounds, double flops, Runnable body) {
        body.run(); // warm-up
        long bestNanos = Long.MAX_VALUE;
        for (int i = 0; i < Math.max(3, rounds); i++) {
            long t0 = System.nanoTime();
            body.run();
            bestNanos = Math.min(bestNanos, System.nanoTime() - t0);
        }
        return Math.round(flops / bestNanos * 10) / 10.0; // flops per ns = GFLOP/s
    }

    static String summary(Map<String, Double> g) {
        StringBuilder sb = new StringBuilder("GEMM GFLOP/s (best round) ours vs ND4J:");
        for (int[] s : SHAPES) {
            String key = "gemm_" + s[0] + "x" + s[1] + "x" + s[2];
            Double ours = g.getOrDefault(key + "_vector_gflops", g.get(key + "_scalar_gflops"));
            sb.append(String.format(Locale.ROOT, " %dx%dx%d %.1f vs %.1f;", s[0], s[1], s[2], ours, g.get(key + "_nd4j_gflops")));
        }
        return sb.toString();
    }
}
