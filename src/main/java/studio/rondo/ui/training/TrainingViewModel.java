package studio.rondo.ui.training;

import studio.rondo.engine.preset.Presets;
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
import javafx.concurrent.Task;
import javafx.scene.chart.XYChart;
import studio.rondo.dataset.Corpus;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.train.Trainer;
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
    private volatile Trainer trainer;

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

    /** Trains on the corpus's training pieces, validating on its validation pieces, in the background. */
    public void train() {
        if (running.get()) return;
        Corpus c = corpus.get();
        int trainCount = c.totals().trainPieces();
        int validationCount = c.totals().validationPieces();
        if (trainCount == 0) {
            status.set("The corpus has no training pieces yet: add MIDI files in the Dataset workspace first.");
            return;
        }
        Path out = modelFile.get() != null ? modelFile.get() : newModelFile(preset.get());
        modelFile.set(out);
        TrainingConfig config = config(out);
        clearCurves();
        running.set(true);
        startedNanos = System.nanoTime();
        progress.set(-1);
        status.set("Reading " + trainCount + " training pieces and " + validationCount + " validation pieces…");
        Trainer t = new Trainer(config, new Relay());
        trainer = t;
        Task<TrainingResult> task = new Task<>() {
            @Override
            protected TrainingResult call() throws Exception {
                // Pieces load here, off the FX thread (a corpus keeps only summaries in memory).
                List<Piece> trainPieces = List.copyOf(c.trainingPieces());
                List<Piece> validationPieces = List.copyOf(c.validationPieces());
                return t.train(trainPieces, validationPieces);
            }
        };
        task.setOnSucceeded(e -> finished(task.getValue()));
        task.setOnFailed(e -> {
            running.set(false);
            progress.set(0);
            Throwable ex = task.getException();
            status.set("Training stopped with an error: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()));
        });
        executor.execute(task);
    }

    /** Stops after the current minibatch; the checkpoint lets the run continue later. */
    public void cancel() {
        Trainer t = trainer;
        if (t != null) {
            t.cancel();
            status.set("Stopping after this minibatch and saving a checkpoint…");
        }
    }

    // ---- internals

    private TrainingConfig config(Path out) {
        Hyperparameters d = preset.get().defaults();
        Hyperparameters h = d.toBuilder().seqLen(seqLen.get()).batch(batch.get()).hidden(hidden.get()).layers(layers.get())
                .learningRate(learningRate.get()).build();
        TrainingConfig base = TrainingConfig.of(preset.get(), epochs.get()).withHyperparameters(h).withPatience(patience.get())
                .withMinutes(minutes.get());
        Path resume = continueModel.get() && out.toFile().isFile() ? out : null;
        return base.withFiles(out, null, resume);
    }

    private Path newModelFile(Preset p) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT));
        return modelsDir.resolve(p.id() + "-" + stamp + ".zip");
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
        running.set(false);
        progress.set(r.cancelled() ? progress.get() : 1);
        trainer = null;
        if (r.savedTo() != null) trainedModel.set(r.savedTo());
        int done = r.info().history().size();
        String where = r.savedTo() != null ? "Model saved to " + r.savedTo() : r.checkpoint() != null ? "Checkpoint saved to " + r.checkpoint() : "";
        status.set((r.cancelled() ? "Stopped after " : r.stoppedEarly() ? "Stopped early (no better validation loss) after " : "Finished ")
                + done + (done == 1 ? " epoch. " : " epochs. ") + where
                + (r.cancelled() ? " — tick \"Continue this model\" and press Train to go on." : ""));
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
