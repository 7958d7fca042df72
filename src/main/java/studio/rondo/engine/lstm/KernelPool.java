package studio.rondo.engine.lstm;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * The threads the fused LSTM splits its work over (the batch in the recurrence, weight columns in the
 * gradients). A few tasks per layer pass, each milliseconds long, so a plain executor's hand-off cost
 * does not matter. The calling thread runs part 0 itself.
 */
public final class KernelPool {
    private static volatile KernelPool shared = new KernelPool(defaultThreads());

    private final int threads;
    private final ExecutorService workers;

    KernelPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be 1 or more, was " + threads);
        this.threads = threads;
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "rondo-lstm-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** All cores, up to 8: past that a batch of 64 splits too finely to gain. */
    public static int defaultThreads() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** A pool of its own, for an engine context that must not share the app's threads; {@link #close()} it after use. */
    public static KernelPool create(int threads) {
        return new KernelPool(threads == 0 ? defaultThreads() : threads);
    }

    /** Ends the pool's worker threads (passes already running finish). */
    public void close() {
        if (workers != null) workers.shutdown();
    }

    public static KernelPool shared() {
        return shared;
    }

    /** Replaces the shared pool (0 = default); passes already running finish on the old one. */
    public static synchronized void setThreads(int threads) {
        int n = threads == 0 ? defaultThreads() : threads;
        KernelPool old = shared;
        if (old.threads == n) return;
        shared = new KernelPool(n);
        if (old.workers != null) old.workers.shutdown();
    }

    public int threads() {
        return threads;
    }

    /** Runs task(0) .. task(parts - 1), part 0 on this thread, and returns when all have ended. */
    void run(int parts, IntConsumer task) {
        if (parts <= 1 || workers == null) {
            for (int p = 0; p < parts; p++) task.accept(p);
            return;
        }
        Future<?>[] others = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            int part = p;
            others[p - 1] = workers.submit(() -> task.accept(part));
        }
        Throwable failure = null;
        try {
            task.accept(0);
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        // Wait even when interrupted: the parts write into arrays the caller owns.
        boolean interrupted = false;
        for (Future<?> f : others) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    if (failure == null) failure = e.getCause();
                    break;
                }
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error e) throw e;
        if (failure != null) throw new IllegalStateException(failure);
    }
}
