package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

class NdFloatsTest {
    private static float[] ramp(int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = i * 0.5f - 3;
        return f;
    }

    @Test
    void createsAndReadsBackInRowMajorOrder() {
        float[] data = ramp(24);
        INDArray a = NdFloats.create(data, 2, 3, 4);
        assertEquals(data[1 * 12 + 2 * 4 + 3], a.getFloat(1, 2, 3));
        assertEquals(data[7], NdFloats.createAt(data, 5, 2, 2).getFloat(1, 0));
        assertArrayEquals(data, NdFloats.read(a));
    }

    @Test
    void readsViewsAtTheirOffsetAndStridedArraysByElementOrder() {
        INDArray big = Nd4j.create(ramp(100), new long[] {100}, 'c');
        INDArray view = big.get(NDArrayIndex.interval(37, 47));
        assertArrayEquals(view.toFloatVector(), NdFloats.read(view));
        INDArray m = Nd4j.create(ramp(60), new long[] {6, 10}, 'c');
        INDArray rows = m.get(new INDArrayIndex[] {NDArrayIndex.interval(2, 5), NDArrayIndex.all()});
        assertArrayEquals(rows.dup('c').data().asFloat(), NdFloats.read(rows));
        INDArray cols = m.get(new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(3, 7)});
        assertArrayEquals(cols.dup('c').data().asFloat(), NdFloats.read(cols));
        INDArray t = m.transpose();
        assertArrayEquals(t.dup('c').data().asFloat(), NdFloats.read(t));
        INDArray f = Nd4j.create(ramp(12), new long[] {3, 4}, 'f');
        assertArrayEquals(f.dup('c').data().asFloat(), NdFloats.read(f));
        INDArray unit = Nd4j.create(ramp(24), new long[] {2, 1, 12}, 'f');
        assertArrayEquals(unit.dup('c').data().asFloat(), NdFloats.read(unit));
        INDArray d = Nd4j.create(new double[] {1, 2, 3});
        assertArrayEquals(new float[] {1, 2, 3}, NdFloats.read(d));
    }

    @Test
    void readsAndWritesParameterViewsInPlace() {
        // as DL4J's parameter views: a row slice of the flat parameters, reshaped to an f-order matrix
        INDArray flat = Nd4j.create(ramp(600), new long[] {1, 600}, 'c');
        INDArray w = flat.get(NDArrayIndex.interval(0, 0, true), NDArrayIndex.interval(100, 100 + 12 * 20)).reshape('f', 12, 20);
        assertTrue(NdFloats.densePermutation(w));
        float[] raw = new float[240];
        NdFloats.readRaw(w, raw);
        assertEquals(ramp(600)[100 + 7], raw[7]);
        assertArrayEquals(w.dup('c').data().asFloat(), NdFloats.read(w));
        NdFloats.writeRaw(new float[240], 0, w);
        assertEquals(ramp(600)[99], flat.getFloat(0, 99));
        assertEquals(0f, flat.getFloat(0, 100));
        assertEquals(0f, flat.getFloat(0, 339));
        assertEquals(ramp(600)[340], flat.getFloat(0, 340));
    }

    @Test
    void writesIntoViewsWithoutTouchingTheirNeighbours() {
        INDArray big = Nd4j.zeros(DataType.FLOAT, 100);
        NdFloats.write(ramp(20), 5, big.get(NDArrayIndex.interval(40, 50)));
        for (int i = 0; i < 100; i++) assertEquals(i >= 40 && i < 50 ? ramp(20)[5 + i - 40] : 0f, big.getFloat(i), "at " + i);
        INDArray m = Nd4j.zeros(DataType.FLOAT, 4, 5);
        NdFloats.write(ramp(8), 0, m.get(new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.interval(1, 3)}));
        assertEquals(ramp(8)[3], m.getFloat(1, 2));
        assertEquals(0f, m.getFloat(1, 3));
        INDArray f = Nd4j.create(DataType.FLOAT, new long[] {2, 3}, 'f');
        NdFloats.write(ramp(6), 0, f);
        assertEquals(ramp(6)[1 * 3 + 2], f.getFloat(1, 2));
    }
}
