package studio.rondo.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import studio.rondo.engine.EngineContext;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.music.Piece;

/**
 * One model's training, as the window and the command line both drive it: a plan (preset, sizes,
 * files), a split that travels with it as a value, and a lifecycle.
 *
 * <pre>
 *   NEW --run--> RUNNING --+--> FINISHED --trainFurther--> RUNNING
 *                          +--> STOPPED (checkpoint) --run--> RUNNING (continued: epochs, optimizer state and split kept)
 *                          +--> FAILED --run--> RUNNING (from this session's last checkpoint, else anew)
 * </pre>
 *
 * <p>{@link #stop()} may be called from any thread, even before the run has started. Runs are
 * blocking; a face runs them on a worker thread.
 */
public final class TrainingSession {
    public enum State { NEW, RUNNING, STOPPED, FINISHED, FAILED }

    private final TrainingConfig plan;
    private final CorpusSplit split;
    private final EngineContext engine;
    private final MinibatchFitter fitter;
    private volatile State state = State.NEW;
    private volatile Trainer current;
    private volatile boolean stopRequested;
    private volatile TrainingResult last;
    private volatile Exception failure;
    private volatile int runs;

    /**
     * @param plan  what to train and where to write it ({@code plan.resume()} continues a model file)
     * @param split the pieces to learn from and the pieces to measure on
     */
    public TrainingSession(TrainingConfig plan, CorpusSplit split) {
        this(plan, split, EngineContext.shared());
    }

    /** A session whose runs use the given engine context (threads). */
    public TrainingSession(TrainingConfig plan, CorpusSplit split, EngineContext engine) {
        this(plan, split, engine, MinibatchFitter.LOCAL);
    }

    /** A session whose minibatches are fitted by {@code fitter} (on a cluster: {@link ClusterTraining}). */
    public TrainingSession(TrainingConfig plan, CorpusSplit split, EngineContext engine, MinibatchFitter fitter) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.split = Objects.requireNonNull(split, "split");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    /** A session on a corpus, split as {@link #splitFor} splits it. */
    public static TrainingSession onCorpus(TrainingConfig plan, List<Piece> corpus) throws ModelFileException {
        if (corpus.isEmpty()) throw new TrainingDataException("no pieces to train on");
        return new TrainingSession(plan, splitFor(plan, corpus));
    }

    /**
     * The split of a corpus for this plan: a continued model keeps the split it was trained with
     * (by its validation pieces' names, else by its seed and fraction); a new one is split by the
     * plan's fraction and seed.
     */
    public static CorpusSplit splitFor(TrainingConfig plan, List<Piece> corpus) throws ModelFileException {
        if (plan.resume() == null) return CorpusSplit.of(corpus, plan.valSplit(), plan.seed());
        ModelInfo info = ModelStore.readInfo(plan.resume());
        ModelInfo.TrainingSettings s = info.training();
        List<String> names = info.corpus() == null ? null : info.corpus().validationPieces();
        CorpusSplit bySeed = CorpusSplit.of(corpus, s.valSplit(), s.seed());
        // The seed's split, when it gives the stored pieces, keeps the training pieces' order too (and so the run's window order).
        if (names == null || bySeed.validation().stream().map(Piece::name).toList().equals(names)) return bySeed;
        return CorpusSplit.restore(corpus, names).orElse(bySeed);
    }

    // Queries

    public State state() {
        return state;
    }

    public TrainingConfig plan() {
        return plan;
    }

    public CorpusSplit split() {
        return split;
    }

    /** The model file the session writes (null when it writes none). */
    public Path modelFile() {
        return plan.out();
    }

    /** The result of the last run that ended (stopped or finished). */
    public Optional<TrainingResult> lastResult() {
        return Optional.ofNullable(last);
    }

    /** Why the last run failed, while {@link #state()} is FAILED. */
    public Optional<Exception> failure() {
        return Optional.ofNullable(failure);
    }

    /** Epochs completed so far over all runs of this session (and the model it continued). */
    public int epochsCompleted() {
        return last == null ? 0 : last.info().progress().epochsCompleted();
    }

    // Commands

    /**
     * Runs until the plan's last epoch, the time budget, early stopping or {@link #stop()}. From NEW it
     * starts (or continues the plan's resume file); from STOPPED it continues from the checkpoint;
     * from FAILED from this session's last checkpoint when there is one.
     */
    public TrainingResult run(TrainingListener listener) throws IOException {
        TrainingConfig config = switch (state) {
            case NEW -> plan;
            case STOPPED -> continuing(checkpointOrFail(), plan.epochs());
            case FAILED -> runs > 0 && ownCheckpoint() != null ? continuing(ownCheckpoint(), plan.epochs()) : plan;
            case FINISHED -> throw new IllegalStateException("the run has finished; train it further with trainFurther");
            case RUNNING -> throw new IllegalStateException("the session is already running");
        };
        return go(config, listener);
    }

    /** Trains a finished (or stopped) model for {@code moreEpochs} epochs beyond those it has. */
    public TrainingResult trainFurther(int moreEpochs, TrainingListener listener) throws IOException {
        if (moreEpochs < 1) throw new IllegalArgumentException("train for 1 epoch or more: " + moreEpochs);
        Path from = switch (state) {
            case FINISHED -> Objects.requireNonNull(last.savedTo(), "the finished run wrote no model file");
            case STOPPED -> checkpointOrFail();
            default -> throw new IllegalStateException("only a finished or stopped run can be trained further (now " + state + ")");
        };
        return go(continuing(from, epochsCompleted() + moreEpochs), listener);
    }

    /** Asks the run to stop after the current minibatch and write its checkpoint; any thread. */
    public void stop() {
        stopRequested = true;
        Trainer t = current;
        if (t != null) t.cancel();
    }

    // ---- internals

    private synchronized TrainingResult go(TrainingConfig config, TrainingListener listener) throws IOException {
        if (state == State.RUNNING) throw new IllegalStateException("the session is already running");
        Trainer trainer = new Trainer(config, listener, engine, fitter);
        current = trainer; // from here stop() reaches the trainer itself
        if (stopRequested) trainer.cancel(); // asked before the run began
        stopRequested = false;
        state = State.RUNNING;
        failure = null;
        runs++;
        try {
            TrainingResult r = trainer.train(split);
            last = r;
            state = r.cancelled() ? State.STOPPED : State.FINISHED;
            return r;
        } catch (IOException | RuntimeException e) {
            failure = e;
            state = State.FAILED;
            throw e;
        } finally {
            current = null;
            stopRequested = false; // a Stop belongs to the run it stopped
        }
    }

    /** The plan continued from a file of this run: same files, the model's own recipe and split. */
    private TrainingConfig continuing(Path from, int epochs) {
        return plan.withFiles(plan.out(), plan.checkpoint(), from).withEpochs(epochs);
    }

    private Path checkpointOrFail() {
        Path c = last == null ? null : last.checkpoint();
        if (c == null || !Files.isRegularFile(c))
            throw new IllegalStateException("the stopped run left no checkpoint to continue from");
        return c;
    }

    private Path ownCheckpoint() {
        Path c = plan.checkpointFile();
        return c != null && Files.isRegularFile(c) ? c : null;
    }
}
