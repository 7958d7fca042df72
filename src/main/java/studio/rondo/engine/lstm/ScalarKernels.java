package studio.rondo.engine.lstm;

import java.util.Arrays;

/** Plain Java kernels: the inner loops are in saxpy form, which C2 auto-vectorises (dot-product form it does not). */
final class ScalarKernels implements Kernels {
    static final ScalarKernels INSTANCE = new ScalarKernels();

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            int ci = cOff + i * ldc;
            if (!accumulate) Arrays.fill(c, ci, ci + n, 0f);
            int ai = aOff + i * lda;
            for (int p = 0; p < k; p++) {
                float aip = a[ai + p];
                if (aip == 0f) continue; // one-hot and masked rows are mostly zeros
                int bp = bOff + p * ldb;
                for (int j = 0; j < n; j++) c[ci + j] += aip * b[bp + j];
            }
        }
    }

    @Override
    public void gemmTransA(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        // p outer: rows of A and B are read in order; C (m x n) is small in the LSTM's weight gradients
        for (int p = 0; p < k; p++) {
            int ap = aOff + p * lda, bp = bOff + p * ldb;
            for (int i = 0; i < m; i++) {
                float v = a[ap + i];
                if (v == 0f) continue;
                int ci = cOff + i * ldc;
                for (int j = 0; j < n; j++) c[ci + j] += v * b[bp + j];
            }
        }
    }

    @Override
    public void vecMat(int k, int n, float[] x, int xOff, float[] w, int wOff, float[] z, int zOff) {
        for (int p = 0; p < k; p++) {
            float v = x[xOff + p];
            if (v != 0f) axpy(n, v, w, wOff + p * n, z, zOff);
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        for (int j = 0; j < n; j++) y[yOff + j] += alpha * x[xOff + j];
    }

    @Override
    public void lstmCell(int h, float[] z, int zOff, float[] cPrev, int cPrevOff,
                         float[] cOut, int cOutOff, float[] tanhC, int tanhCOff, float[] hOut, int hOutOff) {
        for (int j = 0; j < h; j++) {
            float a = FastTanh.tanh(z[zOff + j]);
            float f = FastTanh.sigmoid(z[zOff + h + j]);
            float o = FastTanh.sigmoid(z[zOff + 2 * h + j]);
            float i = FastTanh.sigmoid(z[zOff + 3 * h + j]);
            z[zOff + j] = a;
            z[zOff + h + j] = f;
            z[zOff + 2 * h + j] = o;
            z[zOff + 3 * h + j] = i;
            float c = f * cPrev[cPrevOff + j] + i * a;
            float tc = FastTanh.tanh(c);
            cOut[cOutOff + j] = c;
            if (tanhC != null) tanhC[tanhCOff + j] = tc;
            hOut[hOutOff + j] = o * tc;
        }
    }

    @Override
    public void lstmCellBackward(int h, float m, float[] z, int zOff, float[] tanhC, int tcOff, float[] cPrev, int cpOff,
                                 float[] dOut, int dOutOff, float[] dhNext, float[] dcNext, int nextOff, float[] dz, int dzOff) {
        backwardRange(h, 0, m, z, zOff, tanhC, tcOff, cPrev, cpOff, dOut, dOutOff, dhNext, dcNext, nextOff, dz, dzOff);
    }

    /** {@link #lstmCellBackward} for units from..h-1 (the vector kernel's tail). */
    static void backwardRange(int h, int from, float m, float[] z, int zOff, float[] tanhC, int tcOff, float[] cPrev, int cpOff,
                              float[] dOut, int dOutOff, float[] dhNext, float[] dcNext, int nextOff, float[] dz, int dzOff) {
        for (int j = from; j < h; j++) {
            float a = z[zOff + j], f = z[zOff + h + j], o = z[zOff + 2 * h + j], ig = z[zOff + 3 * h + j];
            float tc = tanhC[tcOff + j];
            float dh = m * (dOut[dOutOff + j] + dhNext[nextOff + j]);
            float dc = m * dcNext[nextOff + j] + dh * o * (1f - tc * tc);
            dz[dzOff + j] = dc * ig * (1f - a * a);
            dz[dzOff + h + j] = dc * cPrev[cpOff + j] * f * (1f - f);
            dz[dzOff + 2 * h + j] = dh * tc * o * (1f - o);
            dz[dzOff + 3 * h + j] = dc * a * ig * (1f - ig);
            dcNext[nextOff + j] = dc * f;
        }
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public double measurePeakGflops(long millis) {
        // short calls of a counted loop, so that C2 compiles it whole; the best call's rate counts
        long end = System.nanoTime() + millis * 1_000_000;
        double best = 0;
        float sink = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            sink += multiplyAddChains(1_000_000);
            best = Math.max(best, 1_000_000 * 8.0 * 2 / ((System.nanoTime() - t0) / 1e9) / 1e9);
        }
        return sink == 0 ? 0 : best; // the sink keeps the loop alive
    }

    /** 8 independent multiply-add chains: what C2 makes of scalar float code at best. */
    private static float multiplyAddChains(int iterations) {
        float a0 = 1, a1 = 2, a2 = 3, a3 = 4, a4 = 5, a5 = 6, a6 = 7, a7 = 8, m = 0.9999f, c = 1e-4f;
        for (int i = 0; i < iterations; i++) {
            a0 = a0 * m + c; a1 = a1 * m + c; a2 = a2 * m + c; a3 = a3 * m + c;
            a4 = a4 * m + c; a5 = a5 * m + c; a6 = a6 * m + c; a7 = a7 * m + c;
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    }
}
