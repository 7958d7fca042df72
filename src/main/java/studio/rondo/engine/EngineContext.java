package studio.rondo.engine;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.lstm.FusedLstm;
import studio.rondo.engine.lstm.FusedLstmLayer;
import studio.rondo.engine.lstm.FusedRnnOutputLayer;
import studio.rondo.engine.lstm.KernelPool;

/**
 * What the engine's services run with: the threads of the fused LSTM. The studio and the command line
 * use {@link #shared()}, which follows the Preferences and {@code --threads}; a test or a tool that
 * needs two sessions with different threads side by side makes contexts of its own
 * ({@link #withThreads}) and closes them.
 */
public final class EngineContext implements AutoCloseable {
    private static final EngineContext SHARED = new EngineContext(null);

    private final KernelPool pool; // null: the shared pool, resized by EngineRuntime.setThreads

    private EngineContext(KernelPool pool) {
        this.pool = pool;
    }

    /** The application's context. */
    public static EngineContext shared() {
        return SHARED;
    }

    /** A context with threads of its own (0 = all cores, up to 8). */
    public static EngineContext withThreads(int threads) {
        if (threads < 0) throw new IllegalArgumentException("threads must be 0 (default) or more, was " + threads);
        return new EngineContext(KernelPool.create(threads));
    }

    /** Starts the native backend and readies the calling thread (see {@link EngineRuntime#start()}). */
    public String start() {
        EngineRuntime.start();
        return describe();
    }

    /** Sets the threads of the shared context (0 = default); a context with threads of its own keeps them. */
    public void setThreads(int threads) {
        if (pool != null) throw new IllegalStateException("this context has threads of its own; make a new one");
        EngineRuntime.setThreads(threads);
    }

    public int threads() {
        return pool != null ? pool.threads() : EngineRuntime.threads();
    }

    /** For the status bar, About and logs: "ND4J CPU, 2 threads, fused LSTM". */
    public String describe() {
        String base = pool == null ? EngineRuntime.describe()
                : EngineRuntime.describe().replaceFirst(", \\d+ threads?$", "") + ", " + pool.threads() + (pool.threads() == 1 ? " thread" : " threads");
        return base + (FusedLstm.acceleratedHere() ? ", fused LSTM" : ", stock LSTM (slow)");
    }

    /** Which LSTM the networks use, and why: "fused (Vector API, 256 bit)" or the stock one with how to get the fused. */
    public String lstmPath() {
        return FusedLstm.acceleratedHere() ? "fused (" + FusedLstm.kernelName() + ")"
                : "DL4J's stock LSTM, 4-5x slower: start Java with --add-modules jdk.incubator.vector for the fused one";
    }

    /** Makes a network's fused LSTM layers run on this context's threads; returns the network. */
    public ComputationGraph attach(ComputationGraph net) {
        if (pool == null) return net; // layers use the shared pool by default
        for (Layer layer : net.getLayers()) {
            if (layer instanceof FusedLstmLayer fused) fused.usePool(pool);
            if (layer instanceof FusedRnnOutputLayer head) head.usePool(pool);
        }
        return net;
    }

    @Override
    public void close() {
        if (pool != null) pool.close();
    }
}
