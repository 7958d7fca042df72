package studio.rondo.ui.common;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Long work of a workspace, off the UI thread: the work reports progress and a message and sees
 * cancellation; the handlers (success, failure, cancelled, finished, progress, message) run on the
 * UI executor. Progress and messages are coalesced, so a busy worker never floods the UI thread.
 *
 * <p>No JavaFX in here: the window passes {@code Platform::runLater} as the UI executor, tests pass
 * {@code Runnable::run} or a queue they drain (in the spirit of JabRef's {@code BackgroundTask}).
 *
 * <pre>
 *   BackgroundTask.of(p -> engine.work(p::progress))
 *       .onSuccess(this::show).onFailure(e -> status.set(e.getMessage()))
 *       .start(worker, Platform::runLater);
 * </pre>
 */
public final class BackgroundTask<T> {

    /** The work: returns its result, reports through {@code progress}; throws to fail. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** What the work sees of its task. */
    public interface Progress {
        /** Fraction done in [0, 1], or negative when unknown. */
        void progress(double fraction);

        void message(String text);

        boolean cancelled();

        /** Throws {@link CancellationException} when the task was cancelled: a place for the work to stop. */
        default void checkCancelled() {
            if (cancelled()) throw new CancellationException();
        }
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<? super Exception> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable onFinished = () -> { };
    private DoubleConsumer onProgress = p -> { };
    private Consumer<String> onMessage = m -> { };
    private Runnable onCancelRequested = () -> { };

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<Double> pendingProgress = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private final AtomicBoolean updatePosted = new AtomicBoolean();
    private volatile boolean done;
    private Executor ui;

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    // Handlers (all run on the UI executor)

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) { onSuccess = handler; return this; }
    public BackgroundTask<T> onFailure(Consumer<? super Exception> handler) { onFailure = handler; return this; }
    /** The work ended by cancellation (it threw {@link CancellationException} or returned after {@link #cancel()}). */
    public BackgroundTask<T> onCancelled(Runnable handler) { onCancelled = handler; return this; }
    /** After success, failure or cancellation. */
    public BackgroundTask<T> onFinished(Runnable handler) { onFinished = handler; return this; }
    public BackgroundTask<T> onProgress(DoubleConsumer handler) { onProgress = handler; return this; }
    public BackgroundTask<T> onMessage(Consumer<String> handler) { onMessage = handler; return this; }
    /** Called on the caller's thread by {@link #cancel()}: to pass the request on to an engine object. */
    public BackgroundTask<T> onCancelRequested(Runnable action) { onCancelRequested = action; return this; }

    // Commands

    /** Runs the work on {@code worker}; handlers run on {@code ui}. Once only. */
    public BackgroundTask<T> start(Executor worker, Executor ui) {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("a task runs once");
        this.ui = Objects.requireNonNull(ui);
        worker.execute(this::runWork);
        return this;
    }

    /** Asks the work to stop; it decides where (see {@link Progress#cancelled()}). */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) onCancelRequested.run();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public boolean isDone() {
        return done;
    }

    // ---- internals

    private void runWork() {
        T result;
        try {
            result = work.call(new Reporter());
        } catch (CancellationException e) {
            finish(() -> onCancelled.run());
            return;
        } catch (Exception e) {
            if (cancelled.get() && e instanceof InterruptedException) {
                finish(() -> onCancelled.run());
            } else {
                finish(() -> onFailure.accept(e));
            }
            return;
        } catch (Error e) {
            // Out of memory and the like: still a message for the user, never a silent dead task.
            finish(() -> onFailure.accept(new RuntimeException(e.toString(), e)));
            throw e;
        }
        T value = result;
        finish(() -> onSuccess.accept(value));
    }

    private void finish(Runnable handler) {
        ui.execute(() -> {
            deliverUpdates();
            done = true;
            try {
                handler.run();
            } finally {
                onFinished.run();
            }
        });
    }

    private void postUpdate() {
        if (updatePosted.compareAndSet(false, true)) ui.execute(this::deliverUpdates);
    }

    private void deliverUpdates() {
        updatePosted.set(false);
        Double p = pendingProgress.getAndSet(null);
        String m = pendingMessage.getAndSet(null);
        if (p != null) onProgress.accept(p);
        if (m != null) onMessage.accept(m);
    }

    private final class Reporter implements Progress {
        @Override
        public void progress(double fraction) {
            pendingProgress.set(fraction < 0 ? -1.0 : Math.min(1, fraction));
            postUpdate();
        }

        @Override
        public void message(String text) {
            pendingMessage.set(text);
            postUpdate();
        }

        @Override
        public boolean cancelled() {
            return cancelled.get();
        }
    }
}
