package studio.rondo.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.rondo.engine.EngineContext;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.TestCorpus;
import studio.rondo.engine.generate.GenerationRequest;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.engine.generate.Generator;
import studio.rondo.engine.generate.Length;
import studio.rondo.engine.generate.Primer;
import studio.rondo.engine.generate.Sampling;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.train.ClusterTraining;
import studio.rondo.engine.train.CorpusSplit;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingDataException;
import studio.rondo.engine.train.TrainingListener;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.engine.train.TrainingSession;
import studio.rondo.midi.MidiWriter;
import studio.rondo.music.Piece;

/**
 * Training through Spark's local mode ({@code local[2]}): two workers averaging every 2 minibatches,
 * the executors reading the corpus from its MIDI files themselves.
 */
class SparkTrainingTest {
    static ClusterTraining.Connection spark;
    /** Generated pieces written as MIDI files and read back through the cluster's file systems, as `train --spark` reads them. */
    static List<ClusterTraining.CorpusFile> files;
    static List<Piece> corpus;
    static Path folder;

    @BeforeAll
    static void start() throws Exception {
        EngineRuntime.start();
        System.setProperty("spark.rondo.averageEvery", "2");
        System.setProperty("spark.ui.enabled", "false");
        spark = new SparkClusterTraining().connect("local[2]", "SparkTrainingTest");
        folder = Files.createTempDirectory("rondo-spark-corpus");
        for (Piece p : TestCorpus.pieces(8, 160, 1)) MidiWriter.write(p, folder.resolve(p.name() + ".mid"));
        files = spark.readCorpus(List.of(folder.toString()));
        corpus = files.stream().map(ClusterTraining.CorpusFile::piece).toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            System.out.println("rondo: spark: " + spark.costs());
            spark.close();
        }
        if (folder != null) try (var s = Files.list(folder)) {
            for (Path f : s.toList()) Files.delete(f);
            Files.delete(folder);
        }
    }

    static TrainingConfig plan(Path out, int epochs) {
        return TrainingConfig.of(Presets.TF_TUTORIAL, epochs).withHyperparameters(TestCorpus.tiny(Presets.TF_TUTORIAL))
                .withSplit(0.25, 3).withPatience(0).withFiles(out, null, null);
    }

    static CorpusSplit split(TrainingConfig plan) throws Exception {
        return TrainingSession.splitFor(plan, corpus);
    }

    /** The training files of a split, as `train --spark` hands them to the executors. */
    static List<ClusterTraining.CorpusFile> trainingFiles(CorpusSplit split) {
        return split.train().stream().map(p -> files.stream().filter(f -> f.piece() == p).findFirst().orElseThrow()).toList();
    }

    /** A session on the cluster as `train --spark` makes it: the executors read the training files. */
    static TrainingSession onSpark(TrainingConfig plan) throws Exception {
        CorpusSplit split = split(plan);
        spark.shareCorpus(trainingFiles(split), plan.hyperparameters().transpose());
        return new TrainingSession(plan, split, EngineContext.shared(), spark.fitter());
    }

    static RoundStats stats() {
        return ((ParameterAveragingFitter) spark.fitter()).stats();
    }

    @Test
    void theCorpusIsReadThroughTheClusterFileSystemsAsAbsoluteUrisNamedAsLocally() {
        assertEquals(8, files.size());
        for (ClusterTraining.CorpusFile f : files) {
            assertTrue(f.ok() && f.file().startsWith("file:/") && f.file().endsWith(f.piece().name() + ".mid"), f.file());
            assertEquals(160, f.piece().notes().size(), f.file());
        }
    }

    /** Executors find a window's piece by its content key: the same for the same content, different for each key of a piece. */
    @Test
    void pieceKeysAreTheSameForTheSameEncodingAndDifferForEveryTransposition() {
        Piece piece = corpus.get(0);
        studio.rondo.engine.encoding.Encoding encoding = Presets.PITCH_STEP_DURATION.newEncoding();
        if (!encoding.fitted()) encoding = encoding.fit(corpus);
        List<studio.rondo.engine.encoding.EncodedPiece> keys = ExecutorCorpus.keys(piece, encoding, 5);
        assertTrue(keys.size() > 5, "keys in range: " + keys.size());
        assertEquals(PieceKey.of(keys.get(0)), PieceKey.of(encoding.encode(piece)));
        assertEquals(keys.size(), keys.stream().map(PieceKey::of).distinct().count());
        assertTrue(keys.stream().noneMatch(k -> PieceKey.of(k) == 0));
    }

    /**
     * Two workers averaging take half the optimizer steps of one machine per epoch (each fits half the
     * minibatches from the same start), so the cluster run gets twice the epochs: the same steps, the
     * same windows seen twice.
     */
    @Test
    void averagedTrainingOnTwoWorkersReachesTheValidationLossOfLocalTrainingInTheSameSteps(@TempDir Path dir) throws Exception {
        TrainingConfig local = plan(dir.resolve("local.zip"), 4), cluster = plan(dir.resolve("spark.zip"), 8);
        List<EpochMetrics> l = new TrainingSession(local, split(local)).run(null).info().history();
        long byKey = stats().windowsByKey, withSteps = stats().windowsWithSteps;
        List<EpochMetrics> s = onSpark(cluster).run(null).info().history();
        // Every window was cut on the executors from the files they read: none travelled with its steps.
        assertTrue(stats().windowsByKey > byKey, stats().describe());
        assertEquals(withSteps, stats().windowsWithSteps, stats().describe());
        StringBuilder figures = new StringBuilder("held-out NLL by epoch\nlocal:");
        for (EpochMetrics m : l) figures.append(String.format(java.util.Locale.ROOT, " %.3f", m.valNll()));
        figures.append("\nlocal[2], 2 workers:");
        for (EpochMetrics m : s) figures.append(String.format(java.util.Locale.ROOT, " %.3f", m.valNll()));
        System.out.println(figures);
        assertEquals(8, s.size());
        double localNll = l.get(3).valNll(), sparkNll = s.get(7).valNll();
        // It learns: the held-out NLL falls well below its first epoch's ...
        assertTrue(sparkNll < s.get(0).valNll() - 0.3, figures.toString());
        // ... and ends within 5 % of the same run trained on this machine.
        assertTrue(Math.abs(sparkNll - localNll) < 0.05 * localNll, figures.toString());
    }

    /**
     * One worker fitting one minibatch a round does on the executor exactly what local training does:
     * the weights, Adam's moments and the step count (warm-up, bias correction) make the round trip
     * intact, here continuing a model that has taken 6 steps already; and the windows the executor
     * cuts from the files it read are the trainer's own, transpositions included (true), as are the
     * windows sent with their steps when no corpus is shared (false).
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void oneWorkerAveragingEveryMinibatchContinuesAModelToTheWeightsOfLocalTraining(boolean executorsRead, @TempDir Path dir) throws Exception {
        TrainingConfig first = plan(dir.resolve("first.zip"), 1).withMaxBatches(6);
        first = first.withHyperparameters(first.hyperparameters().toBuilder().dropout(0).build()); // dropout masks come from per-machine generators
        new TrainingSession(first, split(first)).run(null);
        TrainingConfig more = first.withFiles(null, null, dir.resolve("first.zip")).withEpochs(2);
        float[] local = new TrainingSession(more, split(more)).run(null).network().params().toFloatVector();
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate());
        ParameterAveragingFitter oneByOne = new ParameterAveragingFitter(sc, 1, 1, 42);
        CorpusSplit split = split(more);
        if (executorsRead)
            oneByOne.share(CorpusShare.of(sc, trainingFiles(split), more.hyperparameters().transpose()), split.train());
        float[] cluster = new TrainingSession(more, split, EngineContext.shared(), oneByOne).run(null).network().params().toFloatVector();
        RoundStats stats = oneByOne.stats();
        oneByOne.close();
        assertEquals(6, stats.rounds);
        assertEquals(executorsRead ? 0 : 6 * 16, stats.windowsWithSteps, stats.describe());
        assertEquals(executorsRead ? 6 * 16 : 0, stats.windowsByKey, stats.describe());
        assertArrayEquals(local, cluster, 1e-6f);
    }

    /** A round names its windows in a few bytes each; sent with their steps they cost several times more. */
    @Test
    void windowsByKeyCostAFractionOfTheBytesOfWindowsWithTheirSteps(@TempDir Path dir) throws Exception {
        TrainingConfig plan = plan(dir.resolve("bytes.zip"), 1).withMaxBatches(8);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate());
        CorpusSplit split = split(plan);
        double[] perRound = new double[2];
        for (int shared = 0; shared < 2; shared++) {
            ParameterAveragingFitter f = new ParameterAveragingFitter(sc, 2, 2, 42);
            if (shared == 1) f.share(CorpusShare.of(sc, trainingFiles(split), plan.hyperparameters().transpose()), split.train());
            new TrainingSession(plan, split, EngineContext.shared(), f).run(null);
            perRound[shared] = f.stats().taskBytesPerRound();
            f.close();
        }
        String figures = "task bytes per round, windows with steps: " + perRound[0] + ", by key: " + perRound[1];
        System.out.println(figures);
        assertTrue(perRound[1] < perRound[0] / 2, figures);
    }

    /** An executor that cannot open a training file fails the run with the file and the reason in words. */
    @Test
    void aTrainingFileTheExecutorsCannotReadStopsTheRunWithAClearMessage(@TempDir Path dir) throws Exception {
        TrainingConfig plan = plan(dir.resolve("unreadable.zip"), 1).withMaxBatches(2);
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate());
        CorpusSplit split = split(plan);
        List<ClusterTraining.CorpusFile> moved = new java.util.ArrayList<>(trainingFiles(split));
        ClusterTraining.CorpusFile gone = moved.get(0);
        moved.set(0, new ClusterTraining.CorpusFile(dir.resolve("elsewhere.mid").toUri().toString(), gone.piece(), null));
        ParameterAveragingFitter f = new ParameterAveragingFitter(sc, 2, 1, 42);
        f.share(CorpusShare.of(sc, moved, plan.hyperparameters().transpose()), split.train());
        TrainingDataException e = assertThrows(TrainingDataException.class, () -> new TrainingSession(plan, split, EngineContext.shared(), f).run(null));
        f.close();
        assertTrue(e.getMessage().contains("cannot read " + dir.resolve("elsewhere.mid").toUri()) && e.getMessage().contains("shared folder"), e.getMessage());
    }

    @Test
    void theModelTrainedOnTheClusterLoadsAndGenerates(@TempDir Path dir) throws Exception {
        TrainingConfig cluster = plan(dir.resolve("spark.zip"), 1);
        TrainingResult r = onSpark(cluster).run(null);
        LoadedModel model = ModelStore.load(r.savedTo());
        assertEquals(1, model.info().history().size());
        List<GenerationResult> g = Generator.of(model).generate(
                new GenerationRequest(Primer.none(), Length.notes(20), new Sampling(1.0, 0, 1.0, 7), 1, false));
        assertEquals(20, g.get(0).stats().notes());
    }

    @Test
    void aStoppedClusterRunContinuesFromItsCheckpointToTheLastEpoch(@TempDir Path dir) throws Exception {
        TrainingConfig cluster = plan(dir.resolve("spark.zip"), 2);
        TrainingSession session = onSpark(cluster);
        AtomicInteger seen = new AtomicInteger();
        TrainingResult stopped = session.run(new TrainingListener() {
            @Override
            public void onIteration(Iteration i) {
                if (seen.incrementAndGet() == 5) session.stop();
            }
        });
        assertTrue(stopped.cancelled());
        assertTrue(Files.isRegularFile(stopped.checkpoint()));
        int batchesDone = ModelStore.readInfo(stopped.checkpoint()).progress().batchesInEpoch();
        assertTrue(batchesDone >= 5, "the checkpoint is at minibatch " + batchesDone); // a round ends at a multiple of 4 minibatches
        assertEquals(TrainingSession.State.STOPPED, session.state());
        TrainingResult done = session.run(null);
        assertEquals(2, done.info().history().size());
        assertEquals(2, ModelStore.load(done.savedTo()).info().progress().epochsCompleted());
    }
}
