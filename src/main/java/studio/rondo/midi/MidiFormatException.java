package studio.rondo.midi;

import java.io.IOException;

/**
 * A file is not a Standard MIDI File the studio can read. The message always names the file and
 * says why in words, so the CLI and the UI can show it as is ("mz_311.mid: truncated track 2 ...").
 */
public class MidiFormatException extends IOException {
    private final String source;
    private final String reason;

    public MidiFormatException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.reason = reason;
    }

    /** The file (or other source) name the error is about. */
    public String source() {
        return source;
    }

    /** Why the file was refused, without the file name. */
    public String reason() {
        return reason;
    }
}
