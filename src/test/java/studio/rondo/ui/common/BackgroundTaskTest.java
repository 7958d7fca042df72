package studio.rondo.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Without JavaFX: the worker runs inline and the "UI thread" is a queue the test drains. */
class BackgroundTaskTest {
    private final Queue<Runnable> uiQueue = new ArrayDeque<>();
    private final Executor ui = uiQueue::add;
    private final Executor inline = Runnable::run;
    private final List<String> events = new ArrayList<>();

    private void drainUi() {
        Runnable r;
        while ((r = uiQueue.poll()) != null) r.run();
    }

    @Test
    void deliversTheResultAndThenFinishedOnTheUiExecutorOnly() {
        BackgroundTask.of(p -> 42).onSuccess(v -> events.add("success " + v)).onFailure(e -> events.add("failure"))
                .onFinished(() -> events.add("finished")).start(inline, ui);
        assertTrue(events.isEmpty(), "nothing runs on the worker's side");
        drainUi();
        assertEquals(List.of("success 42", "finished"), events);
    }

    @Test
    void reportsAFailureWithTheExceptionsMessage() {
        BackgroundTask.of(p -> { throw new java.io.IOException("disk full"); })
                .onSuccess(v -> events.add("success")).onFailure(e -> events.add("failure: " + e.getMessage()))
                .onFinished(() -> events.add("finished")).start(inline, ui);
        drainUi();
        assertEquals(List.of("failure: disk full", "finished"), events);
    }

    @Test
    void coalescesProgressSoTheUiSeesTheLatestValueOnce() {
        BackgroundTask.of(p -> {
            for (int i = 1; i <= 1000; i++) p.progress(i / 1000.0);
            p.message("done reading");
            return null;
        }).onProgress(v -> events.add("progress " + v)).onMessage(m -> events.add("message " + m)).start(inline, ui);
        assertEquals(2, uiQueue.size(), "one update in flight plus the ending, not a thousand");
        drainUi();
        assertEquals(List.of("progress 1.0", "message done reading"), events);
    }

    @Test
    void cancelReachesTheWorkAndEndsAsCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        List<String> requested = new ArrayList<>();
        Thread[] worker = new Thread[1];
        BackgroundTask<Integer> task = BackgroundTask.<Integer>of(p -> {
            started.countDown();
            while (true) {
                p.checkCancelled();
                Thread.onSpinWait();
            }
        }).onSuccess(v -> events.add("success")).onCancelled(() -> events.add("cancelled")).onFinished(() -> events.add("finished"))
                .onCancelRequested(() -> requested.add("engine asked to stop"));
        task.start(r -> { worker[0] = new Thread(r); worker[0].start(); }, ui);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertFalse(task.isCancelled());
        task.cancel();
        task.cancel(); // twice: asked once
        worker[0].join(10_000);
        assertFalse(worker[0].isAlive());
        drainUi();
        assertEquals(List.of("engine asked to stop"), requested);
        assertEquals(List.of("cancelled", "finished"), events);
        assertTrue(task.isDone());
    }
}
