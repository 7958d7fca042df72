package studio.rondo.ui.common;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Runs tasks one after another, in the order given, on a shared executor: work on one model (say,
 * reopening a corpus and then adding a folder to it) never overlaps or reorders.
 */
public final class SerialExecutor implements Executor {
    private final Executor delegate;
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private Runnable active;

    public SerialExecutor(Executor delegate) {
        this.delegate = delegate;
    }

    @Override
    public synchronized void execute(Runnable task) {
        queue.add(() -> {
            try {
                task.run();
            } finally {
                next();
            }
        });
        if (active == null) next();
    }

    private synchronized void next() {
        active = queue.poll();
        if (active != null) delegate.execute(active);
    }
}
