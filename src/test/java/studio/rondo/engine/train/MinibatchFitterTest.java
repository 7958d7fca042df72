package studio.rondo.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import studio.rondo.engine.EngineContext;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.preset.Presets;
import studio.rondo.engine.store.ModelStore;

/** The trainer's rounds of minibatches, as a cluster fitter gets them. */
class MinibatchFitterTest {

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    /** Fits as LOCAL does, a round at a time, and notes what it was given. */
    static final class Rounds implements MinibatchFitter {
        final int size;
        final List<Integer> roundSizes = new ArrayList<>();
        final List<List<Window>> seen = new ArrayList<>();

        Rounds(int size) {
            this.size = size;
        }

        @Override
        public int minibatchesPerRound() {
            return size;
        }

        @Override
        public double[] fit(ComputationGraph net, WindowBatches batches, List<List<Window>> minibatches) {
            roundSizes.add(minibatches.size());
            seen.addAll(minibatches);
            return LOCAL.fit(net, batches, minibatches);
        }
    }

    static TrainingConfig plan() {
        return TrainerTest.tiny(Presets.TF_TUTORIAL, 2);
    }

    @Test
    void roundsOfThreeFitEveryMinibatchOnceInTheOrderOneAtATimeDoes() throws Exception {
        Rounds one = new Rounds(1), three = new Rounds(3);
        float[] a = new Trainer(plan(), null, EngineContext.shared(), one).train(TrainerTest.CORPUS).network().params().toFloatVector();
        float[] b = new Trainer(plan(), null, EngineContext.shared(), three).train(TrainerTest.CORPUS).network().params().toFloatVector();
        assertEquals(one.seen.size(), three.seen.size());
        for (int i = 0; i < one.seen.size(); i++) assertEquals(describe(one.seen.get(i)), describe(three.seen.get(i)), "minibatch " + i);
        assertArrayEquals(a, b);
        assertTrue(three.roundSizes.stream().allMatch(n -> n >= 1 && n <= 3), three.roundSizes.toString());
        assertTrue(three.roundSizes.contains(3), three.roundSizes.toString());
    }

    /** A minibatch by its windows' pieces and places (each run encodes the pieces anew). */
    static List<String> describe(List<Window> minibatch) {
        return minibatch.stream().map(w -> w.piece().name() + "@" + w.start() + "+" + w.length()).toList();
    }

    @Test
    void aStopDuringARoundCheckpointsAfterTheWholeRound(@TempDir Path dir) throws Exception {
        TrainingConfig plan = plan().withFiles(dir.resolve("m.zip"), null, null);
        Rounds three = new Rounds(3);
        TrainingSession session = new TrainingSession(plan, TrainingSession.splitFor(plan, TrainerTest.CORPUS), EngineContext.shared(), three);
        TrainingResult r = session.run(new TrainingListener() {
            @Override
            public void onIteration(Iteration i) {
                if (i.iteration() == 2) session.stop(); // the second minibatch of the first round of three
            }
        });
        assertTrue(r.cancelled());
        assertEquals(3, ModelStore.readInfo(r.checkpoint()).progress().batchesInEpoch());
        assertEquals(3, r.info().progress().iterations());
    }
}
