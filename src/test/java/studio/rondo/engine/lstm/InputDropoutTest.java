package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.dropout.AlphaDropout;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

/** The fused LSTM's own dropout: DL4J's inverted dropout, reproducible from the seed whatever the thread count. */
class InputDropoutTest {
    private static final int ROWS = 400, WIDTH = 50;

    private static float[] ones() {
        float[] x = new float[ROWS * WIDTH];
        Arrays.fill(x, 1f);
        return x;
    }

    @Test
    void keepsAboutPAndScalesKeptInputsByOneOverP() {
        Nd4j.getRandom().setSeed(3);
        float[] x = ones();
        InputDropout.apply(x, ROWS, WIDTH, 0.8f, null, KernelPool.create(2));
        int kept = 0;
        for (float v : x) {
            assertTrue(v == 0f || Math.abs(v - 1.25f) < 1e-6, "entries are 0 or 1/p, got " + v);
            if (v != 0f) kept++;
        }
        double share = kept / (double) x.length;
        assertEquals(0.8, share, 0.01, "share kept");
    }

    @Test
    void sameSeedSameMaskWithOneOrThreeThreads() {
        Nd4j.getRandom().setSeed(42);
        float[] a = ones();
        InputDropout.apply(a, ROWS, WIDTH, 0.9f, null, KernelPool.create(1));
        Nd4j.getRandom().setSeed(42);
        float[] b = ones();
        InputDropout.apply(b, ROWS, WIDTH, 0.9f, null, KernelPool.create(3));
        assertArrayEquals(a, b);
        float[] c = ones();
        InputDropout.apply(c, ROWS, WIDTH, 0.9f, null, KernelPool.create(1)); // the generator moved on: a new mask
        assertTrue(!Arrays.equals(a, c), "a second pass draws a new mask");
    }

    @Test
    void backpropMultipliesByTheForwardMask() {
        Nd4j.getRandom().setSeed(5);
        float[] x = ones();
        KernelPool pool = KernelPool.create(2);
        InputDropout mask = InputDropout.apply(x, ROWS, WIDTH, 0.5f, null, pool);
        float[] grad = new float[ROWS * WIDTH];
        for (int i = 0; i < grad.length; i++) grad[i] = i % 7;
        float[] expected = new float[grad.length];
        for (int i = 0; i < grad.length; i++) expected[i] = grad[i] * x[i]; // x = scale, as it started at 1
        mask.backprop(grad, pool);
        assertArrayEquals(expected, grad);
    }

    @Test
    void onlyPlainFixedRateDropoutIsTakenOver() {
        assertEquals(0.9f, InputDropout.keepProbability(new Dropout(0.9)));
        assertEquals(1f, InputDropout.keepProbability(null));
        assertEquals(1f, InputDropout.keepProbability(new Dropout(1.0)));
        assertEquals(1f, InputDropout.keepProbability(new AlphaDropout(0.9)));
        assertEquals(1f, InputDropout.keepProbability(new Dropout(new ExponentialSchedule(ScheduleType.ITERATION, 0.9, 0.99))));
    }
}
