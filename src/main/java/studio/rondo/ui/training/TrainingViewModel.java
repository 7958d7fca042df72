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
import studio.rondo.engine.eval.Readiness;
import studio.rondo.engine.generate.Sketch;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.store.ModelStore;
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
    private volatile long longestUpdateNanos;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    // Properties: the run
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper canContinue = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose a preset and press Train.");
    private final ReadOnlyStringWrapper speed = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> trainedModel = new ReadOnlyObjectWrapper<>();
    private final LossCurve lossCurve = new LossCurve();
    private final ReadOnlyStringWrapper timing = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.StringProperty problem = new javafx.beans.property.SimpleStringProperty();
    private final ReadOnlyStringWrapper readiness = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper("");
    private final ObservableList<EpochRow> rows = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> comparedLoss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> comparedTop1 = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> epochTrainLoss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> epochValLoss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> top1 = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Data<Number, Number>> top5 = FXCollections.observableArrayList();
    private final ObservableList<EpochMetrics> history = FXCollections.observableArrayList();

    private final Path modelsDir;
    private final Executor executor;
    private final Supplier<Corpus> corpus;
    private final LibraryViewModel library;
    private final Executor sketches = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rondo-epoch-sketch");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // training comes first
        return t;
    });
    private volatile Piece sketchPrimer;
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
        this.library = new LibraryViewModel(modelsDir, executor);
        preset.addListener((obs, old, now) -> applyDefaults(now));
        applyDefaults(preset.get());
        description.bind(javafx.beans.binding.Bindings.createStringBinding(this::describePreset, preset, hidden, layers));
        library.compared().addListener((javafx.collections.SetChangeListener<Path>) c -> redrawCompared());
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
    /** The drawn per-minibatch loss (smoothed, maybe on a log scale); the values themselves are in {@link #lossCurve()}. */
    public ObservableList<XYChart.Data<Number, Number>> lossPoints() { return lossCurve.drawn(); }
    public LossCurve lossCurve() { return lossCurve; }
    /** Why the last run could not go on, in words (null when it could): the banner over the form. */
    public javafx.beans.property.StringProperty problemProperty() { return problem; }
    /** Elapsed time, time left and speed, always shown while a run goes. */
    public ReadOnlyStringProperty timingProperty() { return timing.getReadOnlyProperty(); }
    /** Whether the model is worth generating with yet, in words (see {@link Readiness}). */
    public ReadOnlyStringProperty readinessProperty() { return readiness.getReadOnlyProperty(); }
    /** The preset's encoding, network at the sizes set, and origin. */
    public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }
    /** The epochs of the run shown, with their sketches. */
    public ObservableList<EpochRow> rows() { return rows; }
    /** Validation loss and top-1 of the models chosen for comparison, one series each. */
    public ObservableList<XYChart.Series<Number, Number>> comparedLoss() { return comparedLoss; }
    public ObservableList<XYChart.Series<Number, Number>> comparedTop1() { return comparedTop1; }
    public LibraryViewModel library() { return library; }
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
        start(null, 0);
    }

    /**
     * @param resumeFrom a model or checkpoint to continue (null: the form decides)
     * @param doneEpochs epochs the continued model has: it trains for the form's epochs beyond them
     */
    private void start(Path resumeFrom, int doneEpochs) {
        if (running.get()) return;
        Corpus c = corpus.get();
        int trainCount = c.totals().trainPieces();
        int validationCount = c.totals().validationPieces();
        if (trainCount == 0) {
            status.set("The corpus has no training pieces yet: add MIDI files in the Dataset workspace first.");
            problem.set("The corpus has no training pieces yet: add MIDI files in the Dataset workspace first.");
            return;
        }
        Path chosen = modelFile.get();
        Path resume = resumeFrom != null ? resumeFrom : continueModel.get() && chosen != null && Files.isRegularFile(chosen) ? chosen : null;
        // A name this workspace gave an earlier run is not reused: that run's model stays as it is.
        Path out = chosen == null || (resume == null && chosen.equals(autoNamed)) ? newModelFile(preset.get()) : chosen;
        modelFile.set(out);
        TrainingConfig form = config(out, resume);
        TrainingConfig config = doneEpochs > 0 ? form.withEpochs(doneEpochs + Math.max(1, epochs.get())) : form;
        try {
            TrainingOutputs.check(config, false);
        } catch (TrainingOutputs.ConflictException e) {
            problem.set(e.getMessage() + (e.replaceable() ? " — tick \"Continue this model file\" to train it further, or choose another file." : ""));
            status.set("Not started: the model file is in the way.");
            return;
        }
        clearCurves();
        status.set("Reading " + trainCount + " training pieces and " + validationCount + " validation pieces…");
        launch(p -> {
            // Pieces load here, off the FX thread (a corpus keeps only summaries in memory).
            CorpusSplit split = new CorpusSplit(List.copyOf(c.trainingPieces()), List.copyOf(c.validationPieces()));
            // Every sketch of the run starts from the same notes: the first validation piece's, else the first training piece's.
            sketchPrimer = split.validation().isEmpty() ? split.train().get(0) : split.validation().get(0);
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

    /** Trains a model of the library further: its preset and file, with its own settings. */
    public void continueModel(studio.rondo.engine.store.ModelLibrary.Entry entry) {
        if (running.get() || entry == null || !entry.readable()) return;
        Presets.byId(entry.info().preset()).ifPresent(preset::set);
        java.nio.file.Path file = entry.stopped()
                ? entry.file().resolveSibling(entry.name() + ".zip") : entry.file(); // a stopped run goes on into its own model file
        modelFile.set(file);
        continueModel.set(true);
        // A stopped run goes on to the epochs it planned; a finished model trains for the form's epochs beyond its own.
        start(entry.file(), entry.stopped() ? 0 : entry.epochs());
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

    /** What went wrong, for a musician: the engine's own words, or what to do when memory ran out. */
    static String inWords(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError || (t.getMessage() != null && t.getMessage().contains("OutOfMemoryError")))
                return "Not enough memory for this network: lower the LSTM size, the layers, the batch or the window, and press Train again.";
        }
        String m = ex.getMessage();
        if (m != null && m.startsWith("java.lang.")) m = m.substring(m.indexOf(':') + 1).trim();
        return m != null && !m.isBlank() ? m.replace(", --seq-len on the command line", "") : ex.getClass().getSimpleName();
    }

    private void launch(BackgroundTask.Work<TrainingResult> work) {
        problem.set(null);
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
                    String why = inWords(ex);
                    boolean retry = session != null && session.state() == TrainingSession.State.FAILED && session.plan().checkpointFile() != null
                            && Files.isRegularFile(session.plan().checkpointFile());
                    problem.set(why + (retry ? " Press Continue to retry from the last checkpoint." : ""));
                    status.set("Training stopped: " + why);
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
        lossCurve.clear();
        rows.clear();
        readiness.set("");
        epochTrainLoss.clear();
        epochValLoss.clear();
        top1.clear();
        top5.clear();
        history.clear();
    }

    /** Writes an epoch's sketch as a MIDI file (atomically), off the FX thread. */
    public void saveSketch(EpochRow row, Path target) {
        Piece piece = row.sampleProperty().get();
        if (piece == null) return;
        BackgroundTask.of(p -> {
            studio.rondo.midi.MidiWriter.write(piece, target);
            return target;
        }).onSuccess(t -> status.set("Saved the sketch of epoch " + row.metrics().epoch() + " to " + t + "."))
                .onFailure(ex -> status.set("Could not save " + target + ": " + ex.getMessage()))
                .start(executor, Platform::runLater);
    }

    /** The most CPU time the FX thread spent on one hand-over of training events (for the test that keeps it short). */
    long longestUpdateNanos() {
        return longestUpdateNanos;
    }

    private String describePreset() {
        Preset p = preset.get();
        if (p == null) return "";
        Hyperparameters h = p.defaults().toBuilder().hidden(Math.max(1, hidden.get())).layers(Math.max(1, layers.get())).build();
        return p.encodingDescription() + ".\n" + p.networkDescription(h) + ".\nAfter " + p.origin() + ".";
    }

    /** Reads the compared models' histories off the FX thread and draws their validation curves. */
    private void redrawCompared() {
        List<Path> files = List.copyOf(library.compared());
        BackgroundTask.of(p -> {
            List<ComparedRun> runs = new java.util.ArrayList<>();
            for (Path f : files) {
                try {
                    runs.add(new ComparedRun(f.getFileName().toString().replaceFirst("(?i)(\\.checkpoint)?\\.zip$", ""), ModelStore.readInfo(f)));
                } catch (ModelFileException e) {
                    // a file deleted or broken since it was ticked: nothing to draw
                }
            }
            return runs;
        }).onSuccess(runs -> {
            List<XYChart.Series<Number, Number>> lossSeries = new java.util.ArrayList<>(), top1Series = new java.util.ArrayList<>();
            for (ComparedRun run : runs) {
                XYChart.Series<Number, Number> l = new XYChart.Series<>(), t = new XYChart.Series<>();
                l.setName(run.name() + " (validation)");
                t.setName(run.name() + " (top-1)");
                for (EpochMetrics m : run.info().history()) {
                    if (m.valLoss() != null) l.getData().add(new XYChart.Data<>(m.epoch(), m.valLoss()));
                    if (m.valTop1() != null) t.getData().add(new XYChart.Data<>(m.epoch(), m.valTop1()));
                }
                lossSeries.add(l);
                top1Series.add(t);
            }
            comparedLoss.setAll(lossSeries);
            comparedTop1.setAll(top1Series);
        }).start(executor, Platform::runLater);
    }

    /** A model drawn beside the run: its name and what its file says. */
    private record ComparedRun(String name, ModelInfo info) {
    }

    /**
     * Makes the epoch's sketch: a copy of the checkpoint just written (taken now, on the training
     * thread, so the next epoch's checkpoint cannot replace it mid-read), then a few bars from it on
     * the sketch thread.
     */
    private void sketch(EpochRow row) {
        TrainingSession s = session;
        Piece primer = sketchPrimer;
        Path checkpoint = s == null ? null : s.plan().checkpointFile();
        if (primer == null || checkpoint == null || !Files.isRegularFile(checkpoint)) {
            Platform.runLater(() -> row.sampleStateProperty().set("no sketch: the run keeps no checkpoint"));
            return;
        }
        Path copy;
        try {
            copy = Files.createTempFile("rondo-sketch-", ".zip");
            Files.copy(checkpoint, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            Platform.runLater(() -> row.sampleStateProperty().set("no sketch: " + e.getMessage()));
            return;
        }
        Platform.runLater(() -> row.sampleStateProperty().set("making…"));
        sketches.execute(() -> {
            try {
                Piece piece = Sketch.of(copy, primer).piece();
                Platform.runLater(() -> {
                    row.sampleProperty().set(piece);
                    row.sampleStateProperty().set("");
                });
            } catch (Exception | OutOfMemoryError e) {
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Platform.runLater(() -> row.sampleStateProperty().set("no sketch: " + why));
            } finally {
                try {
                    Files.deleteIfExists(copy);
                } catch (java.io.IOException ignored) {
                    // a temporary file the system cleans up
                }
            }
        });
    }

    private void finished(TrainingResult r) {
        library.refresh();
        progress.set(r.cancelled() ? progress.get() : 1);
        if (r.savedTo() != null) trainedModel.set(r.savedTo());
        int done = r.info().history().size();
        String where = r.savedTo() != null ? "Model saved to " + r.savedTo() : r.checkpoint() != null ? "Checkpoint saved to " + r.checkpoint() : "";
        status.set((r.cancelled() ? "Stopped after " : r.stoppedEarly() ? "Stopped early (no better validation loss) after " : "Finished ")
                + done + (done == 1 ? " epoch. " : " epochs. ") + where
                + (r.cancelled() ? " — press Continue to go on from here." : " — press Continue to train it further."));
    }

    /** Hears the trainer on its thread and hands over to the FX thread, coalesced. */
    private final class Relay implements TrainingListener {
        private final ConcurrentLinkedQueue<Runnable> updates = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean pending = new AtomicBoolean();
        private volatile TrainingListener.Iteration latest;
        private volatile int firstEpoch = 1, lastEpoch = 1;

        @Override
        public void onStart(Start s) {
            firstEpoch = s.firstEpoch();
            lastEpoch = s.epochs();
            post(() -> status.set(String.format(Locale.ROOT, "Training %s (%,d parameters) on %d pieces, validating on %d: %,d windows in %d minibatches per epoch.",
                    s.preset(), s.parameters(), s.trainPieces(), s.validationPieces(), s.windowsPerEpoch(), s.batchesPerEpoch())));
        }

        @Override
        public void onIteration(Iteration it) {
            latest = it;
            updates.add(() -> lossCurve.add(it.iteration(), it.loss()));
            flush();
        }

        @Override
        public void onEpoch(Epoch e) {
            EpochMetrics m = e.metrics();
            Readiness ready = Readiness.of(m.valNll(), e.validation() == null ? null : e.validation().unigramNll(), m.valTop1());
            EpochRow row = new EpochRow(m, ready);
            sketch(row);
            post(() -> {
                history.add(m);
                rows.add(row);
                readiness.set(ready == Readiness.UNKNOWN ? ready.words() : "Epoch " + m.epoch() + ": " + ready.words() + ".");
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
                // CPU time, not wall time: what this hand-over costs the FX thread, whatever else the machine runs.
                long t0 = CPU.getCurrentThreadCpuTime();
                Runnable r;
                while ((r = updates.poll()) != null) r.run();
                Iteration it = latest;
                if (it != null) {
                    double epochsDone = it.epoch() - firstEpoch + (double) it.batch() / Math.max(1, it.batches());
                    double planned = Math.max(1, lastEpoch - firstEpoch + 1);
                    double elapsed = (System.nanoTime() - startedNanos) / 1e9;
                    double done = epochsDone / planned;
                    if (minutes.get() > 0) done = Math.max(done, elapsed / 60 / minutes.get());
                    progress.set(Math.min(1, done));
                    speed.set(String.format(Locale.ROOT, "epoch %d · minibatch %d/%d · %.0f windows/s", it.epoch(), it.batch(),
                            it.batches(), it.windowsPerSecond()));
                    double left = done > 0.005 ? elapsed * (1 - done) / done : Double.NaN;
                    timing.set(duration(elapsed) + " elapsed" + (Double.isNaN(left) ? "" : " · about " + duration(left) + " left"));
                }
                longestUpdateNanos = Math.max(longestUpdateNanos, CPU.getCurrentThreadCpuTime() - t0);
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
