package studio.rondo.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import studio.rondo.engine.lstm.KernelPool;

/**
 * Starts the ND4J native backend and sets the engine's threads in code (environment variables such as
 * OMP_NUM_THREADS cannot be relied on inside installed apps).
 *
 * <p>The thread count is for the fused LSTM, where the time goes: it splits each batch over that many
 * threads (default: all cores, up to 8). ND4J's own ops (output heads, updater) always get one OpenMP
 * thread: they are small, and idle OpenMP workers spin on a core the LSTM threads need (on 2 cores an
 * extra OpenMP thread cost 17% of training speed, and two OpenMP threads alone trained 2.4x slower).
 */
public final class EngineRuntime {
    private static final int ND4J_THREADS = 1;
    private static final AtomicInteger THREADS = new AtomicInteger(KernelPool.defaultThreads());
    private static volatile String backend;

    private EngineRuntime() {
    }

    /** Sets the thread count; takes full effect when called before {@link #start()}. 0 = default. */
    public static void setThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (default) or more, was " + threads);
        THREADS.set(threads == 0 ? KernelPool.defaultThreads() : threads);
        KernelPool.setThreads(THREADS.get());
        if (backend != null) applyThreads();
    }

    public static int threads() {
        return THREADS.get();
    }

    /**
     * Loads the backend (the first call takes ~1-3 s: natives are unpacked and linked) and applies the
     * thread settings to the calling thread: OpenMP's thread count is kept per thread, so every thread
     * that trains or generates calls this first (cheap once started).
     */
    public static synchronized String start() {
        if (backend == null) {
            applyThreads();
            Nd4j.create(1); // forces the backend and BLAS to initialise now, not in the first real use
            backend = "ND4J " + Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "").toUpperCase(java.util.Locale.ROOT);
        }
        applyThreads();
        return describe();
    }

    public static boolean started() {
        return backend != null;
    }

    /** For the status bar and logs: "ND4J CPU, 2 threads". */
    public static String describe() {
        int n = THREADS.get();
        return (backend != null ? backend : "ND4J (not started)") + ", " + n + (n == 1 ? " thread" : " threads");
    }

    private static void applyThreads() {
        Nd4j.getEnvironment().setMaxThreads(ND4J_THREADS);
        Nd4j.getEnvironment().setMaxMasterThreads(ND4J_THREADS);
        Nd4j.factory().blas().setMaxThreads(ND4J_THREADS);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(ND4J_THREADS);
    }
}
