package studio.rondo.engine.lstm;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.lstm.NdFloats;

/** Copies between INDArrays and the flat row-major / time-major float arrays of the fused kernels. */
final class Floats {
    private Floats() {
    }

    /**
     * [B, n, T] (any dense layout, e.g. an output layer's permuted epsilon) to time-major [T][B][n], into
     * {@code reuse} when it is large enough (arrays this size are costly to allocate and zero per batch).
     */
    static float[] timeMajor(INDArray bnt, float[] reuse) {
        return timeMajor(bnt, reuse, SCRATCH.get());
    }

    /** Raw copies of strided arrays before they are reordered; one per thread, grown as needed. */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);

    private static float[] timeMajor(INDArray bnt, float[] reuse, float[][] scratch) {
        int batch = (int) bnt.size(0), n = (int) bnt.size(1), steps = (int) bnt.size(2), len = batch * n * steps;
        float[] out = reuse != null && reuse.length >= len ? reuse : new float[len];
        if (NdFloats.densePermutation(bnt) && isTimeMajor(bnt)) {
            NdFloats.readRaw(bnt, out); // already [T][B][n] in memory: one copy
            return out;
        }
        if (scratch[0].length < len) scratch[0] = new float[len];
        float[] src = scratch[0];
        long sb, si, st;
        if (NdFloats.densePermutation(bnt)) {
            NdFloats.readRaw(bnt, src);
            sb = bnt.stride(0);
            si = bnt.stride(1);
            st = bnt.stride(2);
            if (sb == 1 && si == batch && st == (long) batch * n) {
                // memory [T][n][B] (the output heads' summed epsilon): per step, [n][B] to [B][n]
                // steps are independent: split them over the LSTM's threads (this runs between two parallel passes)
                KernelPool pool = KernelPool.shared();
                int parts = Math.max(1, Math.min(pool.threads(), steps / 8));
                float[] from = src;
                pool.run(parts, part -> {
                    for (int t = part * steps / parts; t < (part + 1) * steps / parts; t++) {
                        NdFloats.transpose(from, t * batch * n, batch, out, t * batch * n, n, n, batch);
                    }
                });
                return out;
            }
        } else {
            NdFloats.read(bnt, src);
            sb = (long) n * steps;
            si = steps;
            st = 1;
        }
        // Tiles of 16 in every dimension: strided reads or writes stay within a few hundred cache lines.
        for (int t0 = 0; t0 < steps; t0 += TILE)
            for (int b0 = 0; b0 < batch; b0 += TILE)
                for (int i0 = 0; i0 < n; i0 += TILE) {
                    int t1 = Math.min(steps, t0 + TILE), b1 = Math.min(batch, b0 + TILE), i1 = Math.min(n, i0 + TILE);
                    for (int t = t0; t < t1; t++)
                        for (int b = b0; b < b1; b++) {
                            int d = (t * batch + b) * n;
                            long s = b * sb + t * st;
                            for (int i = i0; i < i1; i++) out[d + i] = src[(int) (s + i * si)];
                        }
                }
        return out;
    }

    /** Strides (n, 1, B·n) on [B, n, T], size-1 dimensions aside: memory is [T][B][n]. */
    private static boolean isTimeMajor(INDArray bnt) {
        long batch = bnt.size(0), n = bnt.size(1), steps = bnt.size(2);
        return (batch == 1 || bnt.stride(0) == n) && (n == 1 || bnt.stride(1) == 1) && (steps == 1 || bnt.stride(2) == batch * n);
    }

    private static final int TILE = 16;

    /**
     * Time-major [T][B][n] (from {@code offset}) as a new ACTIVATIONS array of shape [B, n, T]: a permuted
     * view of a c-order [T, B, n] copy, filled by one memcpy. RnnOutputLayer's permute(0,2,1) +
     * reshape('f', B·T, n) of it is a view too (rows b + t·B, a c-order matrix), so no head copies it.
     */
    static INDArray toRecurrentActivations(float[] src, int offset, int steps, int batch, int n,
                                           LayerWorkspaceMgr mgr, DataType type) {
        return timeMajorView(src, offset, steps, batch, n, mgr, ArrayType.ACTIVATIONS, type);
    }

    /** As {@link #toRecurrentActivations}, for any array type (the input gradient too). */
    static INDArray timeMajorView(float[] src, int offset, int steps, int batch, int n,
                                  LayerWorkspaceMgr mgr, ArrayType arrayType, DataType type) {
        INDArray tbn = mgr.createUninitialized(arrayType, type, new long[] {steps, batch, n}, 'c');
        if (type == DataType.FLOAT) {
            NdFloats.writeRaw(src, offset, tbn);
        } else {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                tbn.assign(NdFloats.createAt(src, offset, steps, batch, n));
            }
        }
        return tbn.permute(1, 2, 0);
    }

    /**
     * A matrix [r, c] as its transpose [c, r] row-major, into {@code reuse} when large enough: for DL4J's
     * f-order weights this is their memory as it lies, one copy.
     */
    static float[] transposedOf(INDArray m, float[] reuse) {
        int r = (int) m.size(0), c = (int) m.size(1);
        float[] out = reuse != null && reuse.length >= r * c ? reuse : new float[r * c];
        if (isDenseF(m)) {
            NdFloats.readRaw(m, out);
        } else {
            NdFloats.transpose(NdFloats.read(m), 0, c, out, 0, r, r, c);
        }
        return out;
    }

    /** Writes [c, r] row-major {@code transposed} into the [r, c] matrix {@code m} (one copy when m is f-order). */
    static void writeTransposed(float[] transposed, INDArray m) {
        int r = (int) m.size(0), c = (int) m.size(1);
        if (isDenseF(m)) {
            NdFloats.writeRaw(transposed, 0, m);
        } else {
            float[] rowMajor = new float[r * c];
            NdFloats.transpose(transposed, 0, r, rowMajor, 0, c, c, r);
            NdFloats.write(rowMajor, 0, m);
        }
    }

    /** A dense f-order matrix: its memory is its transpose, row-major. */
    private static boolean isDenseF(INDArray m) {
        return m.ordering() == 'f' && NdFloats.densePermutation(m) && (m.size(0) == 1 || m.stride(0) == 1);
    }
}
