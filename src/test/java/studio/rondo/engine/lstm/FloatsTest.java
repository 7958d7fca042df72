package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FloatsTest {
    @Test
    void readsEveryLayoutOfABatchIntoTheSameTimeMajorOrder() {
        int b = 5, n = 19, t = 21; // not multiples of the 16-tiles
        INDArray c = Nd4j.rand(DataType.FLOAT, b, n, t);
        INDArray[] layouts = {
                c,
                c.dup('f'),
                c.permute(2, 0, 1).dup('c').permute(1, 2, 0),   // time-major memory [T][B][n]
                c.permute(1, 2, 0).dup('c').permute(2, 0, 1),   // [n][T][B], as the output heads' epsilon
                c.permute(0, 2, 1).dup('c').permute(0, 2, 1),   // [B][T][n]
                c.permute(2, 1, 0).dup('c').permute(2, 1, 0),   // [T][n][B], as the heads' summed epsilon
                c.castTo(DataType.DOUBLE),
        };
        float[] reuse = null;
        for (int l = 0; l < layouts.length; l++) {
            reuse = Floats.timeMajor(layouts[l], reuse);
            for (int e = 0; e < b; e++)
                for (int i = 0; i < n; i++)
                    for (int s = 0; s < t; s++)
                        assertEquals(c.getFloat(e, i, s), reuse[(s * b + e) * n + i], 1e-6f, "layout " + l + " at " + e + "," + i + "," + s);
        }
    }

    @Test
    void activationsAreAViewOverOneCopyOfTheTimeMajorStates() {
        int b = 3, n = 4, t = 5;
        float[] hs = new float[(t + 1) * b * n];
        for (int i = 0; i < hs.length; i++) hs[i] = i;
        INDArray out = Floats.toRecurrentActivations(hs, b * n, t, b, n,
                org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces(), DataType.FLOAT);
        assertEquals(java.util.List.of((long) b, (long) n, (long) t), java.util.Arrays.stream(out.shape()).boxed().toList());
        for (int e = 0; e < b; e++)
            for (int i = 0; i < n; i++)
                for (int s = 0; s < t; s++) assertEquals(hs[b * n + (s * b + e) * n + i], out.getFloat(e, i, s));
    }
}
