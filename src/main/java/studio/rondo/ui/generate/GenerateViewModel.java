package studio.rondo.ui.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
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
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import studio.rondo.engine.generate.Dynamics;
import studio.rondo.engine.generate.GenerationRequest;
import studio.rondo.ui.common.BackgroundTask;
import studio.rondo.engine.generate.GenerationResult;
import studio.rondo.engine.generate.Generator;
import studio.rondo.engine.generate.Length;
import studio.rondo.engine.generate.Primer;
import studio.rondo.engine.generate.Quantize;
import studio.rondo.engine.generate.Sampling;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.store.LoadedModel;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;
import studio.rondo.midi.MidiWriter;
import studio.rondo.models.BundledModel;
import studio.rondo.models.BundledModels;
import studio.rondo.music.Piece;
import studio.rondo.music.PitchRange;
import studio.rondo.music.edit.PieceEditor;
import studio.rondo.sound.WavRenderer;

/**
 * The Generate workspace: a trained model, a primer, Magenta-Studio-like controls (temperature
 * 0–2, variations 1–16, length, seed), a background run with progress and cancel, the results with
 * their warning signs, and export to .mid or .wav. Only this class calls the generator.
 */
public final class GenerateViewModel {
    // Properties: inputs
    private final ObjectProperty<Path> modelFile = new SimpleObjectProperty<>();
    private final ObservableList<ModelChoice> modelChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> modelChoice = new SimpleObjectProperty<>();
    private final ObjectProperty<PrimerSource> primerSource = new SimpleObjectProperty<>(PrimerSource.SELECTED_PIECE);
    private final ObjectProperty<Path> primerFile = new SimpleObjectProperty<>();
    private final IntegerProperty primerNotes = new SimpleIntegerProperty(50);
    private final IntegerProperty primerFromBar = new SimpleIntegerProperty(1);
    private final IntegerProperty primerToBar = new SimpleIntegerProperty(4);
    private Supplier<List<studio.rondo.music.Note>> datasetSelection = List::of;
    private final IntegerProperty lengthNotes = new SimpleIntegerProperty(200);
    private final DoubleProperty temperature = new SimpleDoubleProperty(1.0);
    private final IntegerProperty topK = new SimpleIntegerProperty(0);
    private final DoubleProperty topP = new SimpleDoubleProperty(1.0);
    private final LongProperty seed = new SimpleLongProperty(new Random().nextInt(1_000_000));
    private final IntegerProperty variations = new SimpleIntegerProperty(4);
    private final BooleanProperty includePrimer = new SimpleBooleanProperty(false);
    private final ObjectProperty<LengthUnit> lengthUnit = new SimpleObjectProperty<>(LengthUnit.NOTES);
    private final IntegerProperty lengthSeconds = new SimpleIntegerProperty(30);
    private final IntegerProperty lengthBars = new SimpleIntegerProperty(8);
    private final StringProperty pitchRange = new SimpleStringProperty(MODEL_RANGE);
    private final ObjectProperty<Dynamics> dynamics = new SimpleObjectProperty<>(Dynamics.PRIMER);
    private final StringProperty quantizeGrid = new SimpleStringProperty(QUANTIZE_OFF);
    private final IntegerProperty quantizeStrength = new SimpleIntegerProperty(100);
    private final BooleanProperty normalizeWav = new SimpleBooleanProperty(true);

