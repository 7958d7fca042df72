package studio.rondo.sound;

import java.nio.file.Path;

/** A SoundFont file cannot be used; the message names the file and says why. */
public class SoundFontException extends Exception {
    private final Path file;

    public SoundFontException(Path file, String reason, Throwable cause) {
        super("SoundFont " + file + " cannot be used: " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
