package studio.rondo.sound;

/**
 * This Java runtime cannot render offline: Gervill's renderer is missing or not reachable (the
 * {@code --add-exports} option is not set). The message names what to do.
 */
public class WavExportUnavailableException extends Exception {
    public WavExportUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
