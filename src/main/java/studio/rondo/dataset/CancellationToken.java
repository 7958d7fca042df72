package studio.rondo.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * Cooperative cancel for long work (scan, download). The worker polls {@link #isCancelled()} or
 * calls {@link #throwIfCancelled()} between small steps; a blocking step (a network read) can
 * register an action with {@link #onCancel(Runnable)} that unblocks it, so cancel is prompt.
 * Thread-safe: the UI thread cancels, a background thread works.
 */
public final class CancellationToken {
    /** A token that is never cancelled, for callers that do not need to cancel. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    private volatile boolean cancelled;
    private final List<Runnable> actions = new ArrayList<>();

    public void cancel() {
        List<Runnable> toRun;
        synchronized (actions) {
            if (cancelled) return;
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        for (Runnable r : toRun) {
            try {
                r.run();
            } catch (RuntimeException ignored) {
                // an unblocking action that fails must not stop the others
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) throw new CancelledException();
    }

    /** Unregisters an action given to {@link #onCancel}; use it in try-with-resources. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs the action when the token is cancelled (at once if it already is). The returned handle
     * unregisters it, so a finished step does not keep its resources reachable.
     */
    public Registration onCancel(Runnable action) {
        synchronized (actions) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (actions) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }
}
