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
    /** Fewer examples than this per thread and splitting the batch costs more than it gains. */
    private static final int MIN_ROWS_PER_PART = 8;

    private final int nIn;
    private final int hidden;
    private final int gates;
    /**
     * Row stride of dz: 4H plus one cache line. With 4H·4 bytes a multiple of 4 KB (H = 256, 512) the rows
     * would all map onto one L1 set, and the weight-gradient GEMM, which reads dz down its columns, ran
     * 1.3-1.5x slower.
     */
    private final int ldz;
    private final int oneHotPrefix;
    private final Kernels k;
    private final KernelPool pool;

    // Weights of the current pass as DL4J stores them (f order, i.e. transposed: Wᵀ [4H, nIn], RWᵀ [4H, H]);
    // the row-major W for the one-hot gather and the packed operands are made once per pass.
    private float[] wT, rwT, bias, w;
    private PackedMatrix wPacked, rwPacked, wTPacked, rwTPacked;

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
    private float[] dz, dhNext, dcNext, dWRows;

    FusedLstmCore(int nIn, int hidden, int oneHotPrefix, Kernels kernels) {
        this(nIn, hidden, oneHotPrefix, kernels, null);
    }

    /** pool null: {@link KernelPool#shared()} at each pass, so a changed thread count applies at once. */
    FusedLstmCore(int nIn, int hidden, int oneHotPrefix, Kernels kernels, KernelPool pool) {
        if (oneHotPrefix < 0 || oneHotPrefix > nIn) throw new IllegalArgumentException("oneHotPrefix must be in 0.." + nIn);
        this.nIn = nIn;
        this.hidden = hidden;
        this.gates = 4 * hidden;
        this.ldz = gates + 16;
        this.oneHotPrefix = oneHotPrefix;
        this.k = kernels;
        this.pool = pool;
    }

    int nIn() { return nIn; }

    int hidden() { return hidden; }

    /** Row-major W [nIn, 4H] and RW [H, 4H] (copied, transposed). */
    void setWeights(float[] w, float[] rw, float[] bias) {
        if (w.length != nIn * gates || rw.length != hidden * gates)
            throw new IllegalArgumentException("weight sizes do not match nIn=" + nIn + ", H=" + hidden);
        setWeightsTransposed(transpose(w, nIn, gates, null), transpose(rw, hidden, gates, null), bias);
    }

    /**
     * Wᵀ [4H, nIn] and RWᵀ [4H, H] row-major: the memory of DL4J's f-order weight matrices as it lies.
     * Arrays are used as given (not copied) until the next call.
     */
    void setWeightsTransposed(float[] wT, float[] rwT, float[] bias) {
        if (wT.length < nIn * gates || rwT.length < hidden * gates || bias.length < gates)
            throw new IllegalArgumentException("weight sizes do not match nIn=" + nIn + ", H=" + hidden);
        this.wT = wT;
        this.rwT = rwT;
        this.bias = bias;
    }

    private KernelPool pool() {
        return pool != null ? pool : KernelPool.shared();
    }

    /** The batch is split into this many contiguous ranges of examples, one per thread. */
    private int parts(KernelPool p) {
        return Math.max(1, Math.min(p.threads(), batch / MIN_ROWS_PER_PART));
    }

    private int from(int part, int parts) {
        return (int) ((long) part * batch / parts);
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

        gathered = oneHotPrefix > 0 && findHotEntries(rows);
        rwPacked = k.packTransposed(hidden, gates, rwT, 0, hidden, rwPacked);
        if (gathered) w = transpose(wT, gates, nIn, w); // the gather reads rows of W
        else wPacked = k.packTransposed(nIn, gates, wT, 0, nIn, wPacked);
        // Examples are independent in the recurrence: each thread runs the whole sequence for its share
        // of the batch, with no synchronisation between steps.
        KernelPool p = pool();
        int parts = parts(p);
        p.run(parts, part -> forwardExamples(from(part, parts), from(part + 1, parts)));
        return hs;
    }

    /** Steps 0..T-1 for examples b0..b1-1. Per step: z = bias + x·W (or the one-hot row) + h·RW, then the cells. */
    private void forwardExamples(int b0, int b1) {
        int nb = b1 - b0;
        for (int t = 0; t < steps; t++) {
            int r0 = t * batch + b0;
            for (int r = r0; r < r0 + nb; r++) System.arraycopy(bias, 0, z, r * gates, gates);
            if (gathered) {
                // the hot row of W plus the few dense columns (zero inputs are skipped)
                for (int r = r0; r < r0 + nb; r++) k.vecMat(nIn, gates, x, r * nIn, w, 0, z, r * gates);
            } else {
                k.gemm(nb, x, r0 * nIn, nIn, wPacked, z, r0 * gates, gates, true);
            }
            k.gemm(nb, hs, r0 * hidden, hidden, rwPacked, z, r0 * gates, gates, true);
            for (int r = r0; r < r0 + nb; r++) {
                int prev = r * hidden, cur = prev + batch * hidden;
                k.lstmCell(hidden, z, r * gates, cs, prev, cs, cur, tanhC, r * hidden, hs, cur);
                if (mask != null && mask[r] == 0f) {
                    Arrays.fill(cs, cur, cur + hidden, 0f);
                    Arrays.fill(hs, cur, cur + hidden, 0f);
                }
            }
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
     * @param dWT       out dWᵀ [4H·nIn]; dRWT out dRWᵀ [4H·H] (transposed, as DL4J's f-order gradient views lie);
     *                  dB out [4H] (all overwritten)
     * @param dX        out [T·B·nIn] input gradient, or null to skip it (first layer: saves a GEMM)
     */
    void backward(float[] dOut, int firstStep, float[] dWT, float[] dRWT, float[] dB, float[] dX) {
        int bh = batch * hidden;
        int rows = steps * batch;
        int from = Math.max(0, Math.min(firstStep, steps));
        int r0 = from * batch, n = rows - r0;
        dz = ensure(dz, rows * ldz);
        dhNext = ensure(dhNext, bh);
        dcNext = ensure(dcNext, bh);
        Arrays.fill(dhNext, 0, bh, 0f);
        Arrays.fill(dcNext, 0, bh, 0f);
        Arrays.fill(dz, 0, r0 * ldz, 0f);
        rwTPacked = k.pack(gates, hidden, rwT, 0, hidden, rwTPacked);
        if (dX != null) wTPacked = k.pack(gates, nIn, wT, 0, nIn, wTPacked);
        int denseFrom = gathered ? oneHotPrefix : 0, dense = nIn - denseFrom;
        if (gathered) dWRows = ensure(dWRows, nIn * gates);

        KernelPool p = pool();
        int parts = parts(p);
        p.run(parts, part -> backwardExamples(from(part, parts), from(part + 1, parts), from, dOut, dX));

        // Weight gradients sum over all examples and steps: split by gates instead, 64-aligned.
        int colParts = Math.max(1, Math.min(p.threads(), gates / 64));
        p.run(colParts, part -> weightGradients(gateSplit(part, colParts), gateSplit(part + 1, colParts), r0, n, dWT, dRWT, dB, dense, denseFrom));
    }

    /** First gate of part {@code part} of {@code parts}: a multiple of 64 (one GEMM column block), or 4H. */
    private int gateSplit(int part, int parts) {
        return part == parts ? gates : part * gates / parts / 64 * 64;
    }

    /** The backward recurrence for examples b0..b1-1. */
    private void backwardExamples(int b0, int b1, int from, float[] dOut, float[] dX) {
        int nb = b1 - b0;
        for (int t = steps - 1; t >= from; t--) {
            int rt = t * batch + b0;
            for (int r = rt; r < rt + nb; r++) {
                int b = r - t * batch;
                k.lstmCellBackward(hidden, mask == null ? 1f : mask[r], z, r * gates, tanhC, r * hidden, cs, r * hidden,
                        dOut, r * hidden, dhNext, dcNext, b * hidden, dz, r * ldz);
            }
            // dh_{t-1} = dz_t · RWᵀ; dx_t = dz_t · Wᵀ
            if (t > from) k.gemm(nb, dz, rt * ldz, ldz, rwTPacked, dhNext, b0 * hidden, hidden, false);
            if (dX != null) k.gemm(nb, dz, rt * ldz, ldz, wTPacked, dX, rt * nIn, nIn, false);
        }
        if (dX != null) {
            for (int t = 0; t < from; t++) Arrays.fill(dX, (t * batch + b0) * nIn, (t * batch + b1) * nIn, 0f);
        }
    }

    /** dRWᵀ, dB and dWᵀ for gates c0..c1-1 over rows r0..r0+n-1. */
    private void weightGradients(int c0, int c1, int r0, int n, float[] dWT, float[] dRWT, float[] dB, int dense, int denseFrom) {
        int width = c1 - c0;
        if (width <= 0) return;
        // dRWᵀ = dzᵀ · [h_{from-1} .. h_{T-2}]: one GEMM over all previous-h rows, dz read transposed in place
        k.gemmTransA(width, hidden, n, dz, r0 * ldz + c0, ldz, hs, r0 * hidden, hidden, dRWT, c0 * hidden, hidden, false);
        Arrays.fill(dB, c0, c1, 0f);
        if (gathered) {
            // Row-major scratch for these gates: one pass over dz for the bias sum and the scatter-add into each
            // one-hot row's row of dW, the few dense inputs by GEMM; then transposed into dWᵀ.
            for (int i = 0; i < nIn; i++) Arrays.fill(dWRows, i * gates + c0, i * gates + c1, 0f);
            for (int r = r0; r < r0 + n; r++) {
                int idx = hotIndex[r];
                if (idx >= 0) k.axpy2(width, hotValue[r], dz, r * ldz + c0, dB, c0, dWRows, idx * gates + c0);
                else k.axpy(width, 1f, dz, r * ldz + c0, dB, c0);
            }
            if (dense > 0) {
                k.gemmTransA(dense, width, n, x, r0 * nIn + denseFrom, nIn, dz, r0 * ldz + c0, ldz, dWRows, denseFrom * gates + c0, gates, false);
            }
            studio.rondo.engine.lstm.NdFloats.transpose(dWRows, c0, gates, dWT, c0 * nIn, nIn, nIn, width);
        } else {
            for (int r = r0; r < r0 + n; r++) k.axpy(width, 1f, dz, r * ldz + c0, dB, c0);
            k.gemmTransA(width, nIn, n, dz, r0 * ldz + c0, ldz, x, r0 * nIn, nIn, dWT, c0 * nIn, nIn, false);
        }
    }

    int steps() { return steps; }

    int batch() { return batch; }

    /** Hidden states [(T+1)·B·H] of the last forward pass (row block 0 = h0). */
    float[] hiddenStates() { return hs; }

    /** Cell states [(T+1)·B·H] of the last forward pass (row block 0 = c0). */
    float[] cellStates() { return cs; }

    /** [rows, cols] row-major to [cols, rows]. */
    private static float[] transpose(float[] src, int rows, int cols, float[] dst) {
        dst = ensure(dst, rows * cols);
        studio.rondo.engine.lstm.NdFloats.transpose(src, 0, cols, dst, 0, rows, rows, cols);
        return dst;
    }

    private static float[] ensure(float[] a, int n) {
        return a != null && a.length >= n ? a : new float[n];
    }

    private static int[] ensureInt(int[] a, int n) {
        return a != null && a.length >= n ? a : new int[n];
    }
}
