package studio.rondo.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.EngineContext;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.eval.EvalResult;
import studio.rondo.engine.eval.WindowEvaluator;
import studio.rondo.engine.model.CorpusProfile;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.engine.model.NetworkFactory;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.WindowBatches;
import studio.rondo.music.Piece;

/**
 * Trains a preset's network on a corpus: split by piece, windows shuffled with the seed, on-the-fly
 * augmentation, validation metrics per epoch, early stopping with the best weights restored, an
 * atomic checkpoint per epoch, cooperative cancel and resume.
 *
 * <p>Reproducible: the same corpus, config and seed give the same run (split, initial weights,
 * window order, augmentation draws; dropout masks come from ND4J's generator, seeded too). A
 * cancelled and resumed run continues with the same window order from the next minibatch; only
 * dropout masks differ from an uninterrupted run.
 *
 * <p>One run per instance; {@link #cancel()} may be called from any thread.
 */
public final class Trainer {
    private static final int PLATEAU_EPOCHS = 2;
    private static final double DIVERGED_LOSS = 100, DIVERGED_GROWTH = 20;
    private final TrainingConfig config;
    private final TrainingListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private final EngineContext engine;
    private final MinibatchFitter fitter;

    public Trainer(TrainingConfig config, TrainingListener listener) {
        this(config, listener, EngineContext.shared());
    }

    /** A trainer whose network runs on the given context's threads. */
    public Trainer(TrainingConfig config, TrainingListener listener, EngineContext engine) {
        this(config, listener, engine, MinibatchFitter.LOCAL);
    }

    /** A trainer whose minibatches are fitted by {@code fitter} (on a cluster, say) and the rest on the engine's threads. */
    public Trainer(TrainingConfig config, TrainingListener listener, EngineContext engine, MinibatchFitter fitter) {
        this.config = config;
        this.listener = listener == null ? TrainingListener.NONE : listener;
        this.engine = java.util.Objects.requireNonNull(engine, "engine");
        this.fitter = java.util.Objects.requireNonNull(fitter, "fitter");
    }

    /** Asks the run to stop after the current minibatch and save a checkpoint. */
    public void cancel() {
        cancelled.set(true);
    }

    /** Trains with a split the user made (the Dataset workspace's, by piece). */
    public TrainingResult train(List<Piece> train, List<Piece> validation) throws IOException {
        return train(new CorpusSplit(train, validation));
    }

    /**
     * Trains on a corpus, split as {@link TrainingSession#splitFor} splits it (by the config's fraction
     * and seed, or as the resumed model was split).
     */
    public TrainingResult train(List<Piece> corpus) throws IOException {
        if (corpus.isEmpty()) throw new TrainingDataException("no pieces to train on");
        return train(TrainingSession.splitFor(config, corpus));
    }

    /** Trains on this split: the training pieces learn, the validation pieces measure. */
    public TrainingResult train(CorpusSplit split) throws IOException {
        engine.start();
        if (split.train().isEmpty()) throw new TrainingDataException("no pieces to train on");
        Run run = config.resume() == null ? fresh(split) : resumed(split, config.resume());
        return run.go();
    }

    private Run fresh(CorpusSplit split) {
        Hyperparameters hp = config.hyperparameters();
        int stride = config.effectiveStride(hp);
        Encoding encoding = config.preset().newEncoding();
        if (!encoding.fitted()) encoding = encoding.fit(Augmentation.allTranspositions(split.train(), hp.transpose()));
        ModelInfo.TrainingSettings settings = new ModelInfo.TrainingSettings(config.seed(), config.valSplit(), stride, config.epochs(), config.patience());
        Run run = new Run(config.preset(), hp, settings, split, encoding);
        run.unigram = unigram(encoding, run.trainEncoded);
        run.profile = CorpusProfile.of(split.train());
        run.net = engine.attach(NetworkFactory.build(config.preset(), encoding, hp, config.seed()));
        return run;
    }