    // Properties: state
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper("No model chosen: train one, or open a model file.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<GenerationResult> results = FXCollections.observableArrayList();
    private final ObjectProperty<GenerationResult> selected = new SimpleObjectProperty<>();
    private final ReadOnlyDoubleWrapper selectedJoin = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<PieceEditor> selectedEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Piece> selectedPiece = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper selectedPrimerLabel = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper primerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Path> exportFolder = new SimpleObjectProperty<>();
    private final BooleanProperty exportWavToo = new SimpleBooleanProperty(false);
    // each variation's edits, kept while its results are shown (unlimited undo per piece)
    private final Map<GenerationResult, PieceEditor> editors = new IdentityHashMap<>();
    private final Runnable editorListener = this::onEdited;
    private long shownVersion = -1;
    // what the shown results were made from, for their names and the primer's label
    private String batchPrimerName;
    private String batchPrimerDetail;
    private String batchModelName = "model";

    /** The pitch range choices: the model's training range (default), the whole piano, or typed "C2-G6". */
    public static final String MODEL_RANGE = "Model's range", PIANO_RANGE = "Piano (A0–C8)";
    /** Quantize choices. */
    public static final String QUANTIZE_OFF = "Off";
    public static final List<String> QUANTIZE_GRIDS = List.of(QUANTIZE_OFF, "1/8", "1/16", "1/8T", "1/16T");

    private final Executor executor;
    private final Supplier<Piece> selectedDatasetPiece;
    private final Supplier<WavRenderer> wavRenderer;
    private BackgroundTask<List<GenerationResult>> generation; // the generation under way, FX thread only
    private LoadedModel loaded;
    private Path loadedFrom;
    private final ReportViewModel report;

    /**
     * @param selectedDatasetPiece the piece selected in the Dataset workspace (may give null)
     * @param wavRenderer          a renderer with the sounds the musician chose
     */
    public GenerateViewModel(Executor executor, Supplier<Piece> selectedDatasetPiece, Supplier<WavRenderer> wavRenderer) {
        this.executor = executor;
        this.selectedDatasetPiece = selectedDatasetPiece;
        this.wavRenderer = wavRenderer;
        this.report = new ReportViewModel(executor);
        modelFile.addListener((obs, old, now) -> {
            if (now != null && (modelChoice.get() == null || !now.equals(modelChoice.get().file()))) modelChoice.set(choiceFor(now));
            describeModel(now);
        });
        modelChoice.addListener((obs, old, now) -> {
            if (now != null && !now.file().equals(modelFile.get())) modelFile.set(now.file());
        });
        selected.addListener((obs, old, now) -> {
            selectedJoin.set(now == null ? Double.NaN : now.joinSeconds());
            PieceEditor before = selectedEditor.get();
            if (before != null) before.removeListener(editorListener);
            PieceEditor ed = now == null ? null : editor(now);
            if (ed != null) ed.addListener(editorListener);
            shownVersion = ed == null ? -1 : ed.version();
            selectedEditor.set(ed);
            selectedPiece.set(ed == null ? null : ed.piece());
            selectedPrimerLabel.set(now == null || !now.primerIncluded() ? null : primerLabel());
            updateUndoText();
        });
        primerSource.addListener((obs, old, now) -> updatePrimerText());
        primerFile.addListener((obs, old, now) -> updatePrimerText());
        primerNotes.addListener((obs, old, now) -> updatePrimerText());
        primerFromBar.addListener((obs, old, now) -> updatePrimerText());
        primerToBar.addListener((obs, old, now) -> updatePrimerText());
        updatePrimerText();
    }

    /** Keeps the primer's name in view as the Dataset selection changes. */
    public void followDatasetPiece(javafx.beans.value.ObservableValue<Piece> piece) {
        piece.addListener((obs, old, now) -> updatePrimerText());
        updatePrimerText();
    }

    private void updatePrimerText() {
        String text = switch (primerSource.get() == null ? PrimerSource.NONE : primerSource.get()) {
            case NONE -> "The model starts from silence.";
            case SELECTED_PIECE -> {
                Piece p = selectedDatasetPiece.get();
                yield p == null ? "No piece is selected in the Dataset workspace." : "Primer: the first " + primerNotes.get() + " notes of " + p.name();
            }
            case SELECTED_BARS -> {
                Piece p = selectedDatasetPiece.get();
                yield p == null ? "No piece is selected in the Dataset workspace."
                        : "Primer: bars " + primerFromBar.get() + "–" + primerToBar.get() + " of " + p.name();
            }
            case DATASET_SELECTION -> {
                Piece p = selectedDatasetPiece.get();
                yield p == null ? "No piece is selected in the Dataset workspace."
                        : "Primer: the notes you select in the Dataset's piano roll (" + p.name() + ")";
            }
            case FILE -> primerFile.get() == null ? "Choose the MIDI file to start from."
                    : "Primer: the first " + primerNotes.get() + " notes of " + primerFile.get().getFileName();
        };
        primerText.set(text);
    }

    private String primerLabel() {
        return batchPrimerName == null ? "Primer" : "Primer: " + batchPrimerName + ", " + batchPrimerDetail;
    }

    private void onEdited() {
        PieceEditor ed = selectedEditor.get();
        if (ed == null) return;
        if (!ed.previewing() && ed.version() != shownVersion) {
            shownVersion = ed.version();
            selectedPiece.set(ed.piece());
        }
        updateUndoText();
    }

    private void updateUndoText() {
        PieceEditor ed = selectedEditor.get();
        undoText.set(ed == null ? "" : ed.undoDescription().map(d -> "Undo " + d).orElse(""));
    }

    /** The editor of a variation: its notes, selection and undo history, made on first use and kept while the result is shown. */
    public PieceEditor editor(GenerationResult result) {
        return editors.computeIfAbsent(result, r -> new PieceEditor(r.piece()));
    }

    /** A variation as edited (what plays and exports). */
    public Piece editedPiece(GenerationResult result) {
        PieceEditor ed = editors.get(result);
        return ed == null ? result.piece() : ed.piece();
    }

    /** "new-piano-seed311-v1.mid": the primer's piece (or "new"), the model, the seed and the variation, safe as a file name. */
    public String defaultFileName(GenerationResult r, String extension) {
        String base = batchPrimerName == null ? "new" : batchPrimerName;
        return safeName(base) + "-" + safeName(batchModelName) + "-seed" + r.seed() + "-v" + (r.variation() + 1) + extension;
    }

    static String safeName(String s) {
        String name = s.replaceAll("\\.(mid|midi|zip)$", "").replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[_.]+|_+$", "");
        if (name.length() > 40) name = name.substring(0, 40);
        return name.isEmpty() ? "piece" : name;
    }

    public ObjectProperty<Path> modelFileProperty() { return modelFile; }
    /** The models to choose from: the bundled ones, then the musician's (see {@link #offerModels}). */
    public ObservableList<ModelChoice> modelChoices() { return modelChoices; }
    public ObjectProperty<ModelChoice> modelChoiceProperty() { return modelChoice; }
    public ObjectProperty<PrimerSource> primerSourceProperty() { return primerSource; }
    public ObjectProperty<Path> primerFileProperty() { return primerFile; }
    public IntegerProperty primerNotesProperty() { return primerNotes; }
    /** First and last bar (1-based, inclusive) of the primer when it is {@link PrimerSource#SELECTED_BARS}. */
    public IntegerProperty primerFromBarProperty() { return primerFromBar; }
    public IntegerProperty primerToBarProperty() { return primerToBar; }

    /** Where the notes selected in the Dataset's roll come from ({@link PrimerSource#DATASET_SELECTION}). */
    public void setDatasetSelection(Supplier<List<studio.rondo.music.Note>> selection) {
        datasetSelection = selection;
    }
    public IntegerProperty lengthNotesProperty() { return lengthNotes; }
    public DoubleProperty temperatureProperty() { return temperature; }
    public IntegerProperty topKProperty() { return topK; }
    public DoubleProperty topPProperty() { return topP; }
    public LongProperty seedProperty() { return seed; }
    public IntegerProperty variationsProperty() { return variations; }
    public BooleanProperty includePrimerProperty() { return includePrimer; }
    public ObjectProperty<LengthUnit> lengthUnitProperty() { return lengthUnit; }
    public IntegerProperty lengthSecondsProperty() { return lengthSeconds; }
    public IntegerProperty lengthBarsProperty() { return lengthBars; }
    /** {@link #MODEL_RANGE}, {@link #PIANO_RANGE} or a range as typed ("C2-G6", "36-91"). */
    public StringProperty pitchRangeProperty() { return pitchRange; }
    public ObjectProperty<Dynamics> dynamicsProperty() { return dynamics; }
    /** One of {@link #QUANTIZE_GRIDS}. */
    public StringProperty quantizeGridProperty() { return quantizeGrid; }
    /** 0..100 %. */
    public IntegerProperty quantizeStrengthProperty() { return quantizeStrength; }
    /** WAV exports peak at -1 dBFS (else the synthesizer's level). */
    public BooleanProperty normalizeWavProperty() { return normalizeWav; }
    /** Where the generated part of the selected result starts (the primer before it), seconds; NaN for none. */
    public ReadOnlyDoubleProperty selectedJoinProperty() { return selectedJoin.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelTextProperty() { return modelText.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ObservableList<GenerationResult> results() { return results; }
    /** The Report on the last generation: its variations against the Dataset workspace's corpus. */
    public ReportViewModel report() { return report; }
    /** The editor of the selected variation (null when none is selected). */
    public ReadOnlyObjectProperty<PieceEditor> selectedEditorProperty() { return selectedEditor.getReadOnlyProperty(); }
    /** The selected variation as edited: what the player plays and the exports write. */
    public ReadOnlyObjectProperty<Piece> selectedPieceProperty() { return selectedPiece.getReadOnlyProperty(); }
    /** "Primer: KV 311/1, first 60 notes" when the selected result starts with its primer, else null. */
    public ReadOnlyStringProperty selectedPrimerLabelProperty() { return selectedPrimerLabel.getReadOnlyProperty(); }
    /** What the next generation starts from, named ("Primer: the first 50 notes of KV 311/1"). */
    public ReadOnlyStringProperty primerTextProperty() { return primerText.getReadOnlyProperty(); }
    /** "Undo Move 12 notes" for the selected variation, "" when there is nothing to undo. */
    public ReadOnlyStringProperty undoTextProperty() { return undoText.getReadOnlyProperty(); }
    /** Where exports go (remembered in the settings); null for the home folder. */
    public ObjectProperty<Path> exportFolderProperty() { return exportFolder; }
    /** "Export all" also renders a .wav of each variation. */
    public BooleanProperty exportWavTooProperty() { return exportWavToo; }
    public ObjectProperty<GenerationResult> selectedProperty() { return selected; }

    // Commands

    public void newSeed() {
        seed.set(new Random().nextInt(1_000_000));
    }

    /** Generates the variations in the background; results replace the previous ones. */
    public void generate() {
        if (running.get()) return;
        Path model = modelFile.get();
        if (model == null) {
            status.set("Choose a model first: train one in the Training workspace, or open a model file.");
            return;
        }
        PrimerSource from = primerSource.get() == null ? PrimerSource.NONE : primerSource.get();
        boolean fromDataset = from == PrimerSource.SELECTED_PIECE || from == PrimerSource.SELECTED_BARS || from == PrimerSource.DATASET_SELECTION;
        Piece datasetPiece = fromDataset ? selectedDatasetPiece.get() : null;
        if (fromDataset && datasetPiece == null) {
            status.set("Select a piece in the Dataset workspace to start from, or choose another primer.");
            return;
        }
        List<studio.rondo.music.Note> chosenNotes = from == PrimerSource.DATASET_SELECTION ? datasetSelection.get() : List.of();
        if (from == PrimerSource.DATASET_SELECTION && chosenNotes.isEmpty()) {
            status.set("Select the notes to start from in the Dataset's piano roll (click, Shift+click or drag a rubber band).");
            return;
        }
        int barFrom = primerFromBar.get(), barTo = primerToBar.get();
        double[] barSeconds = null;
        if (from == PrimerSource.SELECTED_BARS) {
            if (barFrom < 1 || barTo < barFrom) {
                status.set("Primer bars: from bar " + barFrom + " to bar " + barTo + " is no range (the first bar is 1).");
                return;
            }
            var sigs = datasetPiece.metadata().timeSignatures();
            var map = datasetPiece.tempoMap();
            barSeconds = new double[] {map.secondsAt(studio.rondo.music.Meter.barTick(sigs, map.resolution(), barFrom)),
                    map.secondsAt(studio.rondo.music.Meter.barTick(sigs, map.resolution(), barTo + 1))};
            if (barSeconds[0] >= datasetPiece.durationSeconds()) {
                status.set("Primer bars: " + datasetPiece.name() + " ends before bar " + barFrom + ".");
                return;
            }
        }
        if (primerSource.get() == PrimerSource.FILE && primerFile.get() == null) {
            status.set("Choose the MIDI file to start from.");
            return;
        }
        Sampling sampling;
        PitchRange range;
        Quantize quantize;
        Length length;
        try {
            sampling = new Sampling(temperature.get(), topK.get(), topP.get(), seed.get());
            range = pitchRange(pitchRange.get());
            quantize = quantize(quantizeGrid.get(), quantizeStrength.get());
            length = switch (lengthUnit.get() == null ? LengthUnit.NOTES : lengthUnit.get()) {
                case NOTES -> Length.notes(lengthNotes.get());
                case SECONDS -> Length.seconds(lengthSeconds.get());
                case BARS -> Length.bars(lengthBars.get());
            };
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        Dynamics dyn = dynamics.get() == null ? Dynamics.PRIMER : dynamics.get();
        PrimerSource source = primerSource.get();
        Path file = primerFile.get();
        int count = primerNotes.get();
        int n = variations.get();
        boolean withPrimer = includePrimer.get();
        String primerName = switch (source) {
            case NONE -> null;
            case SELECTED_PIECE, SELECTED_BARS, DATASET_SELECTION -> datasetPiece.name();
            case FILE -> file.getFileName().toString().replaceAll("(?i)\\.midi?$", "");
        };
        ModelChoice choice = modelChoice.get();
        String modelName = choice != null && choice.isBundled() ? choice.bundled().name()
                : model.getFileName().toString().replaceAll("(?i)\\.zip$", "");
        double[] barRange = barSeconds;
        String primerDetail = switch (source) {
            case SELECTED_BARS -> "bars " + barFrom + "–" + barTo;
            case DATASET_SELECTION -> chosenNotes.size() + " selected notes";
            default -> "first " + count + " notes";
        };
        running.set(true);
        progress.set(-1);
        status.set("Loading the model…");
        BackgroundTask<List<GenerationResult>> task = BackgroundTask.<List<GenerationResult>>of(p -> {
            LoadedModel m = model(model);
            Primer primer = switch (source) {
                case NONE -> Primer.none();
                case SELECTED_PIECE -> Primer.firstNotes(datasetPiece, count);
                case SELECTED_BARS -> Primer.range(datasetPiece, barRange[0], barRange[1]);
                case DATASET_SELECTION -> Primer.ofNotes(primerName, chosenNotes.stream().map(nt -> new Piece.TimedNote(nt.pitch(), nt.velocity(),
                        nt.channel(), nt.startSeconds(), nt.endSeconds())).toList(), datasetPiece.tempoMap().bpmAt(chosenNotes.get(0).startTick()));
                case FILE -> Primer.firstNotes(file, count);
            };
            GenerationRequest request = new GenerationRequest(primer, length, sampling, n, withPrimer, range, dyn, quantize);
            return Generator.of(m).generate(request, g -> {
                p.progress(g.overall());
                p.message(String.format(Locale.ROOT, "Generating variation %d of %d…", g.variation() + 1, g.variations()));
            }, p::cancelled);
        }).onProgress(progress::set).onMessage(status::set)
                .onSuccess(value -> {
                    progress.set(1);
                    batchPrimerName = primerName;
                    batchPrimerDetail = primerDetail;
                    batchModelName = modelName;
                    selected.set(null);
                    editors.clear();
                    results.setAll(value);
                    if (!results.isEmpty()) selected.set(results.get(0));
                    GenerationResult first = value.get(0);
                    status.set(String.format(Locale.ROOT, "%d variations of %d notes, %.0f events/s. Listen, then export the ones you like.",
                            value.size(), first.stats().notes(), first.eventsPerSecond()));
                    if (!first.lengthReached()) status.set(status.get() + " The length was not reached: the model stopped at the event limit.");
                    report.measure(value);
                })
                .onCancelled(() -> {
                    progress.set(0);
                    status.set("Generation cancelled.");
                })
                .onFailure(ex -> {
                    progress.set(0);
                    status.set("Generation failed: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName()));
                })
                .onFinished(() -> {
                    running.set(false);
                    generation = null;
                });
        generation = task;
        task.start(executor, Platform::runLater);
    }

    public void cancel() {
        BackgroundTask<?> t = generation;
        if (t != null) t.cancel();
    }

    /** Writes a result as a MIDI file (atomically: a failed export never leaves half a file). */
    public void exportMidi(GenerationResult result, Path target) {
        Piece piece = editedPiece(result);
        rememberFolder(target);
        runExport(target, () -> MidiWriter.write(piece, target));
    }

    /** Renders a result to WAV with the built-in sounds or the chosen SoundFont. */
    public void exportWav(GenerationResult result, Path target) {
        boolean normalize = normalizeWav.get();
        Piece piece = editedPiece(result);
        rememberFolder(target);
        runExport(target, () -> wavRenderer.get().normalizing(normalize)
                .render(MidiWriter.toSequence(piece), target, (done, total) -> { }, () -> false));
    }

    /**
     * Writes every variation, as edited, into {@code folder} under its default name (.mid, and .wav
     * when {@link #exportWavTooProperty()} is set), each atomically; a name already taken gets "-2",
     * "-3"... so nothing is overwritten. The folder is remembered.
     */
    public void exportAll(Path folder) {
        if (results.isEmpty()) {
            status.set("Nothing to export yet: generate first.");
            return;
        }
        exportFolder.set(folder);
        boolean wav = exportWavToo.get();
        boolean normalize = normalizeWav.get();
        List<GenerationResult> all = List.copyOf(results);
        List<Piece> pieces = all.stream().map(this::editedPiece).toList();
        List<String> names = all.stream().map(r -> defaultFileName(r, "")).toList();
        status.set("Writing " + all.size() + " variations to " + folder + "…");
        BackgroundTask.of(p -> {
            Files.createDirectories(folder);
            List<Path> written = new java.util.ArrayList<>();
            for (int i = 0; i < pieces.size(); i++) {
                p.progress((double) i / pieces.size());
                Path midi = freeName(folder, names.get(i), ".mid");
                MidiWriter.write(pieces.get(i), midi);
                written.add(midi);
                if (wav) {
                    Path w = freeName(folder, names.get(i), ".wav");
                    wavRenderer.get().normalizing(normalize).render(MidiWriter.toSequence(pieces.get(i)), w, (d, t) -> { }, () -> false);
                    written.add(w);
                }
            }
            return written;
        }).onSuccess(written -> status.set("Saved " + all.size() + " variations (" + written.size() + " files) to " + folder))
                .onFailure(ex -> status.set("Could not export to " + folder + ": " + ex.getMessage()))
                .start(executor, Platform::runLater);
    }

    static Path freeName(Path folder, String base, String extension) {
        Path p = folder.resolve(base + extension);
        for (int k = 2; Files.exists(p); k++) p = folder.resolve(base + "-" + k + extension);
        return p;
    }

    private void rememberFolder(Path target) {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) exportFolder.set(parent);
    }

    /** One line per variation: its measures and warning signs. */
    public String describeEdited(GenerationResult r) {
        PieceEditor ed = editors.get(r);
        return (ed != null && ed.isEdited() ? "✎ " : "") + describe(r);
    }

    public static String describe(GenerationResult r) {
        var s = r.stats();
        return String.format(Locale.ROOT, "Variation %d · %s · %.1f notes/bar · %s · %d notes · %.1f s · longest repeated pitch %d · "
                        + "silence %.0f %% · seed %d",
                r.variation() + 1, s.key() == null ? "no key" : s.key(), s.notesPerBar(), s.pitchRange().isEmpty() ? "no notes" : s.pitchRange(),
                s.notes(), s.seconds(), s.longestRepeat(), 100 * s.silenceFraction(), r.seed());
    }

    /** The range a choice means: null for the model's own. */
    static PitchRange pitchRange(String choice) {
        if (choice == null || choice.isBlank() || choice.equals(MODEL_RANGE)) return null;
        if (choice.equals(PIANO_RANGE)) return PitchRange.PIANO;
        try {
            return PitchRange.parse(choice);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Pitch range: " + e.getMessage());
        }
    }

    static Quantize quantize(String grid, int strengthPercent) {
        if (grid == null || grid.equals(QUANTIZE_OFF)) return Quantize.OFF;
        return Quantize.parse(grid).withStrength(Math.max(0, Math.min(100, strengthPercent)) / 100.0);
    }

    /** Prefix of a remembered bundled model ({@link #rememberedModel}): bundled models move with the install folder. */
    public static final String BUNDLED_PREFIX = "bundled:";

    /**
     * Lists the bundled models, then the model files in {@code userModels} (newest first, checkpoints
     * left out), and selects the remembered model ({@link #rememberedModel}'s form) when it is still
     * there, else the default bundled model: on a first start Generate works straight away.
     */
    public void offerModels(List<BundledModel> bundled, Path userModels, String remembered) {
        List<ModelChoice> choices = new java.util.ArrayList<>();
        bundled.forEach(m -> choices.add(ModelChoice.of(m)));
        if (userModels != null && Files.isDirectory(userModels)) {
            try (var files = Files.list(userModels)) {
                files.filter(f -> f.getFileName().toString().endsWith(".zip") && !f.getFileName().toString().endsWith(".checkpoint.zip"))
                        .filter(Files::isRegularFile)
                        .sorted(java.util.Comparator.comparing(GenerateViewModel::modified).reversed())
                        .forEach(f -> choices.add(ModelChoice.ofFile(f)));
            } catch (java.io.IOException e) {
                // an unreadable models folder: the bundled models and "Open model…" still work
            }
        }
        modelChoices.setAll(choices);
        ModelChoice pick = null;
        if (remembered != null && remembered.startsWith(BUNDLED_PREFIX)) {
            String name = remembered.substring(BUNDLED_PREFIX.length());
            pick = choices.stream().filter(c -> c.isBundled() && c.bundled().name().equalsIgnoreCase(name)).findFirst().orElse(null);
        } else if (remembered != null && !remembered.isBlank()) {
            Path file = Path.of(remembered);
            if (Files.isRegularFile(file)) pick = choiceFor(file);
        }
        if (pick == null) pick = BundledModels.defaultModel(bundled).map(this::choiceFor).orElse(null);
        if (pick != null) modelChoice.set(pick);
        // A first start has no corpus yet: start from nothing, so that Generate works straight away.
        if (remembered == null && pick != null && primerSource.get() == PrimerSource.SELECTED_PIECE && selectedDatasetPiece.get() == null)
            primerSource.set(PrimerSource.NONE);
    }

    /**
     * The musician's models as the library now lists them (after a rename, copy, import or delete):
     * the bundled models stay, the list of files follows; a chosen model that is gone gives way to the
     * default bundled model.
     */
    public void libraryChanged(List<Path> models) {
        List<ModelChoice> choices = new java.util.ArrayList<>(modelChoices.stream().filter(ModelChoice::isBundled).toList());
        for (Path f : models) choices.add(modelChoices.stream().filter(c -> c.file().equals(f)).findFirst().orElseGet(() -> ModelChoice.ofFile(f)));
        ModelChoice chosen = modelChoice.get();
        boolean gone = chosen != null && !chosen.isBundled() && !models.contains(chosen.file()) && !Files.isRegularFile(chosen.file());
        if (chosen != null && !gone && !choices.contains(chosen)) choices.add(chosen); // opened from elsewhere: stays offered
        modelChoices.setAll(choices);
        if (gone) choices.stream().filter(ModelChoice::isBundled).findFirst().ifPresent(modelChoice::set);
    }

    private ModelChoice choiceFor(BundledModel m) {
        return choiceFor(m.file());
    }

    /** What the settings remember of the chosen model: "bundled:NAME" or the file's path; null when none. */
    public String rememberedModel() {
        ModelChoice c = modelChoice.get();
        if (c != null && c.file().equals(modelFile.get()) && c.isBundled()) return BUNDLED_PREFIX + c.bundled().name();
        return modelFile.get() == null ? null : modelFile.get().toAbsolutePath().toString();
    }

    /** The list entry of a file, added after the others when the file is not listed yet (opened or just trained). */
    private ModelChoice choiceFor(Path file) {
        for (ModelChoice c : modelChoices) if (c.file().equals(file)) return c;
        ModelChoice c = ModelChoice.ofFile(file);
        modelChoices.add(c);
        return c;
    }

    private static java.nio.file.attribute.FileTime modified(Path f) {
        try {
            return Files.getLastModifiedTime(f);
        } catch (java.io.IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    // ---- internals

    private interface Export {
        void run() throws Exception;
    }

    private void runExport(Path target, Export export) {
        status.set("Writing " + target.getFileName() + "…");
        BackgroundTask.of(p -> {
            export.run();
            return target;
        }).onSuccess(t -> status.set("Saved " + t))
                .onFailure(ex -> status.set("Could not save " + target + ": " + ex.getMessage()))
                .start(executor, Platform::runLater);
    }

    private synchronized LoadedModel model(Path file) throws Exception {
        if (loaded == null || !file.equals(loadedFrom)) {
            loaded = ModelStore.load(file);
            loadedFrom = file;
        }
        return loaded;
    }

    private void describeModel(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            modelText.set("No model chosen: train one, or open a model file.");
            return;
        }
        try {
            ModelChoice c = modelChoice.get();
            if (c != null && c.isBundled() && c.file().equals(file)) {
                modelText.set(c.bundled().title() + ", built in: " + c.bundled().description() + " (" + c.bundled().license() + ")");
                return;
            }
            ModelInfo info = ModelStore.readInfo(file);
            List<EpochMetrics> h = info.history();
            EpochMetrics last = h.isEmpty() ? null : h.get(h.size() - 1);
            modelText.set(String.format(Locale.ROOT, "%s — preset %s, %,d parameters, %d epochs%s; trained on %s", file.getFileName(), info.preset(),
                    info.parameters(), h.size(), last != null && last.valTop1() != null
                            ? String.format(Locale.ROOT, ", validation pitch accuracy %.1f %%", 100 * last.valTop1()) : "",
                    info.profile() == null ? "an unknown range (older model: A0–C8 allowed)" : Generator.modelRange(info.profile()).toString()));
        } catch (Exception e) {
            modelText.set(e.getMessage());
        }
    }
}
