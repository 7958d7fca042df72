package studio.rondo.engine.lstm;

import java.util.Arrays;

/**
 * Whole-sequence LSTM forward and backward (full or truncated BPTT) over flat float arrays, DL4J's
 * parameter layout: W [nIn,4H], RW [H,4H], b [4H], row-major here; gate blocks block input (tanh),
 * forget, output, input gate (sigmoid); no peepholes.
 *
 * <p>Layout (what makes it fast): everything time-major, row r = t·B + b. h and c are [T+1][B][H] with
 * row block 0 the initial state, so the previous-h slices of all steps are one [T·B, H] matrix and
 * dRW is a single GEMM; gates [T][B][4H] are activated in place and kept for backward; the input
 * projection of all steps is one GEMM, or a row gather for the one-hot prefix of the input. Buffers
 * are reused between calls of the same size: no allocation per step.
 *
 * <p>Masking follows DL4J: at a masked step (mask 0) h and c are zeroed after the cell.
 */
final class FusedLstmCore {
    private final int nIn;
    private final int hidden;
    private final int gates;
    private final int oneHotPrefix;
    private final Kernels k;

    // Weights (row-major) of the current pass; transposes are made on demand in backward.
    private float[] w, rw, bias;

    // Forward state kept for backward.
    private int steps, batch;
    private float[] x;          // [T·B, nIn]
    private int[] hotIndex;     // [T·B], -1 = no hot entry in the prefix
    private float[] hotValue;   // value of the hot entry (1, or 1/p after dropout)
    private boolean gathered;   // whether the one-hot path was used for this pass
    private float[] z;          // [T·B, 4H] activated gates
    private float[] hs, cs;     // [(T+1)·B, H]
    private float[] tanhC;      // [T·B, H] tanh of the (unmasked) cell
    private float[] mask;       // [T·B] or null

    // Backward scratch.
    private float[] dz, dhNext, dcNext, prevHT, xT, wT, rwT;

    FusedLstmCore(int nIn, int hidden, int oneHotPrefix, Kernels kernels) {
        if (oneHotPrefix < 0 || oneHotPrefix > nIn) throw new IllegalArgumentException("oneHotPrefix must be in 0.." + nIn);
        this.nIn = nIn;
        this.hidden = hidden;
        this.gates = 4 * hidden;
        this.oneHotPrefix = oneHotPrefix;
        this.k = kernels;
    }

    int nIn() { return nIn; }

    int hidden() { return hidden; }

    /** Arrays are used as given (not copied) until the next call. */
    void setWeights(float[] w, float[] rw, float[] bias) {
        if (w.length != nIn * gates || rw.length != hidden * gates || bias.length != gates)
            throw new IllegalArgumentException("weight sizes do not match nIn=" + nIn + ", H=" + hidden);
        this.w = w;
        this.rw = rw;
        this.bias = bias;
    }

    /**
     * @param input time-major [T·B, nIn]; kept by reference for backward
     * @param h0    initial hidden state [B·H] or null (zeros)
     * @param c0    initial cell state [B·H] or null (zeros)
     * @param mask  time-major [T·B] of 0/1, or null
     * @return h of all steps: [(T+1)·B·H], step t at offset (t+1)·B·H (row block 0 is h0)
     */
    float[] forward(float[] input, int steps, int batch, float[] h0, float[] c0, float[] mask) {
        int rows = steps * batch;
        if (input.length < rows * nIn) throw new IllegalArgumentException("input too short");
        this.steps = steps;
        this.batch = batch;
        this.x = input;
        this.mask = mask;
        z = ensure(z, rows * gates);
        hs = ensure(hs, (steps + 1) * batch * hidden);
        cs = ensure(cs, (steps + 1) * batch * hidden);
        tanhC = ensure(tanhC, rows * hidden);
        int bh = batch * hidden;
        if (h0 != null) System.arraycopy(h0, 0, hs, 0, bh); else Arrays.fill(hs, 0, bh, 0f);
        if (c0 != null) System.arraycopy(c0, 0, cs, 0, bh); else Arrays.fill(cs, 0, bh, 0f);

        projectInput(rows);
        for (int t = 0; t < steps; t++) {
            // z_t += h_{t-1} · RW: one [B,H]x[H,4H] GEMM per step
            k.gemm(batch, gates, hidden, hs, t * bh, hidden, rw, 0, gates, z, t * batch * gates, gates, true);
            for (int b = 0; b < batch; b++) {
                int r = t * batch + b;
                int prev = r * hidden, cur = prev + bh;
                k.lstmCell(hidden, z, r * gates, cs, prev, cs, cur, tanhC, r * hidden, hs, cur);
                if (mask != null && mask[r] == 0f) {
                    Arrays.fill(cs, cur, cur + hidden, 0f);
                    Arrays.fill(hs, cur, cur + hidden, 0f);
                }
            }
        }
        return hs;
    }

    /** z = bias + x·W for all steps at once; the one-hot prefix as a row gather when the input allows it. */
    private void projectInput(int rows) {
        for (int r = 0; r < rows; r++) System.arraycopy(bias, 0, z, r * gates, gates);
        gathered = oneHotPrefix > 0 && findHotEntries(rows);
        if (gathered) {
            // one pass per row over z: the hot row of W plus the few dense columns (zeros are skipped)
            for (int r = 0; r < rows; r++) k.vecMat(nIn, gates, x, r * nIn, w, 0, z, r * gates);
        } else {
            k.gemm(rows, gates, nIn, x, 0, nIn, w, 0, gates, z, 0, gates, true);
        }
    }

