package studio.rondo.engine.lstm;

import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between Java float arrays and ND4J arrays. Nd4j.create(float[]) and DataBuffer.asFloat()
 * go element by element through an indexer (~4 ns a float, a tenth of a training step for the
 * reference model); a contiguous float array is one memcpy through its native pointer.
 */
public final class NdFloats {
    private NdFloats() {
    }

    /** A new detached c-order FLOAT array holding {@code data[0 .. product(shape))}. */
    public static INDArray create(float[] data, long... shape) {
        return createAt(data, 0, shape);
    }

    /** A new detached c-order FLOAT array holding {@code data[off .. off + product(shape))}. */
    public static INDArray createAt(float[] data, int off, long... shape) {
        INDArray a;
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            a = Nd4j.createUninitialized(DataType.FLOAT, shape, 'c');
        }
        write(data, off, a);
        return a;
    }

    /**
     * Copies {@code src[off ..]} into dst's memory as it lies (its own order), for callers that build the
     * raw layout themselves. dst must be a dense FLOAT array (default strides for its order).
     */
    public static void writeRaw(float[] src, int off, INDArray dst) {
        if (!denseFloat(dst)) throw new IllegalArgumentException("not a dense float array: " + dst.shapeInfoToString());
        if (dst.length() > 0) pointer(dst).put(src, off, (int) dst.length());
    }

    /** All elements in row-major (c) order. */
    public static float[] read(INDArray a) {
        float[] out = new float[(int) a.length()];
        read(a, out);
        return out;
    }

    /** All elements in row-major (c) order into {@code out[0 .. a.length())}. */
    public static void read(INDArray a, float[] out) {
        int n = (int) a.length();
        if (contiguousFloat(a)) {
            if (n > 0) pointer(a).get(out, 0, n);
            return;
        }
        if (a.rank() == 2 && a.ordering() == 'f' && denseFloat(a)) {
            // DL4J keeps weight matrices in f order: fetch the raw columns and transpose here
            int rows = (int) a.size(0), cols = (int) a.size(1);
            float[] raw = new float[n];
            pointer(a).get(raw, 0, n);
            transpose(raw, 0, rows, out, 0, cols, cols, rows);
            return;
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray c = a.castTo(DataType.FLOAT).dup('c');
            pointer(c).get(out, 0, n);
        }
    }

    /** Fills {@code dst} (any order) from {@code src[off ..]} read in dst's row-major (c) element order. */
    public static void write(float[] src, int off, INDArray dst) {
        int n = (int) dst.length();
        if (n == 0) return;
        if (contiguousFloat(dst)) {
            pointer(dst).put(src, off, n);
            return;
        }
        if (dst.rank() == 2 && dst.ordering() == 'f' && denseFloat(dst)) {
            int rows = (int) dst.size(0), cols = (int) dst.size(1);
            float[] raw = new float[n];
            transpose(src, off, cols, raw, 0, rows, rows, cols);
            pointer(dst).put(raw, 0, n);
            return;
        }
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray c = Nd4j.createUninitialized(DataType.FLOAT, dst.shape(), 'c');
            pointer(c).put(src, off, n);
            dst.assign(c);
        }
    }

    /**
     * True when the array is FLOAT and its elements fill {@code length()} consecutive floats in some
     * order of its dimensions (c, f or any permutation, e.g. a permuted view): then
     * {@link #readRaw} fetches them and element (i, j, ..) is at Σ index·stride.
     */
    public static boolean densePermutation(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.isEmpty() || a.data().length() < start(a) + a.length()) return false;
        long[] shape = a.shape(), stride = a.stride();
        java.util.List<Integer> dims = new java.util.ArrayList<>();
        for (int d = 0; d < shape.length; d++) if (shape[d] > 1) dims.add(d);
        dims.sort(java.util.Comparator.comparingLong(d -> stride[d]));
        long expected = 1;
        for (int d : dims) {
            if (stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /** The array's {@code length()} floats as they lie in memory from its offset (see {@link #densePermutation}). */
    public static void readRaw(INDArray a, float[] out) {
        if (!densePermutation(a)) throw new IllegalArgumentException("not a dense float array: " + a.shapeInfoToString());
        pointer(a).get(out, 0, (int) a.length());
    }

    private static final int TILE = 16;

    /**
     * dst[c·dstRow + r] = src[r·srcRow + c] for r < rows, c < cols, in 16x16 tiles so that neither side
     * strides across memory (a plain double loop runs 4-5x slower on 512-float rows).
     */
    public static void transpose(float[] src, int srcOff, int srcRow, float[] dst, int dstOff, int dstRow, int rows, int cols) {
        for (int r0 = 0; r0 < rows; r0 += TILE)
            for (int c0 = 0; c0 < cols; c0 += TILE) {
                int r1 = Math.min(rows, r0 + TILE), c1 = Math.min(cols, c0 + TILE);
                for (int c = c0; c < c1; c++) {
                    int d = dstOff + c * dstRow;
                    for (int r = r0; r < r1; r++) dst[d + r] = src[srcOff + r * srcRow + c];
                }
            }
    }

    /** Whether the elements lie in c order, densely, as floats: then one memcpy moves them. */
    static boolean contiguousFloat(INDArray a) {
        return a.ordering() == 'c' && denseFloat(a);
    }

    /** Floats with the default strides of the array's own order (size-1 dimensions aside), all inside its buffer. */
    private static boolean denseFloat(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.isEmpty() || a.data().length() < start(a) + a.length()) return false;
        long[] shape = a.shape(), stride = a.stride();
        long expected = 1;
        for (int k = 0; k < shape.length; k++) {
            int d = a.ordering() == 'c' ? shape.length - 1 - k : k;
            if (shape[d] == 1) continue;
            if (stride[d] != expected) return false;
            expected *= shape[d];
        }
        return true;
    }

    /**
     * The array's first element within its buffer. A view's buffer (e.g. a layer's slice of the network's
     * parameters) already starts at the view's offset: its address and length are the view's, and
     * offset() repeats the buffer's own offset.
     */
    private static long start(INDArray a) {
        return a.offset() - a.data().offset();
    }

    /** The native address of the array's first element. */
    private static FloatPointer pointer(INDArray a) {
        return new FloatPointer(a.data().addressPointer()).position(start(a));
    }
}
