package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelsTest {
    static List<Kernels> kernels() {
        List<Kernels> ks = new ArrayList<>(List.of(Kernels.scalar()));
        Kernels.vector().ifPresent(ks::add);
        return ks;
    }

    @Test
    void vectorApiIsUsedInTests() {
        // surefire runs with --add-modules jdk.incubator.vector; without it the fast path would silently vanish
        assertTrue(Kernels.vectorApiPresent());
        assertTrue(Kernels.best().name().startsWith("vector"), Kernels.best().name());
        assertTrue(FusedLstm.acceleratedHere());
    }

    @Test
    void gemmMatchesNaiveProductIncludingTailsAndPanels() {
        Random rnd = new Random(1);
        int[][] shapes = {{7, 133, 300}, {4, 64, 3}, {9, 5, 513}, {1, 17, 1}, {64, 512, 128}, {18, 133, 300}, {130, 70, 600}};
        for (Kernels k : kernels()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], kk = s[2], lda = kk + 3, ldb = n + 2, ldc = n + 1;
                float[] a = random(rnd, 5 + m * lda), b = random(rnd, 7 + kk * ldb), c = random(rnd, 2 + m * ldc);
                float[] expected = c.clone();
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double sum = expected[2 + i * ldc + j];
                        for (int p = 0; p < kk; p++) sum += (double) a[5 + i * lda + p] * b[7 + p * ldb + j];
                        expected[2 + i * ldc + j] = (float) sum;
                    }
                k.gemm(m, n, kk, a, 5, lda, b, 7, ldb, c, 2, ldc, true);
                for (int i = 0; i < c.length; i++)
                    assertEquals(expected[i], c[i], 1e-4 * Math.sqrt(kk), k.name() + " " + java.util.Arrays.toString(s) + " at " + i);
                float[] c2 = random(rnd, c.length);
                k.gemm(m, n, kk, a, 5, lda, b, 7, ldb, c2, 2, ldc, false);
                assertEquals(expected[2 + (m - 1) * ldc + n - 1] - c[2 + (m - 1) * ldc + n - 1] + c2[2 + (m - 1) * ldc + n - 1],
                        c2[2 + (m - 1) * ldc + n - 1], 1e-4 * Math.sqrt(kk));
            }
        }
    }

    @Test
    void packedGemmEqualsThePlainOneBitForBit() {
        Random rnd = new Random(2);
        int[][] shapes = {{32, 512, 128}, {7, 133, 300}, {5, 64, 3}, {1, 17, 1}, {9, 130, 512}};
        for (Kernels k : kernels()) {
            PackedMatrix packed = null;
            for (int[] s : shapes) {
                int m = s[0], n = s[1], kk = s[2], lda = kk + 1, ldb = n + 3, ldc = n + 2;
                float[] a = random(rnd, m * lda), b = random(rnd, 4 + kk * ldb), c = random(rnd, m * ldc);
                float[] plain = c.clone();
                k.gemm(m, n, kk, a, 0, lda, b, 4, ldb, plain, 0, ldc, true);
                packed = k.pack(kk, n, b, 4, ldb, packed); // reused across shapes, as the core reuses it
                k.gemm(m, a, 0, lda, packed, c, 0, ldc, true);
                org.junit.jupiter.api.Assertions.assertArrayEquals(plain, c, k.name() + " " + java.util.Arrays.toString(s));
                float[] fresh = random(rnd, c.length);
                k.gemm(m, a, 0, lda, packed, fresh, 0, ldc, false);
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int p = 0; p < kk; p++) sum += (double) a[i * lda + p] * b[4 + p * ldb + j];
                        assertEquals(sum, fresh[i * ldc + j], 1e-4 * Math.sqrt(kk), k.name() + " overwrite at " + i + "," + j);
                    }
            }
        }
    }

    @Test
    void transposedAGemmMatchesTheProductOfTheTranspose() {
        Random rnd = new Random(6);
        int[][] shapes = {{128, 256, 300}, {2, 64, 77}, {7, 133, 5}, {130, 70, 600}};
        for (Kernels k : kernels()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], kk = s[2], lda = m + 3, ldb = n + 1, ldc = n + 2;
                float[] a = random(rnd, 2 + kk * lda), b = random(rnd, kk * ldb), c = random(rnd, m * ldc);
                float[] expected = c.clone();
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double sum = 0;
                        for (int p = 0; p < kk; p++) sum += (double) a[2 + p * lda + i] * b[p * ldb + j];
                        expected[i * ldc + j] += (float) sum;
                    }
                k.gemmTransA(m, n, kk, a, 2, lda, b, 0, ldb, c, 0, ldc, true);
                for (int i = 0; i < c.length; i++)
                    assertEquals(expected[i], c[i], 1e-4 * Math.sqrt(kk), k.name() + " " + java.util.Arrays.toString(s) + " at " + i);
            }
        }
    }

    @Test
    void axpy2AddsToBothTargets() {
        for (Kernels k : kernels()) {
            float[] x = random(new Random(8), 37), y1 = new float[40], y2 = new float[40];
            k.axpy2(37, 0.5f, x, 0, y1, 3, y2, 1);
            for (int j = 0; j < 37; j++) {
                assertEquals(x[j], y1[3 + j], 0f);
                assertEquals(0.5f * x[j], y2[1 + j], 1e-7f);
            }
        }
    }

    @Test
    void vecMatMatchesNaiveAndSkipsZeros() {
        Random rnd = new Random(4);
        for (Kernels k : kernels()) {
            for (int n : new int[] {512, 133, 7}) {
                int kk = 130;
                float[] x = random(rnd, kk), w = random(rnd, kk * n), z = random(rnd, n);
                for (int i = 0; i < kk; i += 3) x[i] = 0f;
                float[] expected = z.clone();
                for (int j = 0; j < n; j++) {
                    double s = expected[j];
                    for (int p = 0; p < kk; p++) s += (double) x[p] * w[p * n + j];
                    expected[j] = (float) s;
                }
                k.vecMat(kk, n, x, 0, w, 0, z, 0);
                for (int j = 0; j < n; j++) assertEquals(expected[j], z[j], 1e-3, k.name() + " n=" + n);
            }
        }
    }

    @Test
    void fastTanhAndSigmoidAreAccurate() {
        double worstTanh = 0, worstSig = 0;
        for (int i = -200_000; i <= 200_000; i++) {
            float x = i * 1e-4f;
            worstTanh = Math.max(worstTanh, Math.abs(FastTanh.tanh(x) - Math.tanh(x)));
            worstSig = Math.max(worstSig, Math.abs(FastTanh.sigmoid(x) - 1 / (1 + Math.exp(-x))));
        }
        assertTrue(worstTanh < 1e-6, "tanh error " + worstTanh);
        assertTrue(worstSig < 1e-6, "sigmoid error " + worstSig);
        assertEquals(1f, FastTanh.tanh(50f), 1e-6);
        assertEquals(-1f, FastTanh.tanh(-50f), 1e-6);
    }

    @Test
    void lstmCellIsTheSameInBothKernels() {
        Random rnd = new Random(2);
        int h = 37; // not a multiple of the vector length: tail path too
        float[] z0 = random(rnd, 4 * h), cPrev = random(rnd, h);
        float[][] results = new float[2][];
        List<Kernels> ks = kernels();
        for (int v = 0; v < ks.size(); v++) {
            float[] z = z0.clone(), c = new float[h], tc = new float[h], out = new float[h];
            ks.get(v).lstmCell(h, z, 0, cPrev, 0, c, 0, tc, 0, out, 0);
            for (int j = 0; j < h; j++) {
                double a = Math.tanh(z0[j]), f = sig(z0[h + j]), o = sig(z0[2 * h + j]), i = sig(z0[3 * h + j]);
                double cc = f * cPrev[j] + i * a;
                assertEquals(cc, c[j], 1e-6);
                assertEquals(o * Math.tanh(cc), out[j], 1e-6);
            }
            results[v] = out;
        }
    }

    @Test
    void lstmCellBackwardIsTheSameInBothKernels() {
        Random rnd = new Random(6);
        int h = 37;
        float[] z = new float[4 * h], tc = new float[h], c = new float[h], out = new float[h];
        float[] zRaw = random(rnd, 4 * h), cPrev = random(rnd, h), dOut = random(rnd, h), dhNext = random(rnd, h), dc0 = random(rnd, h);
        System.arraycopy(zRaw, 0, z, 0, z.length);
        Kernels.scalar().lstmCell(h, z, 0, cPrev, 0, c, 0, tc, 0, out, 0);
        float[][] dz = new float[2][], dc = new float[2][];
        List<Kernels> ks = kernels();
        for (int v = 0; v < ks.size(); v++) {
            dz[v] = new float[4 * h];
            dc[v] = dc0.clone();
            ks.get(v).lstmCellBackward(h, 1f, z, 0, tc, 0, cPrev, 0, dOut, 0, dhNext, dc[v], 0, dz[v], 0);
        }
        // gate gradient of the output gate against its definition, then both kernels against each other
        for (int j = 0; j < h; j++) {
            float o = z[2 * h + j];
            assertEquals((dOut[j] + dhNext[j]) * tc[j] * o * (1 - o), dz[0][2 * h + j], 1e-5);
        }
        if (ks.size() == 2) {
            for (int j = 0; j < 4 * h; j++) assertEquals(dz[0][j], dz[1][j], 1e-5, "dz " + j);
            for (int j = 0; j < h; j++) assertEquals(dc[0][j], dc[1][j], 1e-5, "dc " + j);
        }
    }

    private static double sig(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    static float[] random(Random rnd, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) rnd.nextGaussian();
        return a;
    }
}
