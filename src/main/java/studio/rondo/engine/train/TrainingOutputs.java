package studio.rondo.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import studio.rondo.engine.store.ModelFileException;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.store.ModelStore;

/**
 * Checks, before a run starts, that the files it will write (the model and its checkpoint) can be
 * written and replace nothing the user made: a training run of hours must not end by failing to
 * save, nor by turning a MIDI file or another model into this one.
 *
 * <p>Rules: the target is never a folder and its folder can be written in; an existing file that is
 * not a Rondo model is never replaced; an existing Rondo model is replaced only when the caller says
 * so ({@code replaceModels}) or when it belongs to the run being continued (the resumed file is the
 * model itself or its checkpoint).
 */
public final class TrainingOutputs {
    private TrainingOutputs() {
    }

    /** A file the run would write that is in the way; {@link #replaceable()} when it is a model the user may choose to replace. */
    public static final class ConflictException extends ModelFileException {
        private final boolean replaceable;

        ConflictException(Path file, String reason, boolean replaceable) {
            super(file, reason);
            this.replaceable = replaceable;
        }

        /** True when the file is a Rondo model that may be replaced on request; false when it must never be. */
        public boolean replaceable() {
            return replaceable;
        }
    }

    /**
     * @param replaceModels replace existing Rondo model files (not other files)
     * @throws ConflictException when a target is a folder, cannot be written, or is a file in the way
     */
    public static void check(TrainingConfig config, boolean replaceModels) throws ConflictException {
        Path out = config.out();
        if (out == null) return;
        Path checkpoint = config.checkpointFile();
        boolean sameRun = config.resume() != null && (same(config.resume(), out) || same(config.resume(), checkpoint));
        checkTarget(out, "the model", sameRun, replaceModels);
        if (checkpoint != null) checkTarget(checkpoint, "the checkpoint", sameRun, replaceModels);
    }

    private static void checkTarget(Path file, String role, boolean sameRun, boolean replaceModels) throws ConflictException {
        if (Files.isDirectory(file)) throw new ConflictException(file, "is a folder; " + role + " needs a file name (such as "
                + file.resolve("model.zip") + ")", false);
        writableFolder(file);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS) || sameRun) return;
        ModelInfo info;
        try {
            info = ModelStore.readInfo(file);
        } catch (ModelFileException e) {
            String why = e.getMessage().startsWith(file + ": ") ? e.getMessage().substring(file.toString().length() + 2) : e.getMessage();
            throw new ConflictException(file, "exists and is not a readable Rondo model (" + why + "); " + role
                    + " will not be written over it", false);
        }
        if (!replaceModels) {
            throw new ConflictException(file, "is already a model (" + info.preset() + ", " + info.history().size()
                    + " epochs); " + role + " would replace it", true);
        }
    }

    /** The folder exists (or is made) and a file can be created in it. */
    private static void writableFolder(Path file) throws ConflictException {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) return;
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".rondo-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                    : e instanceof java.nio.file.FileAlreadyExistsException ? "a file of that name is in the way"
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ConflictException(file, "cannot be written: its folder " + dir + " cannot be written in (" + why + ")", false);
        }
    }

    private static boolean same(Path a, Path b) {
        if (a == null || b == null) return false;
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall through to comparing the paths
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
