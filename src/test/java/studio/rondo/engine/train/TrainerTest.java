package studio.rondo.engine.train;

import studio.rondo.engine.PresetSource;
import studio.rondo.engine.preset.Presets;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.RecipeParameters;
import studio.rondo.music.Piece;

class TrainerTest {
    static final List<Piece> CORPUS = TestCorpus.pieces(5, 72, 1);

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    static TrainingConfig tiny(Preset preset, int epochs) {
        return TrainingConfig.of(preset, epochs).withHyperparameters(TestCorpus.tiny(preset)).withSplit(0.2, 3).withPatience(0);
    }

    @ParameterizedTest
    @PresetSource
    void everyPresetTrainsTwoEpochsWithFallingLossAndValidationMetrics(Preset preset) throws Exception {
        List<TrainingListener.Iteration> iterations = new ArrayList<>();
        List<TrainingListener.Epoch> epochs = new ArrayList<>();
        List<TrainingListener.Start> starts = new ArrayList<>();
        TrainingListener l = new TrainingListener() {
            @Override
            public void onStart(Start start) {
                starts.add(start);
            }

            @Override
            public void onIteration(Iteration i) {
                iterations.add(i);
            }

            @Override
            public void onEpoch(Epoch e) {
                epochs.add(e);
            }
        };
        TrainingConfig config = tiny(preset, 2);
        if (preset == Presets.PERFORMANCE) config = config.withStride(8); // ~4 events per note: enough windows anyway
        long t0 = System.nanoTime();
        TrainingResult r = new Trainer(config, l).train(CORPUS);
        double wallSeconds = (System.nanoTime() - t0) / 1e9;
        List<EpochMetrics> h = r.info().history();
        assertEquals(2, h.size());
        assertEquals(2, epochs.size());
        assertTrue(h.get(1).trainLoss() < h.get(0).trainLoss(), preset.id() + " loss did not fall: " + h);
        EpochMetrics last = h.get(1);
        assertNotNull(last.valLoss());
        assertTrue(last.valTop1() >= 0 && last.valTop1() <= last.valTop5() && last.valTop5() <= 1, last.toString());
        assertTrue(last.valNll() > 0, last.toString());
        assertEquals(r.encoding().streams().size(), last.valHeadLoss().size());
        assertEquals(iterations.get(iterations.size() - 1).iteration(), iterations.size());
        // What the listener was told matches the work: the parameters of the recipe, every minibatch of each epoch once,
        // and a speed in windows per second (at least one window within the whole run).
        assertEquals(1, starts.size());
        assertEquals(RecipeParameters.of(preset, config.hyperparameters(), r.encoding()), starts.get(0).parameters());
        for (int epoch = 1; epoch <= 2; epoch++) {
            int e = epoch;
            List<TrainingListener.Iteration> of = iterations.stream().filter(i -> i.epoch() == e).toList();
            assertEquals(of.get(0).batches(), of.size(), "minibatches of epoch " + epoch);
            for (int b = 0; b < of.size(); b++) assertEquals(b + 1, of.get(b).batch());
        }
        for (TrainingListener.Iteration i : iterations)
            assertTrue(i.windowsPerSecond() >= 1 / wallSeconds, i + " in a run of " + wallSeconds + " s");
    }

    @Test
    void sameSeedGivesTheSameWeights() throws Exception {
        TrainingConfig c = tiny(Presets.TF_TUTORIAL, 1).withMaxBatches(5);
        float[] a = new Trainer(c, null).train(CORPUS).network().params().toFloatVector();
        float[] b = new Trainer(c, null).train(CORPUS).network().params().toFloatVector();
        assertArrayEquals(a, b);
    }

