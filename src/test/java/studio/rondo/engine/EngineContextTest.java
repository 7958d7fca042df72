package studio.rondo.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.api.Test;
import studio.rondo.engine.lstm.FusedLstm;
import studio.rondo.engine.lstm.FusedLstmLayer;
import studio.rondo.engine.lstm.KernelPool;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.train.CorpusSplit;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.engine.train.TrainingSession;
import studio.rondo.music.Piece;

class EngineContextTest {
    private static final List<Piece> CORPUS = TestCorpus.pieces(4, 60, 5);

    @Test
    void twoSessionsWithDifferentThreadsRunSideBySideAndAgree() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FusedLstm.acceleratedHere(), "the fused LSTM needs --add-modules jdk.incubator.vector");
        TrainingConfig plan = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 1)
                .withHyperparameters(TestCorpus.tiny(Presets.PITCH_STEP_DURATION).toBuilder().dropout(0).transpose(0).build())
                .withPatience(0).withMaxBatches(6);
        CorpusSplit split = CorpusSplit.of(CORPUS, 0.25, 1);
        int sharedThreads = KernelPool.shared().threads();
        try (EngineContext one = EngineContext.withThreads(1); EngineContext three = EngineContext.withThreads(3)) {
            assertEquals(1, one.threads());
            assertEquals(3, three.threads());
            CompletableFuture<TrainingResult> a = CompletableFuture.supplyAsync(() -> train(plan, split, one));
            CompletableFuture<TrainingResult> b = CompletableFuture.supplyAsync(() -> train(plan, split, three));
            TrainingResult ra = a.get(), rb = b.get();
            assertPool(ra, 1);
            assertPool(rb, 3);
            assertEquals(sharedThreads, KernelPool.shared().threads(), "the app's shared pool is left as it was");
            // The fused core is bit-identical whatever the split over threads: same seed, same weights.
            assertArrayEquals(ra.network().params().toFloatVector(), rb.network().params().toFloatVector());
        }
    }

    private static TrainingResult train(TrainingConfig plan, CorpusSplit split, EngineContext engine) {
        try {
            return new TrainingSession(plan, split, engine).run(null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertPool(TrainingResult r, int threads) {
        int fused = 0;
        for (Layer layer : r.network().getLayers()) {
            if (layer instanceof FusedLstmLayer f) {
                assertEquals(threads, f.pool().threads());
                fused++;
            }
        }
        assertTrue(fused > 0, "the network has fused LSTM layers");
    }

    @Test
    void theSharedContextFollowsTheRuntimeThreadSetting() {
        assertSame(EngineContext.shared(), EngineContext.shared());
        assertEquals(EngineRuntime.threads(), EngineContext.shared().threads());
    }
}
