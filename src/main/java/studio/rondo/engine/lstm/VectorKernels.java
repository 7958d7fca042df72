package studio.rondo.engine.lstm;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernels. Loaded only through {@link Kernels#best()} when jdk.incubator.vector is present.
 * GEMM: 4 rows x 4 vectors register block (4 x 64 floats with AVX-512) with FMA, K split into panels
 * so the B panel stays in L2 for the long-K weight-gradient products.
 */
final class VectorKernels implements Kernels {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int KC = 256;

    private final int packMinRows;

    VectorKernels() {
        this(16);
    }

    /** packMinRows: pack B panels when A has at least this many rows (Integer.MAX_VALUE = never; for measurements). */
    VectorKernels(int packMinRows) {
        this.packMinRows = packMinRows;
    }

    private static final int MC = 64;
    private static final ThreadLocal<float[][]> PANEL = ThreadLocal.withInitial(() -> new float[1][0]);

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(m, n, k, a, aOff, lda, 1, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    @Override
    public void gemmTransA(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(m, n, k, a, aOff, 1, lda, b, bOff, ldb, c, cOff, ldc, accumulate);
    }

    /** A(i, p) at a[aOff + i·ars + p·acs]: (lda, 1) for A, (1, lda) for Aᵀ stored [k, m]. */
    private void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        }
        int w = 4 * L;
        int packedCols = m >= packMinRows ? n / w * w : 0; // packing pays off when many row blocks reuse it
        float[] panel = packedCols > 0 ? panel(Math.min(KC, k) * packedCols) : null;
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kc = Math.min(KC, k - p0);
            if (packedCols > 0) {
                // Pack the kc x packedCols panel of B as [column block][row][4L]: rows of B are n apart (often a
                // multiple of 4 KB, which maps them onto a few cache sets); packed, each block streams from L1/L2.
                for (int jb = 0; jb < packedCols / w; jb++)
                    for (int p = 0; p < kc; p++)
                        System.arraycopy(b, bOff + (p0 + p) * ldb + jb * w, panel, (jb * kc + p) * w, w);
                // Rows of A in blocks of MC so that the A block stays in L2 while all column blocks pass over it.
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int iEnd = Math.min(m, i0 + MC);
                    for (int jb = 0; jb < packedCols / w; jb++) {
                        int j = jb * w, pOff = jb * kc * w;
                        int i = i0;
                        for (int sixEnd = i + sixRows(iEnd - i); i < sixEnd; i += 6) block6x4(i, j, p0, kc, a, aOff, ars, acs, panel, pOff, w, c, cOff, ldc);
                        for (; i + 4 <= iEnd; i += 4) block4x4(i, j, p0, kc, a, aOff, ars, acs, panel, pOff, w, c, cOff, ldc);
                        for (; i < iEnd; i++) row1(i, j, w, p0, kc, a, aOff, ars, acs, panel, pOff - p0 * w - j, w, c, cOff, ldc);
                    }
                }
            }
            if (packedCols < n) {
                int i = 0;
                for (; i + 4 <= m; i += 4) rows4(i, packedCols, n, p0, kc, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc);
                for (; i < m; i++) row1(i, packedCols, n - packedCols, p0, kc, a, aOff, ars, acs, b, bOff, ldb, c, cOff, ldc);
            }
        }
    }

    /** Layout: full 4L-column blocks as [block][k][4L], then the last n % 4L columns row-major [k][rest]. */
    @Override
    public PackedMatrix pack(int k, int n, float[] b, int bOff, int ldb, PackedMatrix reuse) {
        PackedMatrix p = reuse != null ? reuse : new PackedMatrix();
        if (p.data.length < k * n) p.data = new float[k * n];
        p.k = k;
        p.n = n;
        int w = 4 * L, full = n / w * w, rest = n - full;
        for (int jb = 0; jb < full / w; jb++)
            for (int r = 0; r < k; r++) System.arraycopy(b, bOff + r * ldb + jb * w, p.data, (jb * k + r) * w, w);
        if (rest > 0) {
            int tail = full * k;
            for (int r = 0; r < k; r++) System.arraycopy(b, bOff + r * ldb + full, p.data, tail + r * rest, rest);
        }
        return p;
    }

    @Override
    public void gemm(int m, float[] a, int aOff, int lda, PackedMatrix b, float[] c, int cOff, int ldc, boolean accumulate) {
        int k = b.k, n = b.n, w = 4 * L, full = n / w * w, rest = n - full;
        float[] pb = b.data;
        if (!accumulate) {
            for (int i = 0; i < m; i++) Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        }
        // Column block outer: its k x 4L panel stays in L1/L2 while all row blocks of A pass over it.
        for (int jb = 0; jb < full / w; jb++) {
            int j = jb * w, pOff = jb * k * w;
            int i = 0;
            for (int sixEnd = sixRows(m); i < sixEnd; i += 6) block6x4(i, j, 0, k, a, aOff, lda, 1, pb, pOff, w, c, cOff, ldc);
            for (; i + 4 <= m; i += 4) block4x4(i, j, 0, k, a, aOff, lda, 1, pb, pOff, w, c, cOff, ldc);
            for (; i < m; i++) row1(i, j, w, 0, k, a, aOff, lda, 1, pb, pOff - j, w, c, cOff, ldc);
        }
        if (rest > 0) {
            int tail = full * k, i = 0;
            for (; i + 4 <= m; i += 4) rows4(i, 0, rest, 0, k, a, aOff, lda, 1, pb, tail, rest, c, cOff + full, ldc);
            for (; i < m; i++) row1(i, 0, rest, 0, k, a, aOff, lda, 1, pb, tail, rest, c, cOff + full, ldc);
        }
    }

    private static float[] panel(int size) {
        float[][] holder = PANEL.get();
        if (holder[0].length < size) holder[0] = new float[size];
        return holder[0];
    }

    /**
     * Rows (a multiple of 6) to run through {@link #block6x4} so that the rest splits into 4-row blocks:
     * 32 = 4·6 + 2·4, 64 = 10·6 + 4. Six rows keep 24 accumulators in registers, and per step load 4 B
     * vectors and 6 broadcasts for 24 FMAs (4x4: 8 loads for 16), ~20% faster on this machine.
     */
    private static int sixRows(int m) {
        int six = m / 6;
        while (six > 0 && (m - 6 * six) % 4 != 0) six--;
        return 6 * six;
    }

    /** C[i..i+6, j..j+4L] += A[i..i+6, p0..p0+kc] · panel (kc rows, ldp apart, starting at pOff). */
    private static void block6x4(int i, int j, int p0, int kc, float[] a, int aOff, int ars, int acs, float[] pb, int pOff, int ldp,
                                 float[] c, int cOff, int ldc) {
        int a0 = aOff + i * ars + p0 * acs, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars, a4 = a3 + ars, a5 = a4 + ars;
        int c0 = cOff + i * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc, c4 = c3 + ldc, c5 = c4 + ldc;
        FloatVector x00 = FloatVector.fromArray(S, c, c0), x01 = FloatVector.fromArray(S, c, c0 + L),
                x02 = FloatVector.fromArray(S, c, c0 + 2 * L), x03 = FloatVector.fromArray(S, c, c0 + 3 * L);
        FloatVector x10 = FloatVector.fromArray(S, c, c1), x11 = FloatVector.fromArray(S, c, c1 + L),
                x12 = FloatVector.fromArray(S, c, c1 + 2 * L), x13 = FloatVector.fromArray(S, c, c1 + 3 * L);
        FloatVector x20 = FloatVector.fromArray(S, c, c2), x21 = FloatVector.fromArray(S, c, c2 + L),
                x22 = FloatVector.fromArray(S, c, c2 + 2 * L), x23 = FloatVector.fromArray(S, c, c2 + 3 * L);
        FloatVector x30 = FloatVector.fromArray(S, c, c3), x31 = FloatVector.fromArray(S, c, c3 + L),
                x32 = FloatVector.fromArray(S, c, c3 + 2 * L), x33 = FloatVector.fromArray(S, c, c3 + 3 * L);
        FloatVector x40 = FloatVector.fromArray(S, c, c4), x41 = FloatVector.fromArray(S, c, c4 + L),
                x42 = FloatVector.fromArray(S, c, c4 + 2 * L), x43 = FloatVector.fromArray(S, c, c4 + 3 * L);
        FloatVector x50 = FloatVector.fromArray(S, c, c5), x51 = FloatVector.fromArray(S, c, c5 + L),
                x52 = FloatVector.fromArray(S, c, c5 + 2 * L), x53 = FloatVector.fromArray(S, c, c5 + 3 * L);
        int bp = pOff;
        for (int p = 0, ap = 0; p < kc; p++, bp += ldp, ap += acs) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bp), b1 = FloatVector.fromArray(S, pb, bp + L),
                    b2 = FloatVector.fromArray(S, pb, bp + 2 * L), b3 = FloatVector.fromArray(S, pb, bp + 3 * L);
            FloatVector v = FloatVector.broadcast(S, a[a0 + ap]);
            x00 = b0.fma(v, x00); x01 = b1.fma(v, x01); x02 = b2.fma(v, x02); x03 = b3.fma(v, x03);
            v = FloatVector.broadcast(S, a[a1 + ap]);
            x10 = b0.fma(v, x10); x11 = b1.fma(v, x11); x12 = b2.fma(v, x12); x13 = b3.fma(v, x13);
            v = FloatVector.broadcast(S, a[a2 + ap]);
            x20 = b0.fma(v, x20); x21 = b1.fma(v, x21); x22 = b2.fma(v, x22); x23 = b3.fma(v, x23);
            v = FloatVector.broadcast(S, a[a3 + ap]);
            x30 = b0.fma(v, x30); x31 = b1.fma(v, x31); x32 = b2.fma(v, x32); x33 = b3.fma(v, x33);
            v = FloatVector.broadcast(S, a[a4 + ap]);
            x40 = b0.fma(v, x40); x41 = b1.fma(v, x41); x42 = b2.fma(v, x42); x43 = b3.fma(v, x43);
            v = FloatVector.broadcast(S, a[a5 + ap]);
            x50 = b0.fma(v, x50); x51 = b1.fma(v, x51); x52 = b2.fma(v, x52); x53 = b3.fma(v, x53);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L); x42.intoArray(c, c4 + 2 * L); x43.intoArray(c, c4 + 3 * L);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + L); x52.intoArray(c, c5 + 2 * L); x53.intoArray(c, c5 + 3 * L);
    }

    /** C[i..i+4, j..j+4L] += A[i..i+4, p0..p0+kc] · panel (kc rows, ldp apart, starting at pOff). */
    private static void block4x4(int i, int j, int p0, int kc, float[] a, int aOff, int ars, int acs, float[] pb, int pOff, int ldp,
                                 float[] c, int cOff, int ldc) {
        int a0 = aOff + i * ars + p0 * acs, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        int c0 = cOff + i * ldc + j, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        FloatVector x00 = FloatVector.fromArray(S, c, c0), x01 = FloatVector.fromArray(S, c, c0 + L),
                x02 = FloatVector.fromArray(S, c, c0 + 2 * L), x03 = FloatVector.fromArray(S, c, c0 + 3 * L);
        FloatVector x10 = FloatVector.fromArray(S, c, c1), x11 = FloatVector.fromArray(S, c, c1 + L),
                x12 = FloatVector.fromArray(S, c, c1 + 2 * L), x13 = FloatVector.fromArray(S, c, c1 + 3 * L);
        FloatVector x20 = FloatVector.fromArray(S, c, c2), x21 = FloatVector.fromArray(S, c, c2 + L),
                x22 = FloatVector.fromArray(S, c, c2 + 2 * L), x23 = FloatVector.fromArray(S, c, c2 + 3 * L);
        FloatVector x30 = FloatVector.fromArray(S, c, c3), x31 = FloatVector.fromArray(S, c, c3 + L),
                x32 = FloatVector.fromArray(S, c, c3 + 2 * L), x33 = FloatVector.fromArray(S, c, c3 + 3 * L);
        int bp = pOff;
        for (int p = 0, ap = 0; p < kc; p++, bp += ldp, ap += acs) {
            FloatVector b0 = FloatVector.fromArray(S, pb, bp), b1 = FloatVector.fromArray(S, pb, bp + L),
                    b2 = FloatVector.fromArray(S, pb, bp + 2 * L), b3 = FloatVector.fromArray(S, pb, bp + 3 * L);
            FloatVector v = FloatVector.broadcast(S, a[a0 + ap]);
            x00 = b0.fma(v, x00); x01 = b1.fma(v, x01); x02 = b2.fma(v, x02); x03 = b3.fma(v, x03);
            v = FloatVector.broadcast(S, a[a1 + ap]);
            x10 = b0.fma(v, x10); x11 = b1.fma(v, x11); x12 = b2.fma(v, x12); x13 = b3.fma(v, x13);
            v = FloatVector.broadcast(S, a[a2 + ap]);
            x20 = b0.fma(v, x20); x21 = b1.fma(v, x21); x22 = b2.fma(v, x22); x23 = b3.fma(v, x23);
            v = FloatVector.broadcast(S, a[a3 + ap]);
            x30 = b0.fma(v, x30); x31 = b1.fma(v, x31); x32 = b2.fma(v, x32); x33 = b3.fma(v, x33);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
    }

    private static void rows4(int i, int jStart, int n, int p0, int kc, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc) {
        int a0 = aOff + i * ars + p0 * acs, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        int c0 = cOff + i * ldc, c1 = c0 + ldc, c2 = c1 + ldc, c3 = c2 + ldc;
        int j = jStart;
        for (; j + 4 * L <= n; j += 4 * L) block4x4(i, j, p0, kc, a, aOff, ars, acs, b, bOff + p0 * ldb + j, ldb, c, cOff, ldc);
        for (; j + L <= n; j += L) {
            FloatVector x0 = FloatVector.fromArray(S, c, c0 + j), x1 = FloatVector.fromArray(S, c, c1 + j),
                    x2 = FloatVector.fromArray(S, c, c2 + j), x3 = FloatVector.fromArray(S, c, c3 + j);
            int bp = bOff + p0 * ldb + j;
            for (int p = 0, ap = 0; p < kc; p++, bp += ldb, ap += acs) {
                FloatVector bv = FloatVector.fromArray(S, b, bp);
                x0 = bv.fma(FloatVector.broadcast(S, a[a0 + ap]), x0);
                x1 = bv.fma(FloatVector.broadcast(S, a[a1 + ap]), x1);
                x2 = bv.fma(FloatVector.broadcast(S, a[a2 + ap]), x2);
                x3 = bv.fma(FloatVector.broadcast(S, a[a3 + ap]), x3);
            }
            x0.intoArray(c, c0 + j); x1.intoArray(c, c1 + j); x2.intoArray(c, c2 + j); x3.intoArray(c, c3 + j);
        }
        for (; j < n; j++) {
            float s0 = c[c0 + j], s1 = c[c1 + j], s2 = c[c2 + j], s3 = c[c3 + j];
            int bp = bOff + p0 * ldb + j;
            for (int p = 0, ap = 0; p < kc; p++, bp += ldb, ap += acs) {
                float bv = b[bp];
                s0 += a[a0 + ap] * bv; s1 += a[a1 + ap] * bv; s2 += a[a2 + ap] * bv; s3 += a[a3 + ap] * bv;
            }
            c[c0 + j] = s0; c[c1 + j] = s1; c[c2 + j] = s2; c[c3 + j] = s3;
        }
    }

    /** C[i, j..j+width] += A[i, p0..p0+kc] · B[p0..p0+kc, j..j+width]. */
    private void row1(int i, int j, int width, int p0, int kc, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int ldb,
                      float[] c, int cOff, int ldc) {
        int ai = aOff + i * ars + p0 * acs;
        int ci = cOff + i * ldc + j;
        for (int p = 0; p < kc; p++) {
            float v = a[ai + p * acs];
            if (v != 0f) axpy(width, v, b, bOff + (p0 + p) * ldb + j, c, ci);
        }
    }

    @Override
    public void vecMat(int k, int n, float[] x, int xOff, float[] w, int wOff, float[] z, int zOff) {
        // Rows are streamed in order, four non-zero rows per pass over z: sequential reads of W (a
        // column-blocked loop strides by the row length and thrashes the caches once W exceeds L2).
        int found = 0, r0 = 0, r1 = 0, r2 = 0;
        for (int p = 0; p < k; p++) {
            if (x[xOff + p] == 0f) continue;
            switch (found++) {
                case 0 -> r0 = p;
                case 1 -> r1 = p;
                case 2 -> r2 = p;
                default -> {
                    rows4(n, x[xOff + r0], wOff + r0 * n, x[xOff + r1], wOff + r1 * n, x[xOff + r2], wOff + r2 * n,
                            x[xOff + p], wOff + p * n, w, z, zOff);
                    found = 0;
                }
            }
        }
        // 1-3 rows left: one more pass, padded with zero-weight copies of the first row
        if (found > 0) {
            rows4(n, x[xOff + r0], wOff + r0 * n, found > 1 ? x[xOff + r1] : 0f, wOff + (found > 1 ? r1 : r0) * n,
                    found > 2 ? x[xOff + r2] : 0f, wOff + (found > 2 ? r2 : r0) * n, 0f, wOff + r0 * n, w, z, zOff);
        }
    }

    /** z += a0·w[o0..] + a1·w[o1..] + a2·w[o2..] + a3·w[o3..], n wide. */
    private static void rows4(int n, float a0, int o0, float a1, int o1, float a2, int o2, float a3, int o3,
                              float[] w, float[] z, int zOff) {
        FloatVector v0 = FloatVector.broadcast(S, a0), v1 = FloatVector.broadcast(S, a1),
                v2 = FloatVector.broadcast(S, a2), v3 = FloatVector.broadcast(S, a3);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector acc = FloatVector.fromArray(S, z, zOff + j);
            acc = FloatVector.fromArray(S, w, o0 + j).fma(v0, acc);
            acc = FloatVector.fromArray(S, w, o1 + j).fma(v1, acc);
            acc = FloatVector.fromArray(S, w, o2 + j).fma(v2, acc);
            acc = FloatVector.fromArray(S, w, o3 + j).fma(v3, acc);
            acc.intoArray(z, zOff + j);
        }
        for (; j < n; j++) z[zOff + j] += a0 * w[o0 + j] + a1 * w[o1 + j] + a2 * w[o2 + j] + a3 * w[o3 + j];
    }

    @Override
    public void axpy2(int n, float alpha, float[] x, int xOff, float[] y1, int y1Off, float[] y2, int y2Off) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector xv = FloatVector.fromArray(S, x, xOff + j);
            xv.add(FloatVector.fromArray(S, y1, y1Off + j)).intoArray(y1, y1Off + j);
            xv.fma(av, FloatVector.fromArray(S, y2, y2Off + j)).intoArray(y2, y2Off + j);
        }
        for (; j < n; j++) {
            y1[y1Off + j] += x[xOff + j];
            y2[y2Off + j] += alpha * x[xOff + j];
        }
    }

    @Override
    public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
        FloatVector av = FloatVector.broadcast(S, alpha);
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += L) {
            FloatVector.fromArray(S, x, xOff + j).fma(av, FloatVector.fromArray(S, y, yOff + j)).intoArray(y, yOff + j);
        }
        for (; j < n; j++) y[yOff + j] += alpha * x[xOff + j];
    }

    @Override
    public void lstmCell(int h, float[] z, int zOff, float[] cPrev, int cPrevOff,
                         float[] cOut, int cOutOff, float[] tanhC, int tanhCOff, float[] hOut, int hOutOff) {
        // Three simple loops with one inlined tanh each: a single loop with five tanh copies grew too big
        // for C2 on JDK 17, which then ran the Vector API's slow Java fallback.
        FloatVector half = FloatVector.broadcast(S, 0.5f);
        int bound = S.loopBound(h);
        int j = 0;
        for (; j < bound; j += L) tanh(FloatVector.fromArray(S, z, zOff + j)).intoArray(z, zOff + j);
        for (; j < h; j++) z[zOff + j] = FastTanh.tanh(z[zOff + j]);
        int g = h, end = 4 * h, gBound = h + S.loopBound(3 * h);
        for (; g < gBound; g += L) {
            tanh(FloatVector.fromArray(S, z, zOff + g).mul(half)).fma(half, half).intoArray(z, zOff + g);
        }
        for (; g < end; g++) z[zOff + g] = FastTanh.sigmoid(z[zOff + g]);
        j = 0;
        for (; j < bound; j += L) {
            FloatVector a = FloatVector.fromArray(S, z, zOff + j);
            FloatVector f = FloatVector.fromArray(S, z, zOff + h + j);
            FloatVector o = FloatVector.fromArray(S, z, zOff + 2 * h + j);
            FloatVector ig = FloatVector.fromArray(S, z, zOff + 3 * h + j);
            FloatVector cv = f.mul(FloatVector.fromArray(S, cPrev, cPrevOff + j)).add(ig.mul(a));
            FloatVector tc = tanh(cv);
            cv.intoArray(cOut, cOutOff + j);
            if (tanhC != null) tc.intoArray(tanhC, tanhCOff + j);
            o.mul(tc).intoArray(hOut, hOutOff + j);
        }
        for (; j < h; j++) {
            float c = z[zOff + h + j] * cPrev[cPrevOff + j] + z[zOff + 3 * h + j] * z[zOff + j];
            float tc = FastTanh.tanh(c);
            cOut[cOutOff + j] = c;
            if (tanhC != null) tanhC[tanhCOff + j] = tc;
            hOut[hOutOff + j] = z[zOff + 2 * h + j] * tc;
        }
    }

    @Override
    public void lstmCellBackward(int h, float m, float[] z, int zOff, float[] tanhC, int tcOff, float[] cPrev, int cpOff,
                                 float[] dOut, int dOutOff, float[] dhNext, float[] dcNext, int nextOff, float[] dz, int dzOff) {
        int j = 0;
        for (int bound = S.loopBound(h); j < bound; j += L) {
            FloatVector a = FloatVector.fromArray(S, z, zOff + j), f = FloatVector.fromArray(S, z, zOff + h + j),
                    o = FloatVector.fromArray(S, z, zOff + 2 * h + j), ig = FloatVector.fromArray(S, z, zOff + 3 * h + j);
            FloatVector tc = FloatVector.fromArray(S, tanhC, tcOff + j);
            FloatVector dh = FloatVector.fromArray(S, dOut, dOutOff + j).add(FloatVector.fromArray(S, dhNext, nextOff + j)).mul(m);
            FloatVector dc = FloatVector.fromArray(S, dcNext, nextOff + j).mul(m).add(dh.mul(o).mul(tc.mul(tc).neg().add(1f)));
            dc.mul(ig).mul(a.mul(a).neg().add(1f)).intoArray(dz, dzOff + j);
            dc.mul(FloatVector.fromArray(S, cPrev, cpOff + j)).mul(f).mul(f.neg().add(1f)).intoArray(dz, dzOff + h + j);
            dh.mul(tc).mul(o).mul(o.neg().add(1f)).intoArray(dz, dzOff + 2 * h + j);
            dc.mul(a).mul(ig).mul(ig.neg().add(1f)).intoArray(dz, dzOff + 3 * h + j);
            dc.mul(f).intoArray(dcNext, nextOff + j);
        }
        if (j < h) {
            ScalarKernels.backwardRange(h, j, m, z, zOff, tanhC, tcOff, cPrev, cpOff, dOut, dOutOff, dhNext, dcNext, nextOff, dz, dzOff);
        }
    }

    /** {@link FastTanh#tanh} lane-wise (the Vector API's own TANH is not intrinsified on JDK 17). */
    static FloatVector tanh(FloatVector x) {
        FloatVector v = x.max(-FastTanh.CLAMP).min(FastTanh.CLAMP);
        FloatVector x2 = v.mul(v);
        FloatVector p = x2.mul(FastTanh.A13).add(FastTanh.A11);
        p = p.fma(x2, FloatVector.broadcast(S, FastTanh.A9));
        p = p.fma(x2, FloatVector.broadcast(S, FastTanh.A7));
        p = p.fma(x2, FloatVector.broadcast(S, FastTanh.A5));
        p = p.fma(x2, FloatVector.broadcast(S, FastTanh.A3));
        p = p.fma(x2, FloatVector.broadcast(S, FastTanh.A1));
        p = p.mul(v);
        FloatVector q = x2.mul(FastTanh.B6).add(FastTanh.B4);
        q = q.fma(x2, FloatVector.broadcast(S, FastTanh.B2));
        q = q.fma(x2, FloatVector.broadcast(S, FastTanh.B0));
        return p.div(q);
    }

    @Override
    public double measurePeakGflops(long millis) {
        // Short calls of a counted loop, so that C2 compiles fmaChains whole (an on-stack-replaced outer loop kept
        // the vectors boxed and measured a quarter of the peak); the best call's rate counts.
        long end = System.nanoTime() + millis * 1_000_000;
        double best = 0;
        float sink = 0;
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            sink += fmaChains(200_000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            best = Math.max(best, 200_000 * 12.0 * L * 2 / seconds / 1e9);
        }
        return sink == 0 ? 0 : best; // the sink keeps the loop alive
    }

    /** 12 independent FMA chains (FMA latency x ports on current x86 cores), no memory traffic. */
    private static float fmaChains(int iterations) {
        FloatVector m = FloatVector.broadcast(S, 0.9999f), c = FloatVector.broadcast(S, 1e-4f);
        FloatVector a0 = FloatVector.broadcast(S, 1f), a1 = a0.add(1), a2 = a0.add(2), a3 = a0.add(3), a4 = a0.add(4), a5 = a0.add(5),
                a6 = a0.add(6), a7 = a0.add(7), a8 = a0.add(8), a9 = a0.add(9), a10 = a0.add(10), a11 = a0.add(11);
        for (int i = 0; i < iterations; i++) {
            a0 = a0.fma(m, c); a1 = a1.fma(m, c); a2 = a2.fma(m, c); a3 = a3.fma(m, c); a4 = a4.fma(m, c); a5 = a5.fma(m, c);
            a6 = a6.fma(m, c); a7 = a7.fma(m, c); a8 = a8.fma(m, c); a9 = a9.fma(m, c); a10 = a10.fma(m, c); a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }

    @Override
    public String name() {
        return "vector(" + S.vectorBitSize() + " bit)";
    }

}