    private Run resumed(CorpusSplit split, Path file) throws ModelFileException {
        LoadedModel m = ModelStore.load(file);
        ModelInfo info = m.info();
        if (!m.preset().id().equals(config.preset().id()))
            throw new ModelFileException(file, "the model was trained with preset " + info.preset() + ", not " + config.preset().id());
        ModelInfo.TrainingSettings s = info.training();
        ModelInfo.TrainingSettings settings = new ModelInfo.TrainingSettings(s.seed(), s.valSplit(), s.stride(), config.epochs(), config.patience());
        Run run = new Run(m.preset(), info.hyperparameters(), settings, split, m.encoding());
        run.net = engine.attach(m.network());
        run.history.addAll(info.history());
        run.unigram = info.unigram() != null ? info.unigram() : unigram(run.encoding, run.trainEncoded);
        run.profile = info.profile() != null ? info.profile() : CorpusProfile.of(split.train());
        ModelInfo.Progress p = info.progress();
        run.startEpoch = p.epochsCompleted();
        // A mid-epoch position only means something on the same data.
        run.startBatch = run.fingerprint.equals(info.corpus().fingerprint()) ? p.batchesInEpoch() : 0;
        run.iterations = p.iterations();
        run.bestEpoch = p.bestEpoch();
        if (p.bestEpoch() > 0 && p.bestEpoch() <= info.history().size()) run.bestLoss = monitored(info.history().get(p.bestEpoch() - 1));
        if (run.startEpoch >= config.epochs())
            throw new TrainingDataException(file + " has already been trained for " + run.startEpoch + " epochs; ask for more than that");
        return run;
    }

    /** What early stopping watches: the held-out NLL of the main head, else the held-out loss, else the training loss. */
    private static double monitored(EpochMetrics m) {
        if (m.valNll() != null) return m.valNll();
        return m.valLoss() != null ? m.valLoss() : m.trainLoss();
    }

    /** Add-one smoothed class frequencies of the main categorical stream over the training pieces. */
    static double[] unigram(Encoding encoding, List<EncodedPiece> pieces) {
        int main = -1;
        for (int s = 0; s < encoding.streams().size() && main < 0; s++) if (encoding.streams().get(s).categorical()) main = s;
        if (main < 0) return null;
        double[] counts = new double[encoding.streams().get(main).size()];
        java.util.Arrays.fill(counts, 1);
        double total = counts.length;
        for (EncodedPiece p : pieces) {
            for (int c : p.classColumn(main)) counts[c]++;
            total += p.length();
        }
        for (int i = 0; i < counts.length; i++) counts[i] /= total;
        return counts;
    }

    private static List<EncodedPiece> encode(Encoding encoding, List<Piece> pieces) {
        List<EncodedPiece> out = new ArrayList<>(pieces.size());
        for (Piece p : pieces) out.add(encoding.encode(p));
        return out;
    }

    /** Windows every {@code stride} steps, from a random offset per piece when {@code random} is given. */
    static List<Window> windows(List<EncodedPiece> pieces, int seqLen, int stride, Random random) {
        List<Window> out = new ArrayList<>();
        for (EncodedPiece p : pieces) {
            int offset = random == null ? 0 : random.nextInt(stride);
            for (int s = offset; s + seqLen < p.length(); s += stride) out.add(new Window(p, s, seqLen));
        }
        return out;
    }

    /**
     * Windows as {@link #windows} does, each cut from a randomly chosen key of its piece: transposition
     * drawn per window rather than per piece and epoch, so a short run hears every interval in many
     * keys. {@code keys.get(i)} holds piece i's encodings in every key in range (the original first).
     */
    static List<Window> transposedWindows(List<List<EncodedPiece>> keys, int seqLen, int stride, Random random) {
        List<Window> out = new ArrayList<>();
        for (List<EncodedPiece> variants : keys) {
            EncodedPiece original = variants.get(0);
            int offset = random.nextInt(stride);
            for (int s = offset; s + seqLen < original.length(); s += stride) {
                EncodedPiece p = variants.get(random.nextInt(variants.size()));
                out.add(new Window(s + seqLen < p.length() ? p : original, s, seqLen));
            }
        }
        return out;
    }

