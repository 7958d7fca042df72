package studio.rondo.engine.lstm;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies between INDArrays and the flat row-major / time-major float arrays of the fused kernels. */
final class Floats {
    private Floats() {
    }

    /** All elements in row-major (c) order, as float, whatever the array's order, offset or type. */
    static float[] of(INDArray a) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray d = a.castTo(DataType.FLOAT).dup('c');
            return d.data().asFloat();
        }
    }

    /** [B, n, T] to time-major [T][B][n]. */
    static float[] timeMajor(INDArray bnt) {
        return of(bnt.permute(2, 0, 1));
    }

    /** Copies time-major [T][B][n] (from {@code offset}) into {@code out} [B, n, T]. */
    static void fromTimeMajor(float[] src, int offset, int steps, int batch, int n, INDArray out) {
        INDArray tbn = matrix3(src, offset, steps, batch, n);
        out.assign(tbn.permute(1, 2, 0));
    }

    /**
     * Time-major [T][B][n] (from {@code offset}) as a new ACTIVATIONS array of shape [B, n, T] whose memory
     * is f-order [B, T, n]. RnnOutputLayer reshapes its input with permute(0,2,1) + reshape('f', B·T, n);
     * on this layout that is a view, so each output head skips a strided copy of the whole sequence.
     */
    static INDArray toRecurrentActivations(float[] src, int offset, int steps, int batch, int n,
                                           LayerWorkspaceMgr mgr, DataType type) {
        INDArray btn = mgr.createUninitialized(ArrayType.ACTIVATIONS, type, new long[] {batch, steps, n}, 'f');
        int bt = batch * steps;
        float[] f = new float[bt * n];
        for (int t = 0; t < steps; t++)
            for (int b = 0; b < batch; b++) {
                int s = offset + (t * batch + b) * n, d = b + t * batch;
                for (int j = 0; j < n; j++) f[d + j * bt] = src[s + j];
            }
        if (type == DataType.FLOAT) {
            btn.data().setData(f);
        } else {
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                btn.assign(Nd4j.create(f, new long[] {batch, steps, n}, 'f'));
            }
        }
        return btn.permute(0, 2, 1);
    }

    /** A detached [rows, cols] c-order array of {@code src[offset ..]}. */
    static INDArray matrix(float[] src, int offset, int rows, int cols) {
        float[] part = offset == 0 && src.length == rows * cols ? src : java.util.Arrays.copyOfRange(src, offset, offset + rows * cols);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(part, new long[] {rows, cols}, 'c');
        }
    }

    private static INDArray matrix3(float[] src, int offset, int d0, int d1, int d2) {
        float[] part = java.util.Arrays.copyOfRange(src, offset, offset + d0 * d1 * d2);
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(part, new long[] {d0, d1, d2}, 'c');
        }
    }
}
