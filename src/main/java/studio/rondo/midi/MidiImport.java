package studio.rondo.midi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import studio.rondo.music.Piece;

/**
 * Reads many MIDI files at once: files as given, directories searched recursively for .mid and
 * .midi files (in sorted order). A bad file does not stop the import: it yields a result with the
 * reason, and the rest still load.
 */
public final class MidiImport {
    private MidiImport() {
    }

    /** The outcome for one file: a piece, or the one-line reason it could not be read. */
    public record Result(Path file, Piece piece, String error) {
        public Result {
            Objects.requireNonNull(file);
            if ((piece == null) == (error == null)) throw new IllegalArgumentException("exactly one of piece and error");
        }

        public boolean ok() {
            return piece != null;
        }
    }

    public static List<Result> readAll(List<Path> inputs, ReadOptions options) {
        List<Result> results = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                List<Path> files;
                try {
                    files = midiFilesUnder(input);
                } catch (IOException | RuntimeException e) {
                    results.add(new Result(input, null, input + ": cannot list directory (" + e.getMessage() + ")"));
                    continue;
                }
                for (Path f : files) results.add(readOne(f, options));
            } else {
                results.add(readOne(input, options));
            }
        }
        return results;
    }

    /** The .mid/.midi files under a directory, recursively, sorted by path. */
    public static List<Path> midiFilesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(MidiImport::hasMidiExtension).sorted().toList();
        }
    }

    public static boolean hasMidiExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".mid") || n.endsWith(".midi");
    }

    private static Result readOne(Path file, ReadOptions options) {
        try {
            return new Result(file, MidiReader.read(file, options), null);
        } catch (MidiFormatException e) {
            return new Result(file, null, e.getMessage());
        } catch (NoSuchFileException e) {
            return new Result(file, null, file + ": no such file");
        } catch (IOException e) {
            return new Result(file, null, file + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
