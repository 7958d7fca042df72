package studio.rondo.engine.lstm;

/**
 * tanh as a clamped rational function (the 13/6 minimax fit used by Eigen and XLA for float), max
 * error a few float ulps; Math.tanh in the gate loops costs more than the recurrent GEMM. sigmoid is
 * derived exactly from it: sigmoid(x) = 0.5 · tanh(0.5 x) + 0.5.
 */
public final class FastTanh {
    static final float CLAMP = 7.90531110763549805f;
    static final float A1 = 4.89352455891786e-03f;
    static final float A3 = 6.37261928875436e-04f;
    static final float A5 = 1.48572235717979e-05f;
    static final float A7 = 5.12229709037114e-08f;
    static final float A9 = -8.60467152213735e-11f;
    static final float A11 = 2.00018790482477e-13f;
    static final float A13 = -2.76076847742355e-16f;
    static final float B0 = 4.89352518554385e-03f;
    static final float B2 = 2.26843463243900e-03f;
    static final float B4 = 1.18534705686654e-04f;
    static final float B6 = 1.19825839466702e-06f;

    private FastTanh() {
    }

    public static float tanh(float x) {
        float v = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = v * v;
        float p = A13;
        p = p * x2 + A11;
        p = p * x2 + A9;
        p = p * x2 + A7;
        p = p * x2 + A5;
        p = p * x2 + A3;
        p = p * x2 + A1;
        p = p * v;
        float q = B6;
        q = q * x2 + B4;
        q = q * x2 + B2;
        q = q * x2 + B0;
        return p / q;
    }

    public static float sigmoid(float x) {
        return 0.5f * tanh(0.5f * x) + 0.5f;
    }
}
