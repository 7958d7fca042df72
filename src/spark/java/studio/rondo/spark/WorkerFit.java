package studio.rondo.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.EncodingSpec;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.store.ModelStore;

/**
 * A worker's part of a round, on an executor: the broadcast weights and optimizer state loaded into its
 * network, its minibatches cut from the corpus the executor read itself and fitted one after the
 * other (the fused LSTM doing the work), its weights, optimizer state and scores returned.
 */
final class WorkerFit implements Function<WindowPack, PartialSum> {
    private static final long serialVersionUID = 1L;

    /** Per task thread: the network of the last configuration seen, rebuilt only when it changes (the learning rate, say). */
    private static final ThreadLocal<Cached> NETWORK = new ThreadLocal<>();

    private record Cached(String configuration, String encoding, boolean everyStep, ComputationGraph net, WindowBatches batches) {
    }

    private final Broadcast<NetState> state;
    private final Broadcast<RunData> run;
    private final int round;

    WorkerFit(Broadcast<NetState> state, Broadcast<RunData> run, int round) {
        this.state = state;
        this.run = run;
        this.round = round;
    }

    @Override
    public PartialSum call(WindowPack pack) throws Exception {
        EngineRuntime.start();
        NetState s = state.value();
        RunData r = run.value();
        Cached c = network(s, r);
        long read = System.nanoTime();
        Map<Long, EncodedPiece> corpus = r.corpus() == null ? null : ExecutorCorpus.of(r.corpus(), r.encodingSpec(), c.batches().encoding());
        double corpusSeconds = (System.nanoTime() - read) / 1e9;
        ComputationGraph net = c.net();
        net.params().assign(Nd4j.createFromArray(s.params()).reshape(net.params().shape()));
        if (s.updater().length > 0) net.getUpdater().getStateViewArray().assign(Nd4j.createFromArray(s.updater()).reshape(net.getUpdater().getStateViewArray().shape()));
        net.getConfiguration().setIterationCount(s.iteration());
        // Dropout masks differ per worker and round, and repeat with the seed.
        Nd4j.getRandom().setSeed(s.seed() * 31 + round * 1_000_003L + pack.firstMinibatch);
        long t0 = System.nanoTime();
        double[] scores = new double[pack.minibatches()];
        for (int m = 0; m < scores.length; m++) {
            List<Window> windows = pack.minibatch(m, c.batches().encoding().streams(), corpus);
            net.fit(c.batches().batch(windows));
            scores[m] = net.score();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        float[] updater = s.updater().length > 0 ? net.getUpdater().getStateViewArray().toFloatVector() : new float[0];
        return PartialSum.of(net.params().toFloatVector(), updater, pack.firstMinibatch, scores, seconds, corpusSeconds);
    }

    private static Cached network(NetState s, RunData r) throws Exception {
        Cached c = NETWORK.get();
        if (c != null && c.configuration().equals(s.configuration()) && c.encoding().equals(r.encodingSpec()) && c.everyStep() == r.everyStep()) return c;
        ComputationGraph net = new ComputationGraph(ComputationGraphConfiguration.fromJson(s.configuration()));
        net.init();
        Encoding encoding = Encodings.fromSpec(ModelStore.json().readValue(r.encodingSpec(), EncodingSpec.class));
        c = new Cached(s.configuration(), r.encodingSpec(), r.everyStep(), net, new WindowBatches(encoding, r.everyStep()));
        NETWORK.set(c);
        return c;
    }
}
