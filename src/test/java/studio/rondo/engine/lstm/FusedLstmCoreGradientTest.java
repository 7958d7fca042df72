package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Finite-difference check of the core's backward on a tiny LSTM (float, central differences), with a
 * one-hot prefix, an initial state and a mask, for both kernels. Loss = Σ r·h over all steps.
 */
class FusedLstmCoreGradientTest {
    private static final int N_IN = 5, H = 18, T = 6, B = 3, HOT = 3; // H: one full vector (AVX-512) + a tail

    @Test
    void backwardMatchesFiniteDifferences() {
        check(Kernels.scalar());
        Kernels.vector().ifPresent(FusedLstmCoreGradientTest::check);
    }

    private static void check(Kernels kernels) {
        Random rnd = new Random(3);
        float[] w = scaled(KernelsTest.random(rnd, N_IN * 4 * H), 0.5f);
        float[] rw = scaled(KernelsTest.random(rnd, H * 4 * H), 0.5f);
        float[] b = scaled(KernelsTest.random(rnd, 4 * H), 0.5f);
        float[] x = new float[T * B * N_IN];
        for (int r = 0; r < T * B; r++) {
            if (r % 4 != 3) x[r * N_IN + rnd.nextInt(HOT)] = 1f; // some rows with no hot entry
            for (int i = HOT; i < N_IN; i++) x[r * N_IN + i] = (float) rnd.nextGaussian();
        }
        float[] h0 = scaled(KernelsTest.random(rnd, B * H), 0.5f), c0 = scaled(KernelsTest.random(rnd, B * H), 0.5f);
        float[] mask = new float[T * B];
        java.util.Arrays.fill(mask, 1f);
        mask[(T - 1) * B + 1] = 0f; // example 1 ends one step early
        mask[(T - 2) * B + 1] = 0f;
        float[] r = KernelsTest.random(rnd, T * B * H);

        FusedLstmCore core = new FusedLstmCore(N_IN, H, HOT, kernels);
        core.setWeights(w, rw, b);
        core.forward(x, T, B, h0, c0, mask);
        float[] dW = new float[w.length], dRW = new float[rw.length], dB = new float[b.length], dX = new float[x.length];
        core.backward(r, 0, dW, dRW, dB, dX);
        dW = rowMajor(dW, N_IN, 4 * H); // the core writes weight gradients transposed, as DL4J stores them
        dRW = rowMajor(dRW, H, 4 * H);

        // setWeights copies (into DL4J's transposed layout), so each evaluation sets the perturbed weights again
        java.util.function.DoubleSupplier loss = () -> {
            core.setWeights(w, rw, b);
            return loss(core, x, h0, c0, mask, r);
        };
        compare("W", w, dW, loss);
        compare("RW", rw, dRW, loss);
        compare("b", b, dB, loss);
        // input gradient on the dense columns (the one-hot ones are data, but their gradient is defined too)
        compare("x", x, dX, loss);
    }

    /** [cols, rows] row-major back to [rows, cols]. */
    static float[] rowMajor(float[] transposed, int rows, int cols) {
        float[] out = new float[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) out[i * cols + j] = transposed[j * rows + i];
        return out;
    }

    private static double loss(FusedLstmCore core, float[] x, float[] h0, float[] c0, float[] mask, float[] r) {
        float[] hs = core.forward(x, T, B, h0, c0, mask);
        double sum = 0;
        for (int i = 0; i < r.length; i++) sum += (double) r[i] * hs[B * H + i];
        return sum;
    }

    /**
     * Float central differences carry ~1e-4 absolute noise here, so the check is |numeric - analytic| within
     * 1e-3 of the largest gradient plus 1% of the entry: a wrong term in the backward formulas is far outside.
     */
    private static void compare(String name, float[] param, float[] grad, java.util.function.DoubleSupplier loss) {
        float eps = 1e-2f;
        double scale = 0;
        for (float g : grad) scale = Math.max(scale, Math.abs(g));
        double worst = 0;
        for (int i = 0; i < param.length; i++) {
            float keep = param[i];
            param[i] = keep + eps;
            double up = loss.getAsDouble();
            param[i] = keep - eps;
            double down = loss.getAsDouble();
            param[i] = keep;
            double numeric = (up - down) / (2 * eps);
            worst = Math.max(worst, Math.abs(numeric - grad[i]) / (1e-3 * scale + 1e-2 * Math.abs(numeric)));
        }
        assertTrue(scale > 1e-3, name + ": gradient is all but zero");
        assertTrue(worst < 1, name + ": worst error " + worst + " of the tolerance (largest |gradient| " + scale + ")");
    }

    private static float[] scaled(float[] a, float s) {
        for (int i = 0; i < a.length; i++) a[i] *= s;
        return a;
    }
}
