package studio.rondo.engine.lstm;

/**
 * A [k, n] right-hand GEMM operand copied once into the layout its {@link Kernels} read fastest, for
 * weights that are multiplied many times per pass (the recurrent weights once per time step).
 * Reusable: {@link Kernels#pack} refills it when it is large enough.
 */
public final class PackedMatrix {
    int k;
    int n;
    float[] data = new float[0];

    PackedMatrix() {
    }
}
