package studio.rondo.engine.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import studio.rondo.engine.model.EpochMetrics;
import studio.rondo.engine.model.ModelInfo;

/**
 * The musician's models: every model file in one folder (the studio's models folder), with what its
 * metadata tells (preset, sizes, corpus, epochs, best validation figures) and the file operations a
 * library needs: rename, duplicate, delete, import, export. A stopped run (only its checkpoint) is
 * listed as such. Every operation keeps a model and its checkpoint together and replaces nothing.
 */
public final class ModelLibrary {
    public static final String CHECKPOINT_SUFFIX = ".checkpoint.zip";

    private final Path folder;

    public ModelLibrary(Path folder) {
        this.folder = Objects.requireNonNull(folder);
    }

    public Path folder() {
        return folder;
    }

    /** One model file as the library shows it. */
    public record Entry(Path file, ModelInfo info, long bytes, Instant modified, String problem, boolean stopped) {
        /** The file name without ".zip" (or ".checkpoint.zip"). */
        public String name() {
            return baseName(file);
        }

        public boolean readable() {
            return info != null;
        }

        public int epochs() {
            return info == null ? 0 : info.history().size();
        }

        /** The epoch with the lowest validation NLL, if the run had validation pieces. */
        public Optional<EpochMetrics> best() {
            if (info == null) return Optional.empty();
            return info.history().stream().filter(m -> m.valNll() != null).min(Comparator.comparingDouble(EpochMetrics::valNll));
        }

        /** "LSTM 2x256". */
        public String sizes() {
            return info == null ? "" : "LSTM " + info.hyperparameters().layers() + "x" + info.hyperparameters().hidden();
        }

        /** Pieces the model learned from and was measured on. */
        public String corpus() {
            if (info == null || info.corpus() == null) return "";
            ModelInfo.CorpusInfo c = info.corpus();
            return String.format(Locale.ROOT, "%d pieces (%d training, %d validation)", c.pieces(), c.trainPieces(), c.validationPieces().size());
        }
    }

    /** Every model in the folder, newest first; unreadable files are listed with their problem. */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*.zip")) {
            for (Path p : dir) if (Files.isRegularFile(p)) files.add(p);
        }
        for (Path p : files) {
            boolean checkpoint = isCheckpoint(p);
            // A checkpoint beside its finished model is part of that model, not an entry of its own.
            if (checkpoint && Files.exists(modelOf(p))) continue;
            out.add(entry(p, checkpoint));
        }
        out.sort(Comparator.comparing(Entry::modified).reversed().thenComparing(e -> e.file().getFileName().toString()));
        return out;
    }

    /** The entry of one file (in the library or not). */
    public static Entry entry(Path file) throws IOException {
        return entry(file, isCheckpoint(file));
    }

    private static Entry entry(Path file, boolean stopped) throws IOException {
        long bytes = Files.size(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        try {
            return new Entry(file, ModelStore.readInfo(file), bytes, modified, null, stopped);
        } catch (ModelFileException e) {
            String why = e.getMessage().startsWith(file + ": ") ? e.getMessage().substring(file.toString().length() + 2) : e.getMessage();
            return new Entry(file, null, bytes, modified, why, stopped);
        }
    }

    /** Renames a model (and its checkpoint) within the folder; returns the new file. */
    public Path rename(Path file, String newName) throws IOException {
        String name = validName(newName);
        Path target = file.resolveSibling(isCheckpoint(file) ? name + CHECKPOINT_SUFFIX : name + ".zip");
        if (target.equals(file)) return file;
        refuseExisting(target);
        Path checkpoint = checkpointOf(file), targetCheckpoint = checkpointOf(target);
        if (!isCheckpoint(file) && Files.exists(checkpoint)) refuseExisting(targetCheckpoint);
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        if (!isCheckpoint(file) && Files.exists(checkpoint)) Files.move(checkpoint, targetCheckpoint, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** Copies a model to "NAME copy.zip" (numbered when taken); its checkpoint stays with the original. */
    public Path duplicate(Path file) throws IOException {
        Path target = free(folder.resolve(baseName(file) + " copy.zip"));
        copyAtomically(file, target);
        return target;
    }

    /** Deletes a model and its checkpoint. */
    public void delete(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (!isCheckpoint(file)) Files.deleteIfExists(checkpointOf(file));
    }

    /** Copies a model file from elsewhere into the folder, after checking that it is a readable model. */
    public Path importModel(Path file) throws IOException {
        ModelStore.readInfo(file); // a file that is not a model names its problem here
        Files.createDirectories(folder);
        Path target = free(folder.resolve(baseName(file) + ".zip"));
        copyAtomically(file, target);
        return target;
    }

    /** Writes a lean copy (no optimizer state) of a model for sharing; never over an existing file. */
    public void export(Path file, Path target) throws IOException {
        refuseExisting(target);
        ModelStore.writeLean(file, target);
    }

    /** The checkpoint file of a model file. */
    public static Path checkpointOf(Path model) {
        return model.resolveSibling(baseName(model) + CHECKPOINT_SUFFIX);
    }

    private static Path modelOf(Path checkpoint) {
        return checkpoint.resolveSibling(baseName(checkpoint) + ".zip");
    }

    public static boolean isCheckpoint(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(CHECKPOINT_SUFFIX);
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(CHECKPOINT_SUFFIX)) return n.substring(0, n.length() - CHECKPOINT_SUFFIX.length());
        return lower.endsWith(".zip") ? n.substring(0, n.length() - 4) : n;
    }

    private static String validName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.toLowerCase(Locale.ROOT).endsWith(".zip")) n = n.substring(0, n.length() - 4);
        if (n.isEmpty() || n.startsWith(".") || n.matches(".*[/\\\\:*?\"<>|\\p{Cntrl}].*"))
            throw new IllegalArgumentException("'" + name + "' cannot be a file name: use letters, digits, spaces, - and _");
        return n;
    }

    private static void refuseExisting(Path target) throws FileAlreadyExistsException {
        if (Files.exists(target)) throw new FileAlreadyExistsException(target.toString(), null, "a file of that name exists; choose another name");
    }

    private static Path free(Path wanted) {
        Path p = wanted;
        String base = baseName(wanted);
        for (int n = 2; Files.exists(p) || Files.exists(checkpointOf(p)); n++) p = wanted.resolveSibling(base + " " + n + ".zip");
        return p;
    }

    private static void copyAtomically(Path from, Path to) throws IOException {
        Path part = to.resolveSibling(to.getFileName() + ".part");
        Files.copy(from, part, StandardCopyOption.REPLACE_EXISTING);
        try {
            Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
    }
}
