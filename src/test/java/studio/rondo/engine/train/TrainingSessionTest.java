package studio.rondo.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.music.Piece;

class TrainingSessionTest {
    private static final List<Piece> CORPUS = TestCorpus.pieces(6, 60, 11);

    private static TrainingConfig plan(Path dir, int epochs) {
        return TrainingConfig.of(Presets.TF_TUTORIAL, epochs).withHyperparameters(TestCorpus.tiny(Presets.TF_TUTORIAL))
                .withSplit(0.34, 3).withPatience(0).withFiles(dir.resolve("run.zip"), null, null);
    }

    /** Stops the session at a given minibatch of its first run. */
    private static final class StopAt implements TrainingListener {
        final TrainingSession session;
        final long iteration;
        final List<Iteration> seen = new ArrayList<>();
        final List<Epoch> epochs = new ArrayList<>();

        StopAt(TrainingSession session, long iteration) {
            this.session = session;
            this.iteration = iteration;
        }

        @Override
        public void onIteration(Iteration i) {
            seen.add(i);
            if (i.iteration() == iteration) session.stop();
        }

        @Override
        public void onEpoch(Epoch e) {
            epochs.add(e);
        }
    }

    @Test
    void continueAfterStopGoesOnFromTheCheckpointWithTheSameSplit(@TempDir Path dir) throws Exception {
        TrainingSession session = TrainingSession.onCorpus(plan(dir, 4), CORPUS);
        assertEquals(TrainingSession.State.NEW, session.state());
        // Run through the first epoch; Stop as it ends.
        List<Piece> validation = session.split().validation();
        List<TrainingListener.Iteration> seen = new ArrayList<>();
        TrainingResult firstRun = session.run(new TrainingListener() {
            @Override
            public void onIteration(Iteration i) {
                seen.add(i);
            }

            @Override
            public void onEpoch(Epoch e) {
                if (e.metrics().epoch() == 1) session.stop();
            }
        });
        assertTrue(firstRun.cancelled());
        assertEquals(TrainingSession.State.STOPPED, session.state());
        assertFalse(Files.exists(dir.resolve("run.zip")), "a stopped run writes only its checkpoint");
        int epochsBefore = firstRun.info().history().size();
        assertEquals(1, epochsBefore);
        double lastLoss = seen.get(seen.size() - 1).loss();
        long lastIteration = seen.get(seen.size() - 1).iteration();

        StopAt second = new StopAt(session, Long.MAX_VALUE);
        TrainingResult secondRun = session.run(second);
        assertEquals(TrainingSession.State.FINISHED, session.state());
        assertEquals(epochsBefore + 1, second.epochs.get(0).metrics().epoch(), "epoch numbers go on");
        assertEquals(lastIteration + 1, second.seen.get(0).iteration(), "minibatch count goes on");
        // Adam's state came back with the weights: the first loss is near the last, not a fresh network's.
        double freshLoss = new Trainer(plan(dir.resolve("fresh"), 1).withMaxBatches(1).withFiles(null, null, null), null)
                .train(session.split()).info().history().get(0).trainLoss();
        assertTrue(Math.abs(second.seen.get(0).loss() - lastLoss) < Math.abs(freshLoss - lastLoss) + 1e-9,
                "continued loss " + second.seen.get(0).loss() + " near the last " + lastLoss + ", not a fresh " + freshLoss);
        assertEquals(4, secondRun.info().history().size());
        assertEquals(validation.stream().map(Piece::name).toList(), secondRun.info().corpus().validationPieces());
        assertEquals(List.of(1, 2, 3, 4), secondRun.info().history().stream().map(EpochMetrics::epoch).toList());
        assertTrue(Files.exists(dir.resolve("run.zip")));
    }

    @Test
    void aFinishedModelTrainsFurtherForMoreEpochs(@TempDir Path dir) throws Exception {
        TrainingSession session = TrainingSession.onCorpus(plan(dir, 2).withMaxBatches(3), CORPUS);
        session.run(null);
        assertEquals(TrainingSession.State.FINISHED, session.state());
        assertThrows(IllegalStateException.class, () -> session.run(null), "a finished run is trained further, not rerun");
        TrainingResult further = session.trainFurther(2, null);
        assertEquals(List.of(1, 2, 3, 4), further.info().history().stream().map(EpochMetrics::epoch).toList());
        assertEquals(4, ModelStore.readInfo(dir.resolve("run.zip")).history().size());
    }

    @Test
    void aStopBeforeTheRunBeginsStopsItAtOnceWithACheckpoint(@TempDir Path dir) throws Exception {
        TrainingSession session = TrainingSession.onCorpus(plan(dir, 3), CORPUS);
        session.stop();
        TrainingResult r = session.run(null);
        assertTrue(r.cancelled());
        assertEquals(0, r.info().progress().iterations());
        assertEquals(TrainingSession.State.STOPPED, session.state());
    }

    @Test
    void aContinuedModelKeepsTheSplitItWasTrainedWithWhateverTheSeedSays(@TempDir Path dir) throws Exception {
        TrainingSession session = TrainingSession.onCorpus(plan(dir, 1).withMaxBatches(2), CORPUS);
        session.run(null);
        List<String> trainedOn = session.split().validation().stream().map(Piece::name).toList();
        // Another seed would split otherwise; the stored validation pieces win.
        TrainingConfig again = plan(dir, 2).withSplit(0.34, 999).withFiles(dir.resolve("run.zip"), null, dir.resolve("run.zip"));
        CorpusSplit split = TrainingSession.splitFor(again, CORPUS);
        assertEquals(trainedOn, split.validation().stream().map(Piece::name).toList());
        assertArrayEquals(new int[] {CORPUS.size() - trainedOn.size()}, new int[] {split.train().size()});
    }

    @Test
    void restoresASplitByItsValidationNamesWhateverOrderThePiecesCameIn() {
        List<Piece> reversed = new ArrayList<>(CORPUS);
        java.util.Collections.reverse(reversed);
        CorpusSplit split = CorpusSplit.restore(reversed, List.of("piece-2", "piece-0")).orElseThrow();
        assertEquals(List.of("piece-2", "piece-0"), split.validation().stream().map(Piece::name).toList());
        assertEquals(List.of("piece-1", "piece-3", "piece-4", "piece-5"), split.train().stream().map(Piece::name).toList());
        assertTrue(CorpusSplit.restore(CORPUS, List.of("piece-2", "no-such-piece")).isEmpty(), "a missing piece: no restored split");
    }
}
