package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Splitting the batch over threads (and the weight gradients over gate columns) must not change a
 * single bit: every output row and gradient entry is summed in the same order on one thread or three.
 */
class FusedLstmCoreThreadsTest {
    private static final int H = 70, T = 7, B = 29; // 29 examples: uneven parts; H: 4H = 280 columns, a tail

    @Test
    void threeThreadsGiveBitIdenticalOutputsAndGradients() {
        KernelPool one = new KernelPool(1), three = new KernelPool(3);
        for (Kernels k : KernelsTest.kernels()) {
            for (boolean oneHot : new boolean[] {true, false}) {
                int nIn = oneHot ? 12 : 9, hot = oneHot ? 10 : 0;
                for (int firstStep : new int[] {0, 3}) {
                    float[][] a = run(k, one, nIn, hot, firstStep), b = run(k, three, nIn, hot, firstStep);
                    String what = k.name() + (oneHot ? " one-hot" : " dense") + " tbptt from " + firstStep;
                    for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], what + ", array " + i);
                }
            }
        }
    }

    private static float[][] run(Kernels k, KernelPool pool, int nIn, int hot, int firstStep) {
        Random rnd = new Random(11);
        float[] w = KernelsTest.random(rnd, nIn * 4 * H), rw = KernelsTest.random(rnd, H * 4 * H), b = KernelsTest.random(rnd, 4 * H);
        float[] x = new float[T * B * nIn];
        for (int r = 0; r < T * B; r++) {
            if (hot > 0 && r % 5 != 4) x[r * nIn + rnd.nextInt(hot)] = 1f;
            for (int i = hot; i < nIn; i++) x[r * nIn + i] = (float) rnd.nextGaussian();
        }
        float[] mask = new float[T * B];
        Arrays.fill(mask, 1f);
        for (int e = 0; e < B; e += 4) mask[(T - 1) * B + e] = 0f;
        float[] h0 = KernelsTest.random(rnd, B * H), c0 = KernelsTest.random(rnd, B * H), dOut = KernelsTest.random(rnd, T * B * H);

        FusedLstmCore core = new FusedLstmCore(nIn, H, hot, k, pool);
        core.setWeights(w, rw, b);
        float[] hs = core.forward(x, T, B, h0, c0, mask).clone();
        float[] dW = new float[w.length], dRW = new float[rw.length], dB = new float[b.length], dX = new float[x.length];
        Arrays.fill(dX, 9f); // must be overwritten, including the steps before firstStep
        core.backward(dOut, firstStep, dW, dRW, dB, dX);
        return new float[][] {hs, core.cellStates().clone(), dW, dRW, dB, dX};
    }
}
