package studio.rondo.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.train.MinibatchFitter;

/**
 * Synchronous parameter averaging on Spark's own primitives: per round the driver broadcasts the
 * weights and optimizer state, each of {@code workers} partitions fits {@code perWorker} minibatches
 * of the trainer's window order starting from them, {@code treeAggregate} sums what the partitions
 * end with, and the driver takes the mean (weights and Adam's moments alike, as DL4J's own
 * ParameterAveragingTrainingMaster does). One round covers {@code workers × perWorker} minibatches.
 */
final class ParameterAveragingFitter implements MinibatchFitter {
    private final JavaSparkContext sc;
    private final int workers, perWorker;
    private final long seed;
    private final RoundStats stats = new RoundStats();
    private int round;

    ParameterAveragingFitter(JavaSparkContext sc, int workers, int perWorker, long seed) {
        if (workers < 1 || perWorker < 1) throw new IllegalArgumentException("workers and minibatches per worker must be 1 or more");
        this.sc = sc;
        this.workers = workers;
        this.perWorker = perWorker;
        this.seed = seed;
    }

    @Override
    public int minibatchesPerRound() {
        return workers * perWorker;
    }

    RoundStats stats() {
        return stats;
    }

    @Override
    public double[] fit(ComputationGraph net, WindowBatches batches, List<List<Window>> minibatches) {
        long t0 = System.nanoTime();
        NetState state = NetState.of(net, seed);
        List<WindowPack> packs = new ArrayList<>();
        for (int m = 0; m < minibatches.size(); m += perWorker) {
            WindowPack pack = new WindowPack(m);
            for (int i = m; i < Math.min(minibatches.size(), m + perWorker); i++) pack.add(minibatches.get(i));
            packs.add(pack);
        }
        String encoding;
        try {
            encoding = ModelStore.json().writeValueAsString(batches.encoding().spec());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Broadcast<NetState> b = sc.broadcast(state);
        PartialSum sum;
        try {
            sum = sc.parallelize(packs, packs.size())
                    .map(new WorkerFit(b, encoding, batches.everyStep(), round++))
                    .treeAggregate(new PartialSum(), PartialSum::plus, PartialSum::plus);
        } finally {
            b.destroy();
        }
        average(net, state, sum);
        double[] scores = new double[minibatches.size()];
        for (Map.Entry<Integer, double[]> e : sum.scores.entrySet())
            System.arraycopy(e.getValue(), 0, scores, e.getKey(), e.getValue().length);
        stats.add(serializedSize(state), packs.stream().mapToLong(ParameterAveragingFitter::serializedSize).sum(),
                sum.workers * state.arrayBytes(), (System.nanoTime() - t0) / 1e9, sum.fitSeconds, minibatches.size());
        return scores;
    }

    /** The mean of the workers' weights and optimizer state into the driver's network; the step count moves on by a worker's steps. */
    private static void average(ComputationGraph net, NetState before, PartialSum sum) {
        float inv = 1f / sum.workers;
        for (int i = 0; i < sum.params.length; i++) sum.params[i] *= inv;
        net.params().assign(Nd4j.createFromArray(sum.params).reshape(net.params().shape()));
        if (sum.updater.length > 0) {
            for (int i = 0; i < sum.updater.length; i++) sum.updater[i] *= inv;
            net.getUpdater().getStateViewArray().assign(Nd4j.createFromArray(sum.updater).reshape(net.getUpdater().getStateViewArray().shape()));
        }
        net.getConfiguration().setIterationCount(before.iteration() + sum.steps);
    }

    static long serializedSize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.size();
    }
}
