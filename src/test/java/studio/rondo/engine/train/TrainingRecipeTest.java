package studio.rondo.engine.train;

import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.PieceTransforms;
import studio.rondo.engine.encoding.Targets;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.WarmupSchedule;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.music.Piece;

/** The studio's training recipe: every-step targets, per-window transposition, warm-up, time budget. */
class TrainingRecipeTest {
    static final List<Piece> CORPUS = TestCorpus.pieces(6, 96, 11);

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    @Test
    void everyStepLabelsHoldTheNextStepAtEveryPositionOfTheWindow() {
        Encoding enc = Presets.PITCH_STEP_DURATION.newEncoding();
        EncodedPiece piece = enc.encode(CORPUS.get(0));
        List<Window> windows = List.of(new Window(piece, 3, 10), new Window(piece, 20, 10));
        var batch = new WindowBatches(enc, true).batch(windows);
        INDArray pitch = batch.getLabels(0), step = batch.getLabels(1);
        assertEquals(List.of(2L, 128L, 10L), List.of(pitch.size(0), pitch.size(1), pitch.size(2)));
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            for (int t = 0; t < 10; t++) {
                int expected = piece.classAt(0, w.start() + t + 1);
                for (int c = 0; c < 128; c++) assertEquals(c == expected ? 1f : 0f, pitch.getFloat(i, c, t), "window " + i + " step " + t + " class " + c);
                assertEquals(piece.valueAt(1, w.start() + t + 1), step.getFloat(i, 0, t), 1e-6);
            }
            // The last position's target is the step after the window, as last-step training has it.
            assertEquals(1f, pitch.getFloat(i, Targets.nextClass(w, 0), 9));
        }
    }

    @Test
    void everyStepTargetsLearnMoreFromTheSameMinibatchesThanLastStepTargets() throws Exception {
        // All pieces in one key, so what is learnt carries over to the held-out piece within a few minibatches.
        List<Piece> oneKey = CORPUS.stream().map(p -> PieceTransforms.transpose(p, 43 - p.lowestPitch()).orElseThrow()).toList();
        Hyperparameters tiny = TestCorpus.tiny(Presets.PITCH_STEP_DURATION).toBuilder().transpose(0).warmup(0).dropout(0).build();
        TrainingConfig base = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 5).withSplit(0.2, 5).withPatience(0).withStride(4);
        double every = new Trainer(base.withHyperparameters(tiny.toBuilder().everyStep(true).build()), null).train(oneKey)
                .info().history().get(4).valNll();
        double last = new Trainer(base.withHyperparameters(tiny.toBuilder().everyStep(false).build()), null).train(oneKey)
                .info().history().get(4).valNll();
        assertTrue(every < last - 0.1, "held-out NLL after 35 minibatches: every step " + every + ", last step " + last);
    }

    @Test
    void transpositionIsDrawnPerWindowFromEveryKeyOfThePiece() {
        Encoding enc = Presets.PITCH_STEP_DURATION.newEncoding();
        Piece piece = CORPUS.get(1);
        List<EncodedPiece> keys = new ArrayList<>();
        keys.add(enc.encode(piece));
        for (int k = -3; k <= 3; k++) if (k != 0) keys.add(enc.encode(PieceTransforms.transpose(piece, k).orElseThrow()));
        List<Window> windows = Trainer.transposedWindows(List.of(keys), 8, 2, new Random(4));
        Set<EncodedPiece> used = new HashSet<>();
        for (Window w : windows) used.add(w.piece());
        assertEquals(7, used.size(), "every key appears among " + windows.size() + " windows");
        // Same positions as untransposed windows: the key changes, not what is cut.
        assertEquals(Trainer.windows(List.of(keys.get(0)), 8, 2, new Random(4)).size(), windows.size());
    }

    @Test
    void warmUpRampsTheRateLinearlyThenHoldsIt() {
        WarmupSchedule s = new WarmupSchedule(1e-3, 4);
        assertEquals(0.25e-3, s.valueAt(0, 0), 1e-12);
        assertEquals(0.75e-3, s.valueAt(2, 0), 1e-12);
        assertEquals(1e-3, s.valueAt(3, 0), 1e-12);
        assertEquals(1e-3, s.valueAt(5000, 7), 1e-12);
    }

    @Test
    void aModelTrainedWithWarmUpAndEveryStepTargetsSavesLoadsAndGoesOn(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.zip");
        Hyperparameters hp = TestCorpus.tiny(Presets.PITCH_STEP_DURATION).toBuilder().warmup(50).build();
        TrainingConfig c = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 1).withHyperparameters(hp).withSplit(0.2, 5).withPatience(0)
                .withMaxBatches(2).withFiles(model, null, null);
        new Trainer(c, null).train(CORPUS);
        LoadedModel loaded = ModelStore.load(model);
        assertTrue(loaded.info().hyperparameters().everyStep());
        assertEquals(50, loaded.info().hyperparameters().warmup());
        TrainingResult more = new Trainer(c.withEpochs(2).withFiles(model, null, model), null).train(CORPUS);
        assertEquals(2, more.info().history().size());
    }

    @Test
    void aTimeBudgetEndsTheRunAsAFinishedModelWithItsBestWeights(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("budget.zip");
        // 100,000 epochs cannot finish: only the budget (1.2 s) can end this run.
        TrainingConfig c = TrainingConfig.of(Presets.TF_TUTORIAL, 100_000).withHyperparameters(TestCorpus.tiny(Presets.TF_TUTORIAL))
                .withSplit(0.2, 5).withPatience(0).withMinutes(0.02).withFiles(model, null, null);
        TrainingResult r = new Trainer(c, null).train(CORPUS);
        assertFalse(r.cancelled());
        assertTrue(r.info().history().size() >= 1 && r.info().history().size() < 100_000);
        assertEquals(model, r.savedTo());
        assertEquals(r.info().history().size(), ModelStore.readInfo(model).history().size());
    }

    @Test
    void presetsWhoseHeadsFollowBatchNormRefuseEveryStepTargetsSayingWhatToDo() {
        for (Preset p : List.of(Presets.THREE_STREAM, Presets.CHORD_TOKENS)) {
            Encoding enc = p.newEncoding();
            if (!enc.fitted()) enc = enc.fit(CORPUS);
            Hyperparameters hp = TestCorpus.tiny(p).toBuilder().everyStep(true).build();
            Encoding fitted = enc;
            var e = assertThrows(IllegalArgumentException.class, () -> NetworkFactory.build(p, fitted, hp, 1));
            assertTrue(e.getMessage().contains("--targets last"), e.getMessage());
            assertFalse(p.defaults().everyStep(), p.id());
        }
        for (Preset p : List.of(Presets.TF_TUTORIAL, Presets.PITCH_STEP_DURATION, Presets.VELOCITY_AWARE, Presets.PERFORMANCE))
            assertTrue(p.defaults().everyStep(), p.id());
    }

    @Test
    void aRunWhoseLossExplodesStopsAsDivergedEvenWhileTheLossIsStillANumber() {
        Hyperparameters wild = TestCorpus.tiny(Presets.PITCH_STEP_DURATION).toBuilder().learningRate(9.9).warmup(0).build();
        TrainingConfig c = TrainingConfig.of(Presets.PITCH_STEP_DURATION, 20).withHyperparameters(wild).withSplit(0.2, 5).withPatience(0);
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> new Trainer(c, null).train(CORPUS));
        assertTrue(e.getMessage().startsWith("training diverged") && e.getMessage().contains("lower learning rate"), e.getMessage());
    }
}
