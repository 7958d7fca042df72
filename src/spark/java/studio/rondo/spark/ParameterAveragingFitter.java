package studio.rondo.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.EncodingSpec;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.train.MinibatchFitter;
import studio.rondo.engine.train.TrainingDataException;
import studio.rondo.music.Piece;

/**
 * Synchronous parameter averaging on Spark's own primitives: per round the driver broadcasts the
 * weights and optimizer state, each of {@code workers} partitions fits {@code perWorker} minibatches
 * of the trainer's window order starting from them, {@code treeAggregate} sums what the partitions
 * end with, and the driver takes the mean (weights and Adam's moments alike, as DL4J's own
 * ParameterAveragingTrainingMaster does). One round covers {@code workers × perWorker} minibatches.
 *
 * <p>With a shared corpus ({@link #share}) the executors read and encode the training files
 * themselves and a round names each window by its piece's content key and start; the driver's own
 * copy of the pieces only tells it which keys the executors will hold.
 */
final class ParameterAveragingFitter implements MinibatchFitter {
    private final JavaSparkContext sc;
    private final int workers, perWorker;
    private final long seed;
    private final RoundStats stats = new RoundStats();
    private int round;

    private CorpusShare share;
    private List<Piece> sharedPieces = List.of();
    private RunData runData;
    private Broadcast<RunData> runBroadcast;
    /** The keys of the pieces every executor holds for the current encoding. */
    private Set<Long> known = Set.of();
    /** The trainer's pieces' keys (computed once per piece object; weak: stretched pieces are new each epoch). */
    private final Map<EncodedPiece, Long> keys = new WeakHashMap<>();

    ParameterAveragingFitter(JavaSparkContext sc, int workers, int perWorker, long seed) {
        if (workers < 1 || perWorker < 1) throw new IllegalArgumentException("workers and minibatches per worker must be 1 or more");
        this.sc = sc;
        this.workers = workers;
        this.perWorker = perWorker;
        this.seed = seed;
    }

    /** From the next round on, executors read these training pieces from {@code share}'s files (the driver's copies of the same). */
    synchronized void share(CorpusShare share, List<Piece> pieces) {
        this.share = share;
        this.sharedPieces = List.copyOf(pieces);
    }

    @Override
    public int minibatchesPerRound() {
        return workers * perWorker;
    }

    RoundStats stats() {
        return stats;
    }

    @Override
    public synchronized double[] fit(ComputationGraph net, WindowBatches batches, List<List<Window>> minibatches) {
        long t0 = System.nanoTime();
        NetState state = NetState.of(net, seed);
        Broadcast<RunData> run = runBroadcast(batches);
        List<WindowPack> packs = new ArrayList<>();
        for (int m = 0; m < minibatches.size(); m += perWorker) {
            WindowPack pack = new WindowPack(m);
            for (int i = m; i < Math.min(minibatches.size(), m + perWorker); i++) pack.add(minibatches.get(i), this::keyOf);
            packs.add(pack);
        }
        Broadcast<NetState> b = sc.broadcast(state);
        WorkerFit task = new WorkerFit(b, run, round++);
        long taskBytes = packs.stream().mapToLong(ParameterAveragingFitter::serializedSize).sum() + packs.size() * serializedSize(task);
        PartialSum sum;
        try {
            sum = sc.parallelize(packs, packs.size()).map(task).treeAggregate(new PartialSum(), PartialSum::plus, PartialSum::plus);
        } catch (Exception e) {
            throw inWords(e);
        } finally {
            b.destroy();
        }
        average(net, state, sum);
        double[] scores = new double[minibatches.size()];
        for (Map.Entry<Integer, double[]> e : sum.scores.entrySet())
            System.arraycopy(e.getValue(), 0, scores, e.getKey(), e.getValue().length);
        stats.add(state.arrayBytes() + state.configuration().length(), taskBytes, sum.workers * state.arrayBytes(), (System.nanoTime() - t0) / 1e9,
                sum.fitSeconds, sum.corpusSeconds, minibatches.size(),
                packs.stream().mapToInt(p -> p.referenced).sum(), packs.stream().mapToInt(p -> p.shipped).sum());
        return scores;
    }

    /** The run's broadcast of encoding, targets and corpus, made again only when one of them changes. */
    private Broadcast<RunData> runBroadcast(WindowBatches batches) {
        String encoding;
        try {
            encoding = ModelStore.json().writeValueAsString(batches.encoding().spec());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (runData != null && runData.encodingSpec().equals(encoding) && runData.everyStep() == batches.everyStep() && runData.corpus() == share)
            return runBroadcast;
        if (runBroadcast != null) runBroadcast.destroy();
        runData = new RunData(encoding, batches.everyStep(), share);
        runBroadcast = sc.broadcast(runData);
        keys.clear();
        known = share == null ? Set.of() : knownKeys(encoding, share.transposeRange());
        return runBroadcast;
    }

    /**
     * The keys of the pieces the executors will build: with the encoding made from its spec, as they
     * make it, so that a window whose piece they would not hold travels with its steps instead.
     */
    private Set<Long> knownKeys(String encodingSpec, int range) {
        Encoding encoding;
        try {
            encoding = Encodings.fromSpec(ModelStore.json().readValue(encodingSpec, EncodingSpec.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> out = new HashSet<>();
        for (Piece p : sharedPieces) for (EncodedPiece e : ExecutorCorpus.keys(p, encoding, range)) out.add(PieceKey.of(e));
        return out;
    }

    private long keyOf(EncodedPiece piece) {
        if (known.isEmpty()) return 0;
        long key = keys.computeIfAbsent(piece, PieceKey::of);
        return known.contains(key) ? key : 0;
    }

    /** An executor that cannot read the corpus says so in words; anything else goes on as it is. */
    private static RuntimeException inWords(Exception e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(ExecutorCorpus.UNREADABLE);
        if (at >= 0) {
            int end = message.indexOf('\n', at);
            return new TrainingDataException(message.substring(at, end < 0 ? message.length() : end));
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the Spark job failed: " + message, e);
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

    /** Leaves the run's broadcast behind (the context is being stopped). */
    synchronized void close() {
        if (runBroadcast != null) runBroadcast.destroy();
        runBroadcast = null;
        runData = null;
    }
}
