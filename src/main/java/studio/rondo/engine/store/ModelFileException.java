package studio.rondo.engine.store;

import java.nio.file.Path;

/** A model file that cannot be used; the message names the file and the reason. */
public class ModelFileException extends java.io.IOException {
    private final Path file;

    public ModelFileException(Path file, String reason) {
        this(file, reason, null);
    }

    public ModelFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
