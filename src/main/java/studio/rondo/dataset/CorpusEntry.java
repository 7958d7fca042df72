package studio.rondo.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of a corpus: where it is, whether it could be read (and if not, why, in words), what
 * it holds, and which side of the split it is on. Immutable; the {@link Corpus} replaces entries.
 *
 * @param file        absolute, normalized path
 * @param status      OK, ERROR (unreadable) or MISSING (gone since the corpus was saved)
 * @param problem     for ERROR and MISSING: the reason, e.g. "missing: /x/a.mid not found"; else null
 * @param summary     what the file holds; null when it was never read successfully
 * @param split       TRAIN or VALIDATION (kept for bad entries too, so a fixed file returns to its side)
 * @param fingerprint size, time and hash of the bytes last read; null when the file could not be read
 */
public record CorpusEntry(Path file, Status status, String problem, PieceSummary summary, Split split,
                          Fingerprint fingerprint) {

    public enum Status {
        OK, ERROR, MISSING
    }

    public CorpusEntry {
        Objects.requireNonNull(file);
        Objects.requireNonNull(status);
        Objects.requireNonNull(split);
        if (status == Status.OK && (summary == null || problem != null)) {
            throw new IllegalArgumentException("an OK entry has a summary and no problem");
        }
        if (status != Status.OK && problem == null) throw new IllegalArgumentException("a bad entry says why");
    }

    public static CorpusEntry ok(Path file, PieceSummary summary, Fingerprint fingerprint, Split split) {
        return new CorpusEntry(file, Status.OK, null, summary, split, fingerprint);
    }

    public static CorpusEntry error(Path file, String problem, Fingerprint fingerprint, Split split) {
        return new CorpusEntry(file, Status.ERROR, problem, null, split, fingerprint);
    }

    /** A file listed in a saved corpus that is no longer there; its last known summary is kept for display. */
    public static CorpusEntry missing(Path file, PieceSummary lastKnown, Fingerprint lastKnownPrint, Split split) {
        return new CorpusEntry(file, Status.MISSING, "missing: " + file + " not found", lastKnown, split, lastKnownPrint);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public CorpusEntry withSplit(Split newSplit) {
        return new CorpusEntry(file, status, problem, summary, newSplit, fingerprint);
    }

    /** The name to show: the piece name, or the file name for an entry that was never read. */
    public String displayName() {
        return summary != null ? summary.name() : file.getFileName().toString();
    }
}
