package studio.rondo.ui.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import studio.rondo.dataset.CancellationToken;
import studio.rondo.ui.common.BackgroundTask;
import studio.rondo.dataset.CancelledException;
import studio.rondo.dataset.Corpus;
import studio.rondo.dataset.CorpusEntry;
import studio.rondo.dataset.CorpusManifest;
import studio.rondo.dataset.CorpusTotals;
import studio.rondo.dataset.Split;
import studio.rondo.dataset.catalog.Catalog;
import studio.rondo.dataset.catalog.CatalogEntry;
import studio.rondo.dataset.catalog.Downloader;
import studio.rondo.music.Piece;
import studio.rondo.ui.common.SerialExecutor;

/**
 * The Dataset workspace's state and commands: the corpus table (filtered), background scans with
 * progress and cancel, the split, the selected piece loaded for the piano roll, and the manifest that
 * brings the corpus back on the next start. Only this class talks to the dataset engine.
 */
public final class DatasetViewModel {
    // Properties
    private final ObservableList<CorpusEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<CorpusEntry> visibleEntries = new FilteredList<>(entries, e -> true);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<CorpusEntry> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Piece> selectedPiece = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<studio.rondo.music.edit.PieceEditor> selectedEditor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper totalsText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    private final Path manifest;
    private final Executor executor;
    private final Executor pieceLoader;
    private int pendingOperations;
    private volatile Corpus corpus = new Corpus();
    /**
     * True once saving cannot lose a list: the saved manifest was opened (or there was none), or the
     * one that could not be opened was kept aside. Until then the manifest file is never written over.
     */
    private volatile boolean manifestSafe;
    private volatile String keptAsideNote;
    private CancellationToken currentCancel;
    private volatile BackgroundTask.Progress currentProgress;

    public DatasetViewModel(Path manifest, Executor executor) {
        selectedPiece.addListener((obs, old, now) -> selectedEditor.set(now == null ? null : new studio.rondo.music.edit.PieceEditor(now)));
        this.manifest = manifest;
        // Corpus work in order: a folder added while the saved corpus reopens goes into the reopened one.
        this.executor = new SerialExecutor(executor);
        this.pieceLoader = executor; // showing a piece never waits behind a long scan
        filterText.addListener((obs, old, now) -> visibleEntries.setPredicate(matcher(now)));
        selected.addListener((obs, old, now) -> loadSelectedPiece(now));
        updateTotals();
    }