    private static long mix(long seed, long epoch) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }

    /** The state of one run. */
    private final class Run {
        final Preset preset;
        final Hyperparameters hp;
        final ModelInfo.TrainingSettings settings;
        final CorpusSplit split;
        final Encoding encoding;
        final String fingerprint;
        final int corpusSize;
        final List<EncodedPiece> trainEncoded;
        final List<List<EncodedPiece>> trainKeys; // every key of each training piece, or null
        final List<Window> valWindows;
        final List<EpochMetrics> history = new ArrayList<>();
        ComputationGraph net;
        double[] unigram;
        CorpusProfile profile;
        int startEpoch, startBatch, bestEpoch;
        long iterations;
        double bestLoss = Double.POSITIVE_INFINITY;
        double firstLoss = Double.NaN; // of this run's first minibatch: the yardstick for divergence

        Run(Preset preset, Hyperparameters hp, ModelInfo.TrainingSettings settings, CorpusSplit split, Encoding encoding) {
            this.preset = preset;
            this.hp = hp;
            this.settings = settings;
            this.split = split;
            this.encoding = encoding;
            this.fingerprint = CorpusFingerprint.of(split.all());
            this.corpusSize = split.train().size() + split.validation().size();
            this.trainEncoded = encode(encoding, split.train());
            // Transposition alone is drawn per window from encodings made once; with stretches too, the
            // pieces are augmented (and encoded) anew each epoch.
            boolean perWindowKeys = hp.transpose() > 0 && hp.timeStretch() == 0 && hp.velocityStretch() == 0;
            this.trainKeys = perWindowKeys ? keys(split.train(), trainEncoded, hp.transpose()) : null;
            this.valWindows = windows(encode(encoding, split.validation()), hp.seqLen(), settings.stride(), null);
            if (windows(trainEncoded, hp.seqLen(), settings.stride(), null).isEmpty())
                throw new TrainingDataException("no training windows: the " + split.train().size() + " training pieces have at most "
                        + trainEncoded.stream().mapToInt(EncodedPiece::length).max().orElse(0) + " steps, a window needs "
                        + (hp.seqLen() + 1) + " (use more or longer pieces, or a shorter window, --seq-len on the command line)");
        }

        private List<List<EncodedPiece>> keys(List<Piece> pieces, List<EncodedPiece> encoded, int range) {
            List<List<EncodedPiece>> out = new ArrayList<>(pieces.size());
            for (int i = 0; i < pieces.size(); i++) out.add(Augmentation.encodedKeys(pieces.get(i), encoded.get(i), encoding, range));
            return out;
        }

        private List<Window> epochWindows(Random random) {
            if (trainKeys != null) return transposedWindows(trainKeys, hp.seqLen(), settings.stride(), random);
            List<EncodedPiece> encoded = hp.augments() ? encode(encoding, Augmentation.apply(split.train(), hp, random)) : trainEncoded;
            return windows(encoded, hp.seqLen(), settings.stride(), random);
        }

        TrainingResult go() throws IOException {
            Nd4j.getRandom().setSeed(mix(settings.seed(), iterations)); // dropout masks
            WindowBatches batches = new WindowBatches(encoding, hp.everyStep());
            Budget budget = new Budget(config.minutes(), hp.learningRate());
            WindowEvaluator evaluator = new WindowEvaluator(net, preset.heads(encoding.streams()), batches);
            int batch = hp.batch();
            int estimate = windows(trainEncoded, hp.seqLen(), settings.stride(), null).size();
            int estBatches = cap((estimate + batch - 1) / batch);
            listener.onStart(new TrainingListener.Start(preset.id(), net.numParams(), split.train().size(), split.validation().size(),
                    estimate, estBatches, startEpoch + 1, settings.epochs()));
            INDArray bestParams = null;
            int sinceBest = 0;
            boolean stoppedEarly = false;
            Path checkpoint = null;
            double epochSecondsSum = 0;
            int epochsRun = 0;
            for (int epoch = startEpoch; epoch < settings.epochs(); epoch++) {
                long t0 = System.nanoTime();
                Random random = new Random(mix(settings.seed(), epoch));
                List<Window> ws = epochWindows(random);
                Collections.shuffle(ws, random);
                int nb = cap((ws.size() + batch - 1) / batch);
                int first = epoch == startEpoch ? Math.min(startBatch, nb) : 0;
                double lossSum = 0;
                int lossCount = 0, windowsDone = 0;
                int perRound = Math.max(1, fitter.minibatchesPerRound());
                boolean spent = false;
                for (int b = first; b < nb && !spent; ) {
                    if (cancelled.get()) {
                        checkpoint = saveCheckpoint(epoch, b);
                        return new TrainingResult(net, encoding, info(epoch, b), true, false, null, checkpoint);
                    }
                    List<List<Window>> round = new ArrayList<>(perRound);
                    for (int r = b; r < Math.min(nb, b + perRound); r++) round.add(ws.subList(r * batch, Math.min(ws.size(), (r + 1) * batch)));
                    double[] scores = fitter.fit(net, batches, round);
                    for (int r = 0; r < round.size(); r++, b++) { // a round is fitted whole: each of its minibatches counts
                        List<Window> slice = round.get(r);
                        // Every-step heads sum their loss over the window's steps: per step, as last-step training reports it.
                        double loss = hp.everyStep() ? scores[r] / hp.seqLen() : scores[r];
                        if (Double.isNaN(firstLoss)) firstLoss = loss;
                        // Not a number, or a loss 20 times the first (and large): the steps overshoot and the run cannot recover.
                        if (!Double.isFinite(loss) || loss > Math.max(DIVERGED_LOSS, DIVERGED_GROWTH * firstLoss))
                            throw new TrainingDataException("training diverged: the loss is " + (float) loss + " at minibatch " + (iterations + 1)
                                    + " (it began at " + (float) firstLoss + "); try a lower learning rate (now " + hp.learningRate() + ")");
                        iterations++;
                        lossSum += loss;
                        lossCount++;
                        windowsDone += slice.size();
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        listener.onIteration(new TrainingListener.Iteration(epoch + 1, b + 1, nb, iterations, loss, windowsDone / seconds, slice.size()));
                        budget.anneal(net);
                        spent = budget.spent();
                    }
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                EvalResult val = valWindows.isEmpty() ? null : evaluator.evaluate(valWindows, batch, unigram);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double trainLoss = lossCount == 0 ? Double.NaN : lossSum / lossCount;
                EpochMetrics m = new EpochMetrics(epoch + 1, trainLoss, val == null ? null : val.loss(), val == null ? null : val.headLoss(),
                        val == null ? null : val.top1(), val == null ? null : val.top5(), val == null ? null : val.nll(),
                        windowsDone / Math.max(trainSeconds, 1e-9), seconds);
                history.add(m);
                double monitoredLoss = monitored(m);
                if (monitoredLoss < bestLoss) {
                    bestLoss = monitoredLoss;
                    bestEpoch = epoch + 1;
                    sinceBest = 0;
                    if (config.patience() > 0) bestParams = net.params().dup();
                } else {
                    sinceBest++;
                    // A plateau (two epochs without a better held-out NLL): smaller steps. With a time
                    // budget the last quarter's annealing lowers the rate instead: short epochs on a few
                    // validation pieces are too noisy to call a plateau.
                    if (config.minutes() == 0 && sinceBest % PLATEAU_EPOCHS == 0) halveLearningRate();
                }
                checkpoint = saveCheckpoint(epoch + 1, 0);
                epochSecondsSum += seconds;
                epochsRun++;
                double eta = Math.min((settings.epochs() - epoch - 1) * epochSecondsSum / epochsRun, budget.remainingSeconds());
                listener.onEpoch(new TrainingListener.Epoch(m, val, settings.epochs(), bestEpoch, eta));
                if (budget.spent()) break;
                if (config.patience() > 0 && sinceBest >= config.patience() && epoch + 1 < settings.epochs()) {
                    stoppedEarly = true;
                    break;
                }
            }
            // Restore the best weights of this run (weights better than a resumed checkpoint's are not kept across runs).
            if (config.patience() > 0 && bestParams != null) net.setParams(bestParams);
            ModelInfo info = info(history.size(), 0);
            Path saved = null;
            if (config.out() != null) {
                ModelStore.save(config.out(), net, info);
                saved = config.out();
            }
            return new TrainingResult(net, encoding, info, false, stoppedEarly, saved, checkpoint);
        }

        private void halveLearningRate() {
            double lr = currentLearningRate() / 2;
            if (lr >= hp.learningRate() / 16) net.setLearningRate(lr);
        }

        private double currentLearningRate() {
            Double lr = Budget.learningRate(net);
            return lr == null ? hp.learningRate() : lr;
        }

        private int cap(int batches) {
            return config.maxBatches() > 0 ? Math.min(batches, config.maxBatches()) : batches;
        }

        private Path saveCheckpoint(int epochsCompleted, int batchesInEpoch) throws IOException {
            Path file = config.checkpointFile();
            if (file == null) return null;
            ModelStore.save(file, net, info(epochsCompleted, batchesInEpoch));
            return file;
        }

        ModelInfo info(int epochsCompleted, int batchesInEpoch) {
            return new ModelInfo(ModelStore.FORMAT_VERSION, preset.id(), encoding.spec(), hp, settings, List.copyOf(history),
                    new ModelInfo.Progress(epochsCompleted, batchesInEpoch, iterations, bestEpoch),
                    new ModelInfo.CorpusInfo(fingerprint, corpusSize, split.train().size(), split.validation().stream().map(Piece::name).toList()),
                    unigram, net.numParams(), Instant.now().toString(), profile);
        }
    }
}