    /** False if some row has more than one non-zero in the prefix (then the dense GEMM is used). */
    private boolean findHotEntries(int rows) {
        hotIndex = ensureInt(hotIndex, rows);
        hotValue = ensure(hotValue, rows);
        for (int r = 0; r < rows; r++) {
            int base = r * nIn, found = -1;
            for (int i = 0; i < oneHotPrefix; i++) {
                if (x[base + i] != 0f) {
                    if (found >= 0) return false;
                    found = i;
                }
            }
            hotIndex[r] = found;
            hotValue[r] = found >= 0 ? x[base + found] : 0f;
        }
        return true;
    }

    /**
     * Backprop through the last forward pass.
     *
     * @param dOut      dLoss/dh for every step, time-major [T·B·H]
     * @param firstStep backprop stops here (0 = full BPTT; T - tbpttLength for truncated BPTT)
     * @param dW        out [nIn·4H]; dRW out [H·4H]; dB out [4H] (all overwritten)
     * @param dX        out [T·B·nIn] input gradient, or null to skip it (first layer: saves a GEMM)
     */
    void backward(float[] dOut, int firstStep, float[] dW, float[] dRW, float[] dB, float[] dX) {
        int bh = batch * hidden;
        int rows = steps * batch;
        int from = Math.max(0, Math.min(firstStep, steps));
        dz = ensure(dz, rows * gates);
        dhNext = ensure(dhNext, bh);
        dcNext = ensure(dcNext, bh);
        Arrays.fill(dhNext, 0, bh, 0f);
        Arrays.fill(dcNext, 0, bh, 0f);
        Arrays.fill(dz, 0, from * batch * gates, 0f);
        rwT = transpose(rw, hidden, gates, rwT);

        for (int t = steps - 1; t >= from; t--) {
            for (int b = 0; b < batch; b++) {
                int r = t * batch + b;
                k.lstmCellBackward(hidden, mask == null ? 1f : mask[r], z, r * gates, tanhC, r * hidden, cs, r * hidden,
                        dOut, r * hidden, dhNext, dcNext, b * hidden, dz, r * gates);
            }
            // dh_{t-1} = dz_t · RWᵀ
            if (t > from) k.gemm(batch, hidden, gates, dz, t * batch * gates, gates, rwT, 0, hidden, dhNext, 0, hidden, false);
        }

        int r0 = from * batch, n = rows - r0;
        // dRW = [h_{from-1} .. h_{T-2}]ᵀ · dz: one GEMM over all previous-h slices
        prevHT = transposeRows(hs, r0, n, hidden, prevHT);
        k.gemm(hidden, gates, n, prevHT, 0, n, dz, r0 * gates, gates, dRW, 0, gates, false);

        Arrays.fill(dB, 0f);
        for (int r = r0; r < rows; r++) k.axpy(gates, 1f, dz, r * gates, dB, 0);

        Arrays.fill(dW, 0f);
        int denseFrom = 0;
        if (gathered) {
            // one-hot rows: scatter-add of dz into the hot row of dW
            for (int r = r0; r < rows; r++) {
                int idx = hotIndex[r];
                if (idx >= 0) k.axpy(gates, hotValue[r], dz, r * gates, dW, idx * gates);
            }
            denseFrom = oneHotPrefix;
        }
        int dense = nIn - denseFrom;
        if (dense > 0) {
            xT = transposeCols(x, r0, n, nIn, denseFrom, dense, xT);
            k.gemm(dense, gates, n, xT, 0, n, dz, r0 * gates, gates, dW, denseFrom * gates, gates, false);
        }

        if (dX != null) {
            wT = transpose(w, nIn, gates, wT);
            k.gemm(rows, nIn, gates, dz, 0, gates, wT, 0, nIn, dX, 0, nIn, false);
        }
    }

    int steps() { return steps; }

    int batch() { return batch; }

    /** Hidden states [(T+1)·B·H] of the last forward pass (row block 0 = h0). */
    float[] hiddenStates() { return hs; }

    /** Cell states [(T+1)·B·H] of the last forward pass (row block 0 = c0). */
    float[] cellStates() { return cs; }

    private static float[] transpose(float[] src, int rows, int cols, float[] dst) {
        dst = ensure(dst, rows * cols);
        for (int i = 0; i < rows; i++) {
            int s = i * cols;
            for (int j = 0; j < cols; j++) dst[j * rows + i] = src[s + j];
        }
        return dst;
    }

    /** Rows r0..r0+n of a [*, cols] matrix, transposed to [cols, n]. */
    private static float[] transposeRows(float[] src, int r0, int n, int cols, float[] dst) {
        dst = ensure(dst, n * cols);
        for (int r = 0; r < n; r++) {
            int s = (r0 + r) * cols;
            for (int j = 0; j < cols; j++) dst[j * n + r] = src[s + j];
        }
        return dst;
    }

    /** Columns c0..c0+width of rows r0..r0+n of a [*, ld] matrix, transposed to [width, n]. */
    private static float[] transposeCols(float[] src, int r0, int n, int ld, int c0, int width, float[] dst) {
        dst = ensure(dst, n * width);
        for (int r = 0; r < n; r++) {
            int s = (r0 + r) * ld + c0;
            for (int j = 0; j < width; j++) dst[j * n + r] = src[s + j];
        }
        return dst;
    }

    private static float[] ensure(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }

    private static int[] ensureInt(int[] a, int n) {
        return a != null && a.length >= n ? a : new int[n];
    }
}
