package studio.rondo.ui.training;

import studio.rondo.engine.preset.Presets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import studio.rondo.dataset.Corpus;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.train.CorpusSplit;
import studio.rondo.engine.train.TrainingOutputs;
import studio.rondo.engine.train.TrainingSession;
import studio.rondo.ui.common.BackgroundTask;
import studio.rondo.engine.train.TrainingConfig;
import studio.rondo.engine.train.TrainingListener;
import studio.rondo.engine.train.TrainingResult;
import studio.rondo.music.Piece;

/**
 * The Training workspace: the recipe (a preset and the settings a musician may change), a run on
 * the Dataset workspace's corpus with its train/validation split, live curves, cancel (which saves
 * a checkpoint), and the model file it leaves for the Generate workspace. Training events arrive on
 * the training thread and reach the FX thread coalesced, at most one hand-over in flight.
 */
public final class TrainingViewModel {
    /** Most points kept on the per-minibatch loss curve; older ones are thinned, never the newest. */
    static final int MAX_LOSS_POINTS = 1500;

    // Properties: the recipe
    private final ObjectProperty<Preset> preset = new SimpleObjectProperty<>(Presets.PITCH_STEP_DURATION);
    private final IntegerProperty epochs = new SimpleIntegerProperty(20);
    private final IntegerProperty batch = new SimpleIntegerProperty();
    private final IntegerProperty seqLen = new SimpleIntegerProperty();
    private final IntegerProperty hidden = new SimpleIntegerProperty();
    private final IntegerProperty layers = new SimpleIntegerProperty();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final IntegerProperty patience = new SimpleIntegerProperty(5);
    private final IntegerProperty minutes = new SimpleIntegerProperty(0);
    private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>();
    private final BooleanProperty continueModel = new SimpleBooleanProperty(false);

    private volatile long startedNanos;

    // Properties: the run
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a preset and press Train.");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> trainedModel = new ReadOnlyObjectWrapper<>();
    private final ObservableList<XYChart.Data<Number, Number>> lossPoints = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> epochTrainLoss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> epochValLoss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> top1 = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> top5 = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> history = FXCollections.observableArrayList();

    private final Path modelsDir;
    private final Executor executor;
    private final Supplier<Corpus> corpus;
    private volatile TrainingSession session;
    private volatile BackgroundTask<TrainingResult> task;
    private Path autoNamed; // the file this workspace named for its last run

    /**
     * @param modelsDir where new models are saved by default
     * @param corpus    the corpus of the Dataset workspace, as it is when Train is pressed
     */
    public TrainingViewModel(Path modelsDir, Executor executor, Supplier<Corpus> corpus) {
        this.modelsDir = modelsDir;
        this.executor = executor;
        this.corpus = corpus;
        preset.addListener((obs, old, now) -> applyDefaults(now));
        applyDefaults(preset.get());
    }

