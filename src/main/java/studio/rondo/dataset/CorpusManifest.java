package studio.rondo.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import studio.rondo.app.AppDirs;
import studio.rondo.midi.ReadOptions;
import studio.rondo.util.AtomicFiles;

/**
 * Saves a corpus as a small JSON file and opens it again on the next start.
 *
 * <p>Paths inside the manifest's folder are stored relative to it (the folder can be moved or
 * synced as a whole), others absolute. Each entry keeps its side of the split, its summary and its
 * fingerprint, so reopening thousands of files costs one size/time check per file; only files
 * whose size or time changed are read again. A file that is gone is flagged MISSING ("missing:
 * FILE not found"), not dropped, so the user sees what went away.
 */
public final class CorpusManifest {
    public static final String FORMAT = "rondo-corpus";
    public static final int VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // a later minor addition must not break reading

    private CorpusManifest() {
    }

    /** Where the studio keeps the user's corpus: corpus.json in the data folder. */
    public static Path defaultLocation() {
        return AppDirs.dataDir().resolve("corpus.json");
    }

    // ---- the JSON shape

    record Doc(String format, int version, Options readOptions, SplitDoc split, List<EntryDoc> entries) {
    }

    record Options(boolean keepDrums, boolean extendNotesWithPedal) {
    }

    record SplitDoc(double validationFraction, long seed) {
    }

    record EntryDoc(String path, Split split, String status, String problem, Long size, Long modified, String sha256,
                    PieceSummary summary) {
    }

    // ---- saving

    /** Writes the manifest atomically: a crash while saving leaves the previous manifest intact. */
    public static void save(Corpus corpus, Path manifest) throws IOException {
        Path dir = manifest.toAbsolutePath().normalize().getParent();
        List<EntryDoc> docs = new ArrayList<>();
        for (CorpusEntry e : corpus.entries()) {
            Fingerprint f = e.fingerprint();
            docs.add(new EntryDoc(storedPath(dir, e.file()), e.split(), e.status().name(),
                    e.status() == CorpusEntry.Status.ERROR ? e.problem() : null,
                    f == null ? null : f.size(), f == null ? null : f.modifiedMillis(), f == null ? null : f.sha256(),
                    e.summary()));
        }
        ReadOptions o = corpus.readOptions();
        Doc doc = new Doc(FORMAT, VERSION, new Options(o.keepDrums(), o.extendNotesWithPedal()),
                new SplitDoc(corpus.validationFraction(), corpus.splitSeed()), docs);
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        AtomicFiles.write(manifest, bytes);
    }

    private static String storedPath(Path dir, Path file) {
        if (dir != null && file.startsWith(dir)) return dir.relativize(file).toString().replace('\\', '/');
        return file.toString();
    }

    // ---- loading

    /** The manifest is a corpus manifest of another format version (usually written by a newer studio). */
    public static final class NewerVersionException extends IOException {
        NewerVersionException(String message) {
            super(message);
        }
    }

    /** Like {@link #load}, but a manifest that does not exist yet gives an empty corpus (the first start). */
    public static Corpus loadIfPresent(Path manifest, ProgressListener progress, CancellationToken cancel) throws IOException {
        if (!Files.exists(manifest)) return new Corpus();
        return load(manifest, progress, cancel);
    }

    /**
     * Opens a saved corpus, checking every file: unchanged files keep their saved summary, changed
     * ones are read again, missing ones are flagged. Progress counts entries checked.
     *
     * @throws IOException when the manifest cannot be read or is not a corpus manifest of this version;
     *                     the message says which
     * @throws CancelledException when cancelled
     */
    public static Corpus load(Path manifest, ProgressListener progress, CancellationToken cancel) throws IOException {
        Doc doc = parse(manifest);
        Path dir = manifest.toAbsolutePath().normalize().getParent();
        ReadOptions options = ReadOptions.DEFAULT;
        if (doc.readOptions() != null) {
            options = options.withKeepDrums(doc.readOptions().keepDrums())
                    .withExtendNotesWithPedal(doc.readOptions().extendNotesWithPedal());
        }
        Corpus corpus = new Corpus(options);
        if (doc.split() != null) corpus.setSplitRule(doc.split().validationFraction(), doc.split().seed());
        CorpusScanner scanner = new CorpusScanner(options);
        List<EntryDoc> entries = doc.entries() == null ? List.of() : doc.entries();
        for (int i = 0; i < entries.size(); i++) {
            cancel.throwIfCancelled();
            EntryDoc d = entries.get(i);
            if (d.path() == null || d.path().isBlank()) continue;
            Path file = (dir == null ? Path.of(d.path()) : dir.resolve(d.path())).toAbsolutePath().normalize();
            progress.progress(i, entries.size(), file.toString());
            corpus.restore(check(file, d, scanner));
        }
        progress.progress(entries.size(), entries.size(), "");
        return corpus;
    }

    /**
     * Moves a manifest that could not be opened out of the way, so that saving the corpus anew never
     * overwrites the list it holds: {@code corpus.json} becomes {@code corpus.json.damaged-20261129-2150}
     * (a counter is added when that name is taken). The file is moved, never copied or changed.
     *
     * @param label what happened to it ("damaged" when it failed to load, "unopened" when it was never read)
     * @return where the manifest is now kept
     * @throws IOException when it cannot be moved (the caller must then not save over it)
     */
    public static Path keepAside(Path manifest, String label) throws IOException {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .format(java.time.LocalDateTime.now());
        String base = manifest.getFileName() + "." + label + "-" + stamp;
        for (int i = 1; ; i++) {
            Path kept = manifest.resolveSibling(i == 1 ? base : base + "-" + i);
            try {
                return Files.move(manifest, kept); // never replaces: an existing name is skipped
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                if (i >= 1000) throw taken;
            }
        }
    }

    private static Doc parse(Path manifest) throws IOException {
        Doc doc;
        try {
            doc = JSON.readValue(manifest.toFile(), Doc.class);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage().replaceAll("\\s*\\(?(start marker )?at \\[Source:[^\\]]*\\]\\)?", "");
            throw new IOException(manifest + " is not a corpus manifest (" + why + ")", e);
        }
        if (doc == null || !FORMAT.equals(doc.format())) throw new IOException(manifest + " is not a corpus manifest");
        if (doc.version() != VERSION) {
            throw new NewerVersionException(manifest + " is a corpus manifest of format version " + doc.version()
                    + "; this studio reads version " + VERSION);
        }
        return doc;
    }

    private static CorpusEntry check(Path file, EntryDoc d, CorpusScanner scanner) {
        Split split = d.split() == null ? Split.TRAIN : d.split();
        Fingerprint saved = d.size() == null || d.modified() == null || d.sha256() == null
                ? null : new Fingerprint(d.size(), d.modified(), d.sha256());
        if (!Files.exists(file)) return CorpusEntry.missing(file, d.summary(), saved, split);
        try {
            if (saved != null && saved.sameSizeAndTime(file)) {
                if ("OK".equals(d.status()) && d.summary() != null) return CorpusEntry.ok(file, d.summary(), saved, split);
                if ("ERROR".equals(d.status()) && d.problem() != null) return CorpusEntry.error(file, d.problem(), saved, split);
            }
        } catch (IOException e) {
            // fall through: reading the file again gives the reason in words
        }
        return scanner.read(file).withSplit(split);
    }
}
