package studio.rondo.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import studio.rondo.midi.MidiFormatException;
import studio.rondo.midi.MidiImport;
import studio.rondo.midi.MidiReader;
import studio.rondo.midi.ReadOptions;
import studio.rondo.music.Piece;

/**
 * Reads MIDI files into corpus entries, one file at a time, so it can run on a background thread
 * with thousands of files: progress after every file, each entry handed out as soon as it is read,
 * cancel checked between files (one file takes milliseconds). Never throws for a bad file: the
 * entry says what is wrong. Entries come out with split TRAIN; the {@link Corpus} assigns splits.
 */
public final class CorpusScanner {
    private final ReadOptions options;

    public CorpusScanner(ReadOptions options) {
        this.options = Objects.requireNonNull(options);
    }

    public ReadOptions options() {
        return options;
    }

    public ScanResult scan(List<Path> inputs, ProgressListener progress, CancellationToken cancel) {
        return scan(inputs, progress, e -> { }, cancel);
    }

    /**
     * Scans files and folders (folders recursively, for .mid and .midi files, in sorted order).
     *
     * @param onEntry called on the scanning thread with each entry as soon as it is read
     */
    public ScanResult scan(List<Path> inputs, ProgressListener progress, Consumer<CorpusEntry> onEntry,
                           CancellationToken cancel) {
        long t0 = System.nanoTime();
        List<CorpusEntry> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        Consumer<CorpusEntry> emit = e -> {
            out.add(e);
            onEntry.accept(e);
        };
        // Listing first gives the UI a total to show a real progress bar against.
        for (Path input : inputs) {
            if (cancel.isCancelled()) return new ScanResult(out, true, since(t0));
            Path abs = input.toAbsolutePath().normalize();
            progress.progress(0, -1, abs.toString());
            if (Files.isDirectory(abs)) {
                try {
                    files.addAll(midiFilesUnder(abs, cancel));
                } catch (IOException | UncheckedIOException e) {
                    emit.accept(CorpusEntry.error(abs, "cannot list the folder (" + message(e) + ")", null, Split.TRAIN));
                }
            } else {
                files.add(abs);
            }
        }
        for (int i = 0; i < files.size(); i++) {
            if (cancel.isCancelled()) return new ScanResult(out, true, since(t0));
            Path f = files.get(i);
            progress.progress(i, files.size(), f.toString());
            emit.accept(read(f));
        }
        progress.progress(files.size(), files.size(), "");
        return new ScanResult(out, false, since(t0));
    }

    /** Reads one file into an entry (split TRAIN); never throws for a bad or missing file. */
    public CorpusEntry read(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return readWithPiece(abs).entry();
    }

    /** An entry and, when it is OK, the piece it was made from (for callers that want to keep it). */
    record Read(CorpusEntry entry, Piece piece) {
    }

    Read readWithPiece(Path abs) {
        Fingerprint print = null;
        try {
            if (Files.isDirectory(abs)) return bad(abs, "is a folder without MIDI files", null);
            long modified = Files.getLastModifiedTime(abs).toMillis();
            byte[] bytes = MidiReader.readBytes(abs, options.maxFileBytes()); // regular files only, bounded
            print = Fingerprint.of(bytes, modified);
            Piece piece = MidiReader.read(bytes, abs.toString(), PieceSummary.baseName(abs), options);
            if (piece.notes().isEmpty()) {
                return bad(abs, options.keepDrums() ? "has no notes" : "has no notes to learn from (drums are skipped)", print);
            }
            return new Read(CorpusEntry.ok(abs, PieceSummary.of(abs, piece), print, Split.TRAIN), piece);
        } catch (MidiFormatException e) {
            return bad(abs, e.reason(), print);
        } catch (NoSuchFileException e) {
            return bad(abs, "not found", null);
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: a parser bug on one odd file must not end a scan of thousands.
            return bad(abs, "cannot be read (" + message(e) + ")", print);
        }
    }

    private static Read bad(Path file, String why, Fingerprint print) {
        return new Read(CorpusEntry.error(file, why, print, Split.TRAIN), null);
    }

    private static List<Path> midiFilesUnder(Path dir, CancellationToken cancel) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.takeWhile(p -> !cancel.isCancelled())
                    .filter(Files::isRegularFile).filter(MidiImport::hasMidiExtension).sorted().toList();
        }
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
