package studio.rondo.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * A training corpus: a set of MIDI files, each with its summary and its side of the split.
 *
 * <p>Memory: the corpus keeps only summaries (a few hundred bytes per file), so thousands of files
 * are cheap to list. Notes are loaded when asked for ({@link #pieces(Split)}, {@link #load}) and
 * kept in a cache bounded by a note budget (see {@link PieceCache}): a small corpus stays in memory
 * after the first epoch, a large one streams from disk.
 *
 * <p>Thread-safe: a background scan adds entries while the UI thread reads and edits them. Every
 * method returns copies, never live views.
 */
public final class Corpus {
    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 42;

    private final LinkedHashMap<Path, CorpusEntry> entries = new LinkedHashMap<>();
    private final ReadOptions readOptions;
    private final PieceCache cache;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private SplitRule splitRule = new SplitRule(DEFAULT_VALIDATION_FRACTION, DEFAULT_SEED);

    public Corpus() {
        this(ReadOptions.DEFAULT);
    }

    /** @param readOptions how pieces are read (drums, pedal); summaries and training use the same */
    public Corpus(ReadOptions readOptions) {
        this(readOptions, PieceCache.DEFAULT_NOTE_BUDGET);
    }

    /** @param cacheNoteBudget how many notes of loaded pieces to keep in memory at most */
    public Corpus(ReadOptions readOptions, long cacheNoteBudget) {
        this.readOptions = Objects.requireNonNull(readOptions);
        this.cache = new PieceCache(cacheNoteBudget);
    }

    public ReadOptions readOptions() {
        return readOptions;
    }

    // ---- change notification

    /**
     * Runs the listener after every change of the entries or their sides (add, put, remove, move,
     * resplit, an entry refreshed by {@link #load}), on the thread that made the change and outside
     * the corpus lock. A scan calls it once per file: a UI should coalesce before redrawing.
     */
    public void addChangeListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeChangeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        for (Runnable l : listeners) l.run();
    }

    // ---- reading

    public synchronized List<CorpusEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The readable entries on one side of the split, in corpus order. */
    public synchronized List<CorpusEntry> entries(Split split) {
        return entries.values().stream().filter(e -> e.ok() && e.split() == split).toList();
    }

    public synchronized Optional<CorpusEntry> entry(Path file) {
        return Optional.ofNullable(entries.get(key(file)));
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized CorpusTotals totals() {
        int pieces = 0, problems = 0, train = 0, validation = 0;
        long notes = 0, trainNotes = 0, validationNotes = 0;
        double seconds = 0;
        for (CorpusEntry e : entries.values()) {
            if (!e.ok()) {
                problems++;
                continue;
            }
            pieces++;
            notes += e.summary().notes();
            seconds += e.summary().durationSeconds();
            if (e.split() == Split.TRAIN) {
                train++;
                trainNotes += e.summary().notes();
            } else {
                validation++;
                validationNotes += e.summary().notes();
            }
        }
        return new CorpusTotals(pieces, problems, notes, seconds, train, validation, trainNotes, validationNotes);
    }

    public synchronized double validationFraction() {
        return splitRule.validationFraction();
    }

    public synchronized long splitSeed() {
        return splitRule.seed();
    }

    /**
     * A hash of what a model trained on this corpus saw: the content hash and side of every readable
     * piece, in path order. Equal fingerprints mean the same training and validation data.
     */
    public synchronized String fingerprint() {
        MessageDigest d = Fingerprint.digest();
        entries.values().stream().filter(CorpusEntry::ok).sorted(Comparator.comparing(e -> e.file().toString()))
                .forEach(e -> d.update((e.fingerprint().sha256() + " " + e.split() + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }

    // ---- changing

    /**
     * Scans files and folders and adds what it finds (a file already in the corpus is re-read and
     * keeps its side). Meant for a background thread; entries appear in the corpus one by one, each
     * on the side the split rule gives it. When the scan filled an empty corpus and was not
     * cancelled, the split is then made exactly ({@link #resplit} with the current fraction and seed),
     * so a first corpus of 15 pieces gets 2 validation pieces, not "about" 10%.
     *
     * @param onEntry called on the scanning thread with each entry once it is in the corpus
     */
    public ScanResult add(List<Path> paths, ProgressListener progress, Consumer<CorpusEntry> onEntry,
                          CancellationToken cancel) {
        boolean wasEmpty;
        synchronized (this) {
            wasEmpty = entries.values().stream().noneMatch(CorpusEntry::ok);
        }
        CorpusScanner scanner = new CorpusScanner(readOptions);
        ScanResult result = scanner.scan(paths, progress, e -> onEntry.accept(put(e)), cancel);
        if (wasEmpty && !result.cancelled()) {
            SplitRule rule;
            synchronized (this) {
                rule = splitRule;
            }
            resplit(rule.validationFraction(), rule.seed());
        }
        return result;
    }

    public ScanResult add(List<Path> paths) {
        return add(paths, ProgressListener.NONE, e -> { }, CancellationToken.none());
    }

    /**
     * Adds or replaces an entry. A file already in the corpus keeps its side; a new one gets the
     * side the split rule gives it. Returns the entry as stored.
     */
    public CorpusEntry put(CorpusEntry entry) {
        CorpusEntry stored;
        synchronized (this) {
            Path k = key(entry.file());
            CorpusEntry old = entries.get(k);
            Split side = old != null ? old.split() : splitRule.forNewPiece(k);
            stored = new CorpusEntry(k, entry.status(), entry.problem(), entry.summary(), side, entry.fingerprint());
            entries.put(k, stored);
            if (old != null) cache.remove(k);
        }
        changed();
        return stored;
    }

    /** Adds an entry exactly as given, split included (used when a saved corpus is reopened). */
    synchronized void restore(CorpusEntry entry) {
        entries.put(key(entry.file()), entry);
    }

    public boolean remove(Path file) {
        boolean removed;
        synchronized (this) {
            Path k = key(file);
            cache.remove(k);
            removed = entries.remove(k) != null;
        }
        if (removed) changed();
        return removed;
    }

    /** Removes every entry whose status is not OK (unreadable or missing files). Returns how many. */
    public int removeProblems() {
        List<Path> bad;
        synchronized (this) {
            bad = entries.values().stream().filter(e -> !e.ok()).map(CorpusEntry::file).toList();
            bad.forEach(entries::remove);
        }
        if (!bad.isEmpty()) changed();
        return bad.size();
    }

    /** Puts a piece on the given side. */
    public void move(Path file, Split split) {
        synchronized (this) {
            Path k = key(file);
            CorpusEntry e = entries.get(k);
            if (e == null) throw new IllegalArgumentException("not in the corpus: " + file);
            entries.put(k, e.withSplit(split));
        }
        changed();
    }

    /**
     * Makes the default split again: of the readable pieces, the given fraction (rounded; at least one
     * piece on each side when there are two or more) goes to validation, chosen by a hash of the seed
     * and each piece's folder/file name. The same files, fraction and seed always give the same split.
     * Manual moves are undone. Pieces added later follow the same rule piece by piece.
     */
    public void resplit(double validationFraction, long seed) {
        synchronized (this) {
            SplitRule rule = new SplitRule(validationFraction, seed);
            splitRule = rule;
            List<CorpusEntry> ok = new ArrayList<>(entries.values().stream().filter(CorpusEntry::ok).toList());
            // Ties (two identical folder/file names) are broken by the full path so the order is total.
            ok.sort(Comparator.comparingDouble((CorpusEntry e) -> rule.rank(e.file())).thenComparing(e -> e.file().toString()));
            int k = rule.validationCount(ok.size());
            for (int i = 0; i < ok.size(); i++) {
                CorpusEntry e = ok.get(i);
                entries.put(e.file(), e.withSplit(i < k ? Split.VALIDATION : Split.TRAIN));
            }
            for (CorpusEntry e : List.copyOf(entries.values())) {
                if (!e.ok()) entries.put(e.file(), e.withSplit(rule.forNewPiece(e.file())));
            }
        }
        changed();
    }

    /** Sets the rule for pieces added later without moving any piece already in the corpus. */
    synchronized void setSplitRule(double validationFraction, long seed) {
        splitRule = new SplitRule(validationFraction, seed);
    }

    // ---- pieces for the trainer

    /** The readable pieces on one side, loaded when each is first asked for (see the class comment). */
    public CorpusPieces pieces(Split split) {
        return new CorpusPieces(this, entries(split));
    }

    public CorpusPieces trainingPieces() {
        return pieces(Split.TRAIN);
    }

    public CorpusPieces validationPieces() {
        return pieces(Split.VALIDATION);
    }

    /**
     * The notes of one entry, from the cache or the file. A file whose content changed since it was
     * scanned is read again and its entry updated, so training never uses a stale summary's piece.
     *
     * @throws IOException when the file cannot be read now (moved, deleted, corrupted since the scan)
     */
    public Piece load(CorpusEntry entry) throws IOException {
        Path k = key(entry.file());
        if (entry.fingerprint() != null) {
            Piece cached = cache.get(k, entry.fingerprint().sha256());
            // One stat per load keeps the cache honest when a file is edited during a session.
            if (cached != null && sameSizeAndTime(entry.fingerprint(), k)) return cached;
        }
        CorpusScanner.Read read = new CorpusScanner(readOptions).readWithPiece(k);
        boolean known;
        synchronized (this) {
            known = entries.containsKey(k);
        }
        if (known) put(read.entry());
        if (read.piece() == null) throw new IOException(k + ": " + read.entry().problem());
        cache.put(k, read.entry().fingerprint().sha256(), read.piece());
        return read.piece();
    }

    private static boolean sameSizeAndTime(Fingerprint print, Path file) {
        try {
            return print.sameSizeAndTime(file);
        } catch (IOException e) {
            return false;
        }
    }

    long cachedNotes() {
        return cache.notes();
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    /** Thrown by {@link CorpusPieces#get} for a piece that can no longer be read. */
    static UncheckedIOException unchecked(IOException e) {
        return new UncheckedIOException(e.getMessage(), e);
    }
}
