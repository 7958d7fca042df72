package studio.rondo.midi;

/**
 * How to read a MIDI file.
 *
 * @param keepDrums            keep notes on channel 10 (index 9); by default drums are skipped,
 *                             as they are not pitches a melody model should learn
 * @param extendNotesWithPedal hold a note released while its channel's sustain pedal (CC64) is
 *                             down until the pedal goes up (or the same key is struck again)
 * @param maxFileBytes         larger files are refused before being read into memory
 */
public record ReadOptions(boolean keepDrums, boolean extendNotesWithPedal, long maxFileBytes) {
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final ReadOptions DEFAULT = new ReadOptions(false, false, DEFAULT_MAX_FILE_BYTES);

    public ReadOptions {
        if (maxFileBytes <= 0) throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
    }

    public ReadOptions withKeepDrums(boolean keep) {
        return new ReadOptions(keep, extendNotesWithPedal, maxFileBytes);
    }

    public ReadOptions withExtendNotesWithPedal(boolean extend) {
        return new ReadOptions(keepDrums, extend, maxFileBytes);
    }

    public ReadOptions withMaxFileBytes(long max) {
        return new ReadOptions(keepDrums, extendNotesWithPedal, max);
    }
}