    public ObjectProperty<Preset> presetProperty() { return preset; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty batchProperty() { return batch; }
    public IntegerProperty seqLenProperty() { return seqLen; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public IntegerProperty layersProperty() { return layers; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public IntegerProperty patienceProperty() { return patience; }
    /** Time limit in minutes (0 = none): training stops when it is spent, keeping the best weights. */
    public IntegerProperty minutesProperty() { return minutes; }
    /** Where the model is written; a new name per run unless the user chose one. */
    public ObjectProperty<Path> modelFileProperty() { return modelFile; }
    /** Continue training the model in {@link #modelFileProperty()} instead of starting a new one. */
    public BooleanProperty continueModelProperty() { return continueModel; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** True when the last run stopped, finished or failed with a checkpoint: Continue goes on from it. */
    public ReadOnlyBooleanProperty canContinueProperty() { return canContinue.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty speedProperty() { return speed.getReadOnlyProperty(); }
    /** The last model this workspace trained (for the Generate workspace). */
    public ReadOnlyObjectProperty<Path> trainedModelProperty() { return trainedModel.getReadOnlyProperty(); }
    public ObservableList<XYChart.Data<Number, Number>> lossPoints() { return lossPoints; }
    public ObservableList<XYChart.Data<Number, Number>> epochTrainLoss() { return epochTrainLoss; }
    public ObservableList<XYChart.Data<Number, Number>> epochValLoss() { return epochValLoss; }
    public ObservableList<XYChart.Data<Number, Number>> top1() { return top1; }
    public ObservableList<XYChart.Data<Number, Number>> top5() { return top5; }
    public ObservableList<EpochMetrics> history() { return history; }

    // Commands

    /** Puts the preset's own recipe back in the form. */
    public void applyDefaults(Preset p) {
        Hyperparameters h = p.defaults();
        batch.set(h.batch());
        seqLen.set(h.seqLen());
        hidden.set(h.hidden());
        layers.set(h.layers());
        learningRate.set(h.learningRate());
    }

    /**
     * Starts a new run on the corpus's training pieces, validating on its validation pieces, in the
     * background. Every run gets its own model file; an existing model is never replaced (tick
     * "Continue this model" to train it further).
     */
    public void train() {
        if (running.get()) return;
        Corpus c = corpus.get();
        int trainCount = c.totals().trainPieces();
        int validationCount = c.totals().validationPieces();
        if (trainCount == 0) {
            status.set("The corpus has no training pieces yet: add MIDI files in the Dataset workspace first.");
            return;
        }
        Path chosen = modelFile.get();
        boolean continueFile = continueModel.get() && chosen != null && Files.isRegularFile(chosen);
        // A name this workspace gave an earlier run is not reused: that run's model stays as it is.
        Path out = chosen == null || (!continueFile && chosen.equals(autoNamed)) ? newModelFile(preset.get()) : chosen;
        modelFile.set(out);
        TrainingConfig config = config(out, continueFile ? out : null);
        try {
            TrainingOutputs.check(config, false);
        } catch (TrainingOutputs.ConflictException e) {
            status.set(e.getMessage() + (e.replaceable() ? " — tick \"Continue this model\" to train it further, or choose another file." : ""));
            return;
        }
        clearCurves();
        status.set("Reading " + trainCount + " training pieces and " + validationCount + " validation pieces…");
        launch(p -> {
            // Pieces load here, off the FX thread (a corpus keeps only summaries in memory).
            CorpusSplit split = new CorpusSplit(List.copyOf(c.trainingPieces()), List.copyOf(c.validationPieces()));
            TrainingSession s = new TrainingSession(config, split);
            session = s;
            if (p.cancelled()) s.stop(); // Stop pressed while the pieces were loading
            return s.run(new Relay());
        });
    }

    /**
     * Goes on with the last run: a stopped run continues from its checkpoint (epoch numbers,
     * optimizer state and split kept); a finished one trains for the epochs set, beyond those it has.
     */
    public void continueTraining() {
        TrainingSession s = session;
        if (running.get() || s == null) return;
        switch (s.state()) {
            case STOPPED, FAILED -> {
                status.set("Continuing from the checkpoint…");
                launch(p -> s.run(new Relay()));
            }
            case FINISHED -> {
                int more = Math.max(1, epochs.get());
                status.set("Training " + more + " more epochs…");
                launch(p -> s.trainFurther(more, new Relay()));
            }
            default -> { }
        }
    }

    /** Stops after the current minibatch; the checkpoint lets the run continue later. */
    public void cancel() {
        BackgroundTask<TrainingResult> t = task;
        if (t != null) {
            t.cancel();
            status.set("Stopping after this minibatch and saving a checkpoint…");
        }
    }

    // ---- internals

    private void launch(BackgroundTask.Work<TrainingResult> work) {
        running.set(true);
        canContinue.set(false);
        startedNanos = System.nanoTime();
        progress.set(-1);
        BackgroundTask<TrainingResult> t = BackgroundTask.of(work)
                .onCancelRequested(() -> {
                    TrainingSession s = session;
                    if (s != null) s.stop();
                })
                .onSuccess(this::finished)
                .onFailure(ex -> {
                    progress.set(0);
                    status.set("Training stopped with an error: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName())
                            + (session != null && session.state() == TrainingSession.State.FAILED ? " — press Continue to retry from the last checkpoint." : ""));
                })
                .onFinished(() -> {
                    running.set(false);
                    task = null;
                    TrainingSession s = session;
                    canContinue.set(s != null && s.state() != TrainingSession.State.NEW && s.state() != TrainingSession.State.RUNNING
                            && (s.state() != TrainingSession.State.FAILED || s.plan().checkpointFile() != null));
                });
        task = t;
        t.start(executor, Platform::runLater);
    }

    private TrainingConfig config(Path out, Path resume) {
        Hyperparameters d = preset.get().defaults();
        Hyperparameters h = d.toBuilder().seqLen(seqLen.get()).batch(batch.get()).hidden(hidden.get()).layers(layers.get())
                .learningRate(learningRate.get()).build();
        TrainingConfig base = TrainingConfig.of(preset.get(), epochs.get()).withHyperparameters(h).withPatience(patience.get())
                .withMinutes(minutes.get());
        return base.withFiles(out, null, resume);
    }

    /** A new file name for a run: preset and minute, with a number when that name is taken. */
    private Path newModelFile(Preset p) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT));
        Path file = modelsDir.resolve(p.id() + "-" + stamp + ".zip");
        for (int n = 2; Files.exists(file) || Files.exists(checkpointOf(file)); n++)
            file = modelsDir.resolve(p.id() + "-" + stamp + "-" + n + ".zip");
        autoNamed = file;
        return file;
    }

    private static Path checkpointOf(Path model) {
        String name = model.getFileName().toString();
        return model.resolveSibling(name.substring(0, name.length() - 4) + ".checkpoint.zip");
    }

    private void clearCurves() {
        lossPoints.clear();
        epochTrainLoss.clear();
        epochValLoss.clear();
        top1.clear();
        top5.clear();
        history.clear();
    }

    private void finished(TrainingResult r) {
        progress.set(r.cancelled() ? progress.get() : 1);
        if (r.savedTo() != null) trainedModel.set(r.savedTo());
        int done = r.info().history().size();
        String where = r.savedTo() != null ? "Model saved to " + r.savedTo() : r.checkpoint() != null ? "Checkpoint saved to " + r.checkpoint() : "";
        status.set((r.cancelled() ? "Stopped after " : r.stoppedEarly() ? "Stopped early (no better validation loss) after " : "Finished ")
                + done + (done == 1 ? " epoch. " : " epochs. ") + where
                + (r.cancelled() ? " — press Continue to go on from here." : " — press Continue to train it further."));
    }

    private void thinLossPoints() {
        if (lossPoints.size() <= MAX_LOSS_POINTS) return;
        // Keep every other point of the older half: the recent curve stays detailed.
        List<XYChart.Data<Number, Number>> kept = new java.util.ArrayList<>();
        int half = lossPoints.size() / 2;
        for (int i = 0; i < lossPoints.size(); i++) if (i >= half || i % 2 == 0) kept.add(lossPoints.get(i));
        lossPoints.setAll(kept);
    }

    /** Hears the trainer on its thread and hands over to the FX thread, coalesced. */
    private final class Relay implements TrainingListener {
        private final ConcurrentLinkedQueue<Runnable> updates = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile TrainingListener.Iteration latest;

        @Override
        public void onStart(Start s) {
            post(() -> status.set(String.format(Locale.ROOT, "Training %s (%,d parameters) on %d pieces, validating on %d: %,d windows in %d minibatches per epoch.",
                    s.preset(), s.parameters(), s.trainPieces(), s.validationPieces(), s.windowsPerEpoch(), s.batchesPerEpoch())));
        }

        @Override
        public void onIteration(Iteration it) {
            latest = it;
            updates.add(() -> lossPoints.add(new XYChart.Data<>(it.iteration(), it.loss())));
            flush();
        }

        @Override
        public void onEpoch(Epoch e) {
            EpochMetrics m = e.metrics();
            post(() -> {
                history.add(m);
                epochTrainLoss.add(new XYChart.Data<>(m.epoch(), m.trainLoss()));
                if (m.valLoss() != null) epochValLoss.add(new XYChart.Data<>(m.epoch(), m.valLoss()));
                if (m.valTop1() != null) top1.add(new XYChart.Data<>(m.epoch(), m.valTop1()));
                if (m.valTop5() != null) top5.add(new XYChart.Data<>(m.epoch(), m.valTop5()));
                status.set(String.format(Locale.ROOT, "Epoch %d of %d: training loss %.3f%s — about %s left.", m.epoch(), e.epochs(),
                        m.trainLoss(), m.valLoss() != null ? String.format(Locale.ROOT, ", validation loss %.3f, pitch accuracy %.1f %% (top-5 %.1f %%)",
                                m.valLoss(), 100 * m.valTop1(), 100 * m.valTop5()) : "", duration(e.etaSeconds())));
            });
        }

        private void post(Runnable r) {
            updates.add(r);
            flush();
        }

        private void flush() {
            if (!pending.compareAndSet(false, true)) return;
            Platform.runLater(() -> {
                pending.set(false);
                Runnable r;
                while ((r = updates.poll()) != null) r.run();
                thinLossPoints();
                Iteration it = latest;
                if (it != null) {
                    double epochsDone = it.epoch() - 1 + (double) it.batch() / Math.max(1, it.batches());
                    double done = epochsDone / Math.max(1, epochs.get());
                    if (minutes.get() > 0) done = Math.max(done, (System.nanoTime() - startedNanos) / 60e9 / minutes.get());
                    progress.set(Math.min(1, done));
                    speed.set(String.format(Locale.ROOT, "epoch %d · minibatch %d/%d · %.0f windows/s", it.epoch(), it.batch(),
                            it.batches(), it.windowsPerSecond()));
                }
            });
        }
    }

    static String duration(double seconds) {
        if (!(seconds >= 0) || Double.isInfinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