    public ObservableList<CorpusEntry> visibleEntries() {
        return visibleEntries;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<CorpusEntry> selectedProperty() {
        return selected;
    }

    /**
     * The selected piece in a read-only editor: the roll shows it and selects in it, and the Generate
     * workspace can start from the notes selected there. Null when no piece is selected.
     */
    public ReadOnlyObjectProperty<studio.rondo.music.edit.PieceEditor> selectedEditorProperty() {
        return selectedEditor.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Piece> selectedPieceProperty() {
        return selectedPiece.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty totalsTextProperty() {
        return totalsText.getReadOnlyProperty();
    }

    /** True while a scan or the reopening of the saved corpus runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The last thing that happened, in words (scan done, problems, saving failed). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The corpus the trainer will use. */
    public Corpus corpus() {
        return corpus;
    }

    // Commands

    /** What reopening gave: the entries, or why the saved list could not be opened and where it is kept. */
    private record Reopened(List<CorpusEntry> entries, String problem, Path keptAs, boolean newerVersion) {
    }

    /**
     * Reopens the corpus saved last time; missing files are flagged, never fatal. A saved list that
     * cannot be opened (damaged, or from a newer version) is kept aside under a new name before
     * anything else is saved, and the message says where.
     */
    public void reopen() {
        CancellationToken cancel = new CancellationToken();
        run("Opening your corpus", cancel, p -> {
            Corpus loaded;
            try {
                loaded = CorpusManifest.loadIfPresent(manifest, this::reportProgress, cancel);
            } catch (CancelledException e) {
                throw e; // the list stays where it is, and is kept aside before the first save
            } catch (IOException | RuntimeException e) {
                boolean newer = e instanceof CorpusManifest.NewerVersionException;
                String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
                Path kept;
                try {
                    kept = CorpusManifest.keepAside(manifest, newer ? "newer-version" : "damaged");
                } catch (IOException moveFailed) {
                    throw new IOException(why + ". It could not be set aside either (" + moveFailed.getMessage()
                            + "), so the studio will not save your corpus list over it; move or rename " + manifest
                            + " yourself, then restart", e);
                }
                manifestSafe = true;
                return new Reopened(List.of(), why, kept, newer);
            }
            corpus = loaded;
            manifestSafe = true;
            return new Reopened(loaded.entries(), null, null, false);
        }, r -> {
            List<CorpusEntry> list = r.entries();
            entries.setAll(sorted(list));
            long missing = list.stream().filter(e -> e.status() == CorpusEntry.Status.MISSING).count();
            if (r.problem() != null) {
                message.set((r.newerVersion() ? "Your saved corpus list comes from a newer Rondo Studio (" + r.problem()
                        + "). It is kept unchanged as " + r.keptAs() + "; open it with that version, or add pieces here to start a new list."
                        : "Your saved corpus list could not be opened (" + r.problem() + "). It is kept unchanged as "
                        + r.keptAs() + "; the pieces you add now start a new list."));
            } else {
                message.set(list.isEmpty() ? "Add MIDI files or folders to start a corpus."
                        : "Reopened " + list.size() + " pieces" + (missing > 0 ? "; " + missing + " files are missing" : "") + ".");
            }
        });
    }

    /** Scans files and folders (recursively) in the background; rows appear as files are read. */
    public void add(List<Path> paths) {
        add(paths, false);
    }

    /**
     * Like {@link #add(List)}; with {@code selectFirst} the first piece read is selected when the scan
     * ends (a file opened from the desktop shows at once).
     */
    public void add(List<Path> paths, boolean selectFirst) {
        if (paths.isEmpty()) return;
        CancellationToken cancel = new CancellationToken();
        ConcurrentLinkedQueue<CorpusEntry> arrived = new ConcurrentLinkedQueue<>();
        AtomicBoolean flushPending = new AtomicBoolean();
        run("Reading MIDI files", cancel, p -> {
            Corpus target = corpus;
            var result = target.add(paths, this::reportProgress, e -> {
                arrived.add(e);
                // Coalesced: at most one hop to the FX thread in flight, however fast files come.
                if (flushPending.compareAndSet(false, true)) Platform.runLater(() -> {
                    flushPending.set(false);
                    mergeArrived(arrived);
                });
            }, cancel);
            // A corpus needs pieces to validate on: the first scan that leaves that side empty makes
            // the default seeded split (later additions keep every piece where the user put it).
            CorpusTotals t = target.totals();
            if (t.validationPieces() == 0 && t.pieces() - t.problems() >= 2 && !result.cancelled()) {
                target.resplit(Corpus.DEFAULT_VALIDATION_FRACTION, Corpus.DEFAULT_SEED);
                arrived.addAll(target.entries());
            }
            save(target);
            return result;
        }, result -> {
            mergeArrived(arrived);
            String summary = result.entries().size() + " files read" + (result.errors() > 0 ? ", " + result.errors()
                    + " could not be read (see Status)" : "") + (result.cancelled() ? " — cancelled" : "") + ".";
            String note = keptAsideNote;
            keptAsideNote = null;
            message.set(note == null ? summary : summary + " " + note);
            if (selectFirst) result.entries().stream().findFirst()
                    .flatMap(first -> entries.stream().filter(e -> e.file().equals(first.file())).findFirst())
                    .ifPresent(selected::set);
        });
    }

    /** The public corpora that can be downloaded (the built-in catalog, or -Drondo.catalog.url). */
    public List<CatalogEntry> catalog() {
        try {
            return Catalog.configured().entries();
        } catch (IOException | RuntimeException e) {
            message.set("The catalog of public corpora cannot be read: " + e.getMessage());
            return List.of();
        }
    }

    /**
     * Downloads a public corpus into the studio's corpora folder, then adds it. A failed or cancelled
     * download leaves nothing behind (the downloader unpacks into a temporary folder).
     */
    public void download(CatalogEntry entry) {
        CancellationToken cancel = new CancellationToken();
        Path corpora = manifest.toAbsolutePath().getParent().resolve("corpora");
        run("Downloading " + entry.title(), cancel, p -> new Downloader().download(entry, corpora, (done, total, current) -> {
                    p.progress(total > 0 ? (double) done / total : -1);
                    p.message(String.format(Locale.ROOT, "Downloading %s: %.1f%s MB", entry.title(), done / 1e6,
                            total > 0 ? String.format(Locale.ROOT, " of %.1f", total / 1e6) : ""));
                }, cancel), dir -> {
            message.set("Downloaded " + entry.title() + " to " + dir + " (" + entry.license() + ").");
            add(List.of(dir));
        });
    }

    public void cancel() {
        if (currentCancel != null) currentCancel.cancel();
    }

    public void move(CorpusEntry entry, Split split) {
        corpus.move(entry.file(), split);
        replaceRow(corpus.entry(entry.file()).orElseThrow());
        saveInBackground();
    }

    public void remove(List<CorpusEntry> toRemove) {
        for (CorpusEntry e : List.copyOf(toRemove)) {
            corpus.remove(e.file());
            entries.remove(e);
        }
        updateTotals();
        saveInBackground();
    }

    /** A fresh default split with the given fraction on the validation side (deterministic by seed). */
    public void resplit(double validationFraction) {
        corpus.resplit(validationFraction, Corpus.DEFAULT_SEED);
        entries.setAll(sorted(corpus.entries()));
        updateTotals();
        saveInBackground();
    }

    // ---- internals

    private void mergeArrived(ConcurrentLinkedQueue<CorpusEntry> arrived) {
        CorpusEntry e;
        while ((e = arrived.poll()) != null) replaceRow(e);
        updateTotals();
    }

    private void replaceRow(CorpusEntry entry) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).file().equals(entry.file())) {
                boolean wasSelected = selected.get() != null && selected.get().file().equals(entry.file());
                entries.set(i, entry);
                if (wasSelected) selected.set(entry);
                updateTotals();
                return;
            }
        }
        entries.add(entry);
    }

    private void updateTotals() {
        CorpusTotals t = corpus.totals();
        totalsText.set(String.format(Locale.ROOT, "%d pieces · %,d notes · %.1f hours · %d training / %d validation%s",
                t.pieces(), t.notes(), t.hours(), t.trainPieces(), t.validationPieces(),
                t.problems() > 0 ? " · " + t.problems() + " unreadable" : ""));
    }

    private void loadSelectedPiece(CorpusEntry entry) {
        selectedPiece.set(null);
        if (entry == null || !entry.ok()) return;
        Corpus source = corpus;
        BackgroundTask.of(p -> source.load(entry))
                .onSuccess(piece -> {
                    if (selected.get() == entry) selectedPiece.set(piece);
                })
                .onFailure(ex -> message.set(entry.displayName() + ": " + ex.getMessage()))
                .start(pieceLoader, Platform::runLater);
    }

    /** Progress of the reading under way, coalesced onto the FX thread by its task. */
    private void reportProgress(long done, long total, String current) {
        BackgroundTask.Progress p = currentProgress;
        if (p == null) return;
        p.progress(total > 0 ? (double) done / total : -1);
        p.message(done + " of " + total + (current != null ? " · " + current : ""));
    }

    private void saveInBackground() {
        Corpus c = corpus;
        executor.execute(() -> save(c));
    }

    private void save(Corpus c) {
        if (!manifestSafe && Files.exists(manifest)) {
            // A saved list that was never opened (its reopening was cancelled, or never asked for) is
            // not written over: it is kept aside first.
            try {
                Path kept = CorpusManifest.keepAside(manifest, "unopened");
                keptAsideNote = "Your earlier corpus list was not opened; it is kept unchanged as " + kept + ".";
                String note = keptAsideNote;
                Platform.runLater(() -> message.set(note));
            } catch (IOException e) {
                Platform.runLater(() -> message.set("The corpus list was not saved: " + manifest + " holds a list that was not opened"
                        + " and cannot be set aside (" + e.getMessage() + "); move or rename it, then add the pieces again."));
                return;
            }
        }
        manifestSafe = true;
        try {
            CorpusManifest.save(c, manifest);
        } catch (IOException e) {
            Platform.runLater(() -> message.set("Could not save the corpus list to " + manifest + ": " + e.getMessage()));
        }
    }

    /** Runs engine work off the FX thread with progress and cancel; one at a time. */
    private <T> void run(String what, CancellationToken cancel, BackgroundTask.Work<T> work, java.util.function.Consumer<T> done) {
        currentCancel = cancel;
        pendingOperations++;
        busy.set(true);
        progress.set(-1);
        progressText.set(what + "…");
        BackgroundTask.<T>of(p -> {
            currentProgress = p;
            return work.call(p);
        }).onProgress(progress::set).onMessage(progressText::set)
                .onCancelRequested(cancel::cancel)
                .onSuccess(done::accept)
                .onFailure(ex -> message.set(what + " failed: " + (ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName())))
                .onFinished(() -> {
                    busy.set(--pendingOperations > 0);
                    updateTotals();
                })
                .start(executor, Platform::runLater);
    }

    private static List<CorpusEntry> sorted(List<CorpusEntry> list) {
        List<CorpusEntry> copy = new ArrayList<>(list);
        copy.sort(Comparator.comparing((CorpusEntry e) -> e.file().toString()));
        return copy;
    }

    private static java.util.function.Predicate<CorpusEntry> matcher(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (needle.isEmpty()) return e -> true;
        return e -> e.displayName().toLowerCase(Locale.ROOT).contains(needle)
                || e.file().toString().toLowerCase(Locale.ROOT).contains(needle)
                || (e.problem() != null && e.problem().toLowerCase(Locale.ROOT).contains(needle));
    }
}