    @Test
    void aCancelledRunResumesWhereItStoppedAndEndsWhereAnUninterruptedRunEnds(@TempDir Path dir) throws Exception {
        // tf-tutorial has no dropout, so the resumed run can match the uninterrupted one exactly.
        TrainingConfig base = tiny(Presets.TF_TUTORIAL, 2);
        TrainingResult whole = new Trainer(base, null).train(CORPUS);

        Path checkpoint = dir.resolve("run.checkpoint.zip");
        Trainer[] holder = new Trainer[1];
        holder[0] = new Trainer(base.withFiles(dir.resolve("run.zip"), null, null), new TrainingListener() {
            @Override
            public void onIteration(Iteration i) {
                if (i.iteration() == 3) holder[0].cancel();
            }
        });
        TrainingResult stopped = holder[0].train(CORPUS);
        assertTrue(stopped.cancelled());
        assertEquals(checkpoint, stopped.checkpoint());
        assertFalse(Files.exists(dir.resolve("run.zip")), "a cancelled run writes only the checkpoint");
        ModelInfo.Progress p = ModelStore.readInfo(checkpoint).progress();
        assertEquals(new ModelInfo.Progress(0, 3, 3, 0), p);

        List<TrainingListener.Iteration> resumedIterations = new ArrayList<>();
        TrainingResult resumed = new Trainer(base.withFiles(dir.resolve("run.zip"), null, checkpoint), new TrainingListener() {
            @Override
            public void onIteration(Iteration i) {
                resumedIterations.add(i);
            }
        }).train(CORPUS);
        assertFalse(resumed.cancelled());
        TrainingListener.Iteration first = resumedIterations.get(0);
        assertEquals(1, first.epoch());
        assertEquals(4, first.batch());
        assertEquals(4, first.iteration());
        assertEquals(2, resumed.info().history().size());
        assertArrayEquals(whole.network().params().toFloatVector(), resumed.network().params().toFloatVector(), 1e-6f);
        assertTrue(Files.exists(dir.resolve("run.zip")));
    }

    @Test
    void earlyStoppingRestoresTheBestWeights(@TempDir Path dir) throws Exception {
        // A learning rate far too high makes the validation loss jump around, so the best epoch is
        // often not the last; either way the returned weights must score the best epoch's loss.
        TrainingConfig c = tiny(Presets.PITCH_STEP_DURATION, 4).withPatience(2)
                .withHyperparameters(TestCorpus.tiny(Presets.PITCH_STEP_DURATION).toBuilder().learningRate(0.3).build())
                .withFiles(dir.resolve("m.zip"), null, null);
        TrainingResult r = new Trainer(c, null).train(CORPUS);
        List<EpochMetrics> h = r.info().history();
        int best = r.info().progress().bestEpoch();
        double bestLoss = h.stream().mapToDouble(EpochMetrics::valLoss).min().orElseThrow();
        assertEquals(bestLoss, h.get(best - 1).valLoss());
        if (r.stoppedEarly()) assertEquals(best + 2, h.size());

        CorpusSplit split = CorpusSplit.of(CORPUS, c.valSplit(), c.seed());
        List<studio.rondo.engine.encoding.EncodedPiece> val = new ArrayList<>();
        for (Piece p : split.validation()) val.add(r.encoding().encode(p));
        int seqLen = c.hyperparameters().seqLen();
        var windows = Trainer.windows(val, seqLen, c.effectiveStride(c.hyperparameters()), null);
        var evaluator = new studio.rondo.engine.eval.WindowEvaluator(r.network(),
                Presets.PITCH_STEP_DURATION.heads(r.encoding().streams()),
                new studio.rondo.engine.model.WindowBatches(r.encoding()));
        assertEquals(bestLoss, evaluator.evaluate(windows, 16, null).loss(), 1e-5);
        // The model file holds the same (best) weights.
        assertArrayEquals(r.network().params().toFloatVector(), ModelStore.load(dir.resolve("m.zip")).network().params().toFloatVector());
    }

    @Test
    void refusesACorpusWithoutWindows() {
        TrainingConfig c = tiny(Presets.PITCH_STEP_DURATION, 1);
        var e = assertThrows(TrainingDataException.class, () -> new Trainer(c, null).train(TestCorpus.pieces(3, 5, 1)));
        assertTrue(e.getMessage().contains("no training windows"), e.getMessage());
    }
}
