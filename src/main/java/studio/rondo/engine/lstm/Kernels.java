package studio.rondo.engine.lstm;

/**
 * The few dense float kernels the fused LSTM and the step kernel need, over flat row-major arrays.
 * Two implementations: {@link ScalarKernels} (plain Java, always available) and VectorKernels (JDK
 * Vector API, ~4x faster here), which is only loaded when the jdk.incubator.vector module is in the
 * boot layer, so the app still runs when it is not.
 */
public interface Kernels {
    /** C[m,n] = (accumulate ? C : 0) + A[m,k] · B[k,n]; row-major with leading dimensions. */
    void gemm(int m, int n, int k,
              float[] a, int aOff, int lda,
              float[] b, int bOff, int ldb,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** C[m,n] = (accumulate ? C : 0) + Aᵀ · B, A stored [k,m] row-major (leading dimension lda): no transposed copy. */
    void gemmTransA(int m, int n, int k,
                    float[] a, int aOff, int lda,
                    float[] b, int bOff, int ldb,
                    float[] c, int cOff, int ldc, boolean accumulate);

    /** y1[y1Off..+n) += x[xOff..+n) and y2[y2Off..+n) += alpha · x[xOff..+n), x read once. */
    default void axpy2(int n, float alpha, float[] x, int xOff, float[] y1, int y1Off, float[] y2, int y2Off) {
        axpy(n, 1f, x, xOff, y1, y1Off);
        axpy(n, alpha, x, xOff, y2, y2Off);
    }

    /**
     * Copies B [k,n] (row-major, leading dimension ldb) into {@code reuse} (or a new matrix when null) in
     * the layout {@link #gemm(int, float[], int, int, PackedMatrix, float[], int, int, boolean)} reads.
     * This default keeps it row-major.
     */
    default PackedMatrix pack(int k, int n, float[] b, int bOff, int ldb, PackedMatrix reuse) {
        PackedMatrix p = reuse != null ? reuse : new PackedMatrix();
        if (p.data.length < k * n) p.data = new float[k * n];
        p.k = k;
        p.n = n;
        for (int r = 0; r < k; r++) System.arraycopy(b, bOff + r * ldb, p.data, r * n, n);
        return p;
    }

    /** As {@link #pack}, from Bᵀ [n,k] row-major (leading dimension ldbT). */
    default PackedMatrix packTransposed(int k, int n, float[] bT, int bTOff, int ldbT, PackedMatrix reuse) {
        float[][] holder = Holder.TRANSPOSE_SCRATCH.get();
        if (holder[0].length < k * n) holder[0] = new float[k * n];
        studio.rondo.engine.lstm.NdFloats.transpose(bT, bTOff, ldbT, holder[0], 0, n, n, k);
        return pack(k, n, holder[0], 0, n, reuse);
    }

    /** C[m,n] = (accumulate ? C : 0) + A[m,k] · B, B packed by {@link #pack} of this same object. */
    default void gemm(int m, float[] a, int aOff, int lda, PackedMatrix b, float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(m, b.n, b.k, a, aOff, lda, b.data, 0, b.n, c, cOff, ldc, accumulate);
    }

    /**
     * z[n] += x[k] · W[k,n] (row-major W), skipping zero entries of x: a one-hot x costs one row lookup.
     * For batch-1 stepping, where z stays in registers across all k rows.
     */
    void vecMat(int k, int n, float[] x, int xOff, float[] w, int wOff, float[] z, int zOff);

    /** y[yOff..yOff+n) += alpha · x[xOff..xOff+n). */
    void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

    /**
     * LSTM cell for one row of gates laid out as DL4J's [block input | forget | output | input gate],
     * each {@code h} wide. Activates the gates in place (tanh, sigmoid, sigmoid, sigmoid), writes the
     * new cell state, tanh(cell) and hidden output. {@code cPrev} may alias {@code cOut}.
     */
    void lstmCell(int h, float[] z, int zOff, float[] cPrev, int cPrevOff,
                  float[] cOut, int cOutOff, float[] tanhC, int tanhCOff, float[] hOut, int hOutOff);

    /**
     * Backward of {@link #lstmCell} for one row (mask value m): from the activated gates z, tanh(c), the
     * previous cell and dL/dh (dOut + dhNext), writes the pre-activation gate gradients dz and replaces
     * dcNext (dL/dc_t on entry) by dL/dc_{t-1}.
     */
    void lstmCellBackward(int h, float m, float[] z, int zOff, float[] tanhC, int tcOff, float[] cPrev, int cpOff,
                          float[] dOut, int dOutOff, float[] dhNext, float[] dcNext, int nextOff, float[] dz, int dzOff);

    String name();

    /**
     * This core's peak single-precision GFLOP/s for these kernels, measured with a register-only FMA
     * loop for about {@code millis} ms: the ceiling achieved GEMM and training speeds are compared with.
     */
    double measurePeakGflops(long millis);

    /** One core's peak GFLOP/s for the best kernels: the best of three 300 ms measurements, made once per process. */
    static double peakGflops() {
        return Peak.GFLOPS;
    }

    /** Vector API kernels when the module is present (and -Drondo.lstm.vector=false is not set), else scalar. */
    static Kernels best() {
        return Holder.BEST;
    }

    static Kernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** True when the incubating Vector API module was resolved at JVM start (--add-modules jdk.incubator.vector). */
    static boolean vectorApiPresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The Vector API kernels, or empty when the module is absent. */
    static java.util.Optional<Kernels> vector() {
        return Holder.VECTOR;
    }

    final class Holder {
        private static final java.util.Optional<Kernels> VECTOR = loadVector();
        private static final ThreadLocal<float[][]> TRANSPOSE_SCRATCH = ThreadLocal.withInitial(() -> new float[1][0]);
        private static final Kernels BEST = !"false".equals(System.getProperty("rondo.lstm.vector"))
                ? VECTOR.orElse(ScalarKernels.INSTANCE) : ScalarKernels.INSTANCE;

        private Holder() {
        }

        // Reflection so that no class referring to jdk.incubator.vector is linked unless the module is there.
        private static java.util.Optional<Kernels> loadVector() {
            if (!vectorApiPresent()) return java.util.Optional.empty();
            try {
                Class<?> c = Class.forName("studio.rondo.engine.lstm.VectorKernels");
                return java.util.Optional.of((Kernels) c.getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError e) {
                return java.util.Optional.empty();
            }
        }
    }

    /** Measured on first use only: it takes about a second. */
    final class Peak {
        private static final double GFLOPS = measure();

        private Peak() {
        }

        private static double measure() {
            double best = 0;
            for (int i = 0; i < 3; i++) best = Math.max(best, best().measurePeakGflops(300));
            return best;
        }
    }
}
