package studio.rondo.engine.lstm;

import java.util.Arrays;

/**
 * One LSTM layer stepped at batch 1 over its own h and c, without ND4J: the building block of
 * {@link LstmStepKernel} (a chain) and of the generation graph stepper (layers in parallel branches).
 * Input entries that are zero are skipped, so a one-hot input is a row lookup. Not thread-safe.
 */
public final class LstmLayerStep {
    private final LstmWeights weights;
    private final Kernels k;
    private final float[] h, c, z;

    public LstmLayerStep(LstmWeights weights, Kernels kernels) {
        this.weights = weights;
        this.k = kernels;
        h = new float[weights.hidden()];
        c = new float[weights.hidden()];
        z = new float[4 * weights.hidden()];
    }

    /** One time step from {@code x[xOff .. xOff + nIn)}; returns the new h (internal array, valid until the next step). */
    public float[] step(float[] x, int xOff) {
        LstmWeights l = weights;
        int gates = 4 * l.hidden();
        System.arraycopy(l.b(), 0, z, 0, gates);
        k.vecMat(l.nIn(), gates, x, xOff, l.w(), 0, z, 0);
        k.vecMat(l.hidden(), gates, h, 0, l.rw(), 0, z, 0);
        k.lstmCell(l.hidden(), z, 0, c, 0, c, 0, null, 0, h, 0);
        return h;
    }

    /** Zero state, as after rnnClearPreviousState(). */
    public void reset() {
        Arrays.fill(h, 0f);
        Arrays.fill(c, 0f);
    }

    /** Copy of the hidden state. */
    public float[] hidden() {
        return h.clone();
    }

    /** Copy of the cell state. */
    public float[] cell() {
        return c.clone();
    }

    public LstmWeights weights() {
        return weights;
    }

    public int units() {
        return weights.hidden();
    }
}
