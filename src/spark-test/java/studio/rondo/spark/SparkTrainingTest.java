package studio.rondo.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import studio.rondo.engine.train.TrainingListener;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.engine.train.TrainingSession;
import studio.rondo.music.Piece;

/** Training through Spark's local mode ({@code local[2]}): two workers averaging every 2 minibatches. */
class SparkTrainingTest {
    static final List<Piece> CORPUS = TestCorpus.pieces(8, 160, 1);
    static ClusterTraining.Connection spark;

    @BeforeAll
    static void start() {
        EngineRuntime.start();
        System.setProperty("spark.rondo.averageEvery", "2");
        System.setProperty("spark.ui.enabled", "false");
        spark = new SparkClusterTraining().connect("local[2]", "SparkTrainingTest");
    }

    @AfterAll
    static void stop() {
        if (spark != null) spark.close();
    }

    static TrainingConfig plan(Path out, int epochs) {
        return TrainingConfig.of(Presets.TF_TUTORIAL, epochs).withHyperparameters(TestCorpus.tiny(Presets.TF_TUTORIAL))
                .withSplit(0.25, 3).withPatience(0).withFiles(out, null, null);
    }

    static CorpusSplit split(TrainingConfig plan) throws Exception {
        return TrainingSession.splitFor(plan, CORPUS);
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
        List<EpochMetrics> s = new TrainingSession(cluster, split(cluster), EngineContext.shared(), spark.fitter()).run(null).info().history();
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
     * intact, here continuing a model that has taken 6 steps already.
     */
    @Test
    void oneWorkerAveragingEveryMinibatchContinuesAModelToTheWeightsOfLocalTraining(@TempDir Path dir) throws Exception {
        TrainingConfig first = plan(dir.resolve("first.zip"), 1).withMaxBatches(6);
        first = first.withHyperparameters(first.hyperparameters().toBuilder().dropout(0).build()); // dropout masks come from per-machine generators
        new TrainingSession(first, split(first)).run(null);
        TrainingConfig more = first.withFiles(null, null, dir.resolve("first.zip")).withEpochs(2);
        float[] local = new TrainingSession(more, split(more)).run(null).network().params().toFloatVector();
        ParameterAveragingFitter oneByOne = new ParameterAveragingFitter(JavaSparkContext.fromSparkContext(SparkContext.getOrCreate()), 1, 1, 42);
        float[] cluster = new TrainingSession(more, split(more), EngineContext.shared(), oneByOne).run(null).network().params().toFloatVector();
        assertEquals(6, oneByOne.stats().rounds);
        assertArrayEquals(local, cluster, 1e-6f);
    }

    @Test
    void theModelTrainedOnTheClusterLoadsAndGenerates(@TempDir Path dir) throws Exception {
        TrainingConfig cluster = plan(dir.resolve("spark.zip"), 1);
        TrainingResult r = new TrainingSession(cluster, split(cluster), EngineContext.shared(), spark.fitter()).run(null);
        LoadedModel model = ModelStore.load(r.savedTo());
        assertEquals(1, model.info().history().size());
        List<GenerationResult> g = Generator.of(model).generate(
                new GenerationRequest(Primer.none(), Length.notes(20), new Sampling(1.0, 0, 1.0, 7), 1, false));
        assertEquals(20, g.get(0).stats().notes());
    }

    @Test
    void aStoppedClusterRunContinuesFromItsCheckpointToTheLastEpoch(@TempDir Path dir) throws Exception {
        TrainingConfig cluster = plan(dir.resolve("spark.zip"), 2);
        TrainingSession session = new TrainingSession(cluster, split(cluster), EngineContext.shared(), spark.fitter());
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
