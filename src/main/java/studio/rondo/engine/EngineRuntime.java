package studio.rondo.engine;

import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts the ND4J native backend with the thread count set in code. The environment variable
 * (OMP_NUM_THREADS) cannot be relied on inside installed apps, and on 2-core machines one OpenMP
 * thread trains 2.4x faster than two (see STACK-NOTES), so one thread is the default.
 */
public final class EngineRuntime {
    public static final int DEFAULT_THREADS = 1;
    private static final AtomicInteger THREADS = new AtomicInteger(DEFAULT_THREADS);
    private static volatile String backend;

    private EngineRuntime() {
    }

    /** Sets the thread count; takes full effect when called before {@link #start()}. 0 = default. */
    public static void setThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (default) or more, was " + threads);
        THREADS.set(threads == 0 ? DEFAULT_THREADS : threads);
        if (backend != null) applyThreads();
    }

    public static int threads() {
        return THREADS.get();
    }

    /** Loads the backend (the first call takes ~1-3 s: natives are unpacked and linked). */
    public static synchronized String start() {
        if (backend == null) {
            applyThreads();
            Nd4j.create(1); // forces the backend and BLAS to initialise now, not in the first real use
            applyThreads();
            backend = "ND4J " + Nd4j.getBackend().getClass().getSimpleName().replace("Backend", "").toUpperCase(java.util.Locale.ROOT);
        }
        return describe();
    }

    public static boolean started() {
        return backend != null;
    }

    /** For the status bar and logs: "ND4J Cpu, 1 thread". */
    public static String describe() {
        int n = THREADS.get();
        return (backend != null ? backend : "ND4J (not started)") + ", " + n + (n == 1 ? " thread" : " threads");
    }

    private static void applyThreads() {
        int n = THREADS.get();
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }
}
