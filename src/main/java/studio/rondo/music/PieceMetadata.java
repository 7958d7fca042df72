package studio.rondo.music;

import java.util.List;

/**
 * What a MIDI file says about a piece besides its notes.
 *
 * @param format          Standard MIDI File format (0 or 1; -1 when not read from a file)
 * @param trackNames      name of each track by index ("" where a track has none)
 * @param copyright       copyright notices found in the file
 * @param timeSignatures  time signature changes
 * @param keySignatures   key signature changes
 * @param programChanges  program (instrument) changes
 * @param sustainEvents   sustain pedal (CC64) changes
 */
public record PieceMetadata(int format, List<String> trackNames, List<String> copyright,
                            List<TimeSignature> timeSignatures, List<KeySignature> keySignatures,
                            List<ProgramChange> programChanges, List<PedalEvent> sustainEvents) {

    public PieceMetadata {
        trackNames = List.copyOf(trackNames);
        copyright = List.copyOf(copyright);
        timeSignatures = List.copyOf(timeSignatures);
        keySignatures = List.copyOf(keySignatures);
        programChanges = List.copyOf(programChanges);
        sustainEvents = List.copyOf(sustainEvents);
    }

    public static PieceMetadata empty() {
        return new PieceMetadata(-1, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A copy with these time signatures instead. */
    public PieceMetadata withTimeSignatures(List<TimeSignature> signatures) {
        return new PieceMetadata(format, trackNames, copyright, signatures, keySignatures, programChanges, sustainEvents);
    }

    /** A time signature in force from {@code tick}; denominator as a note value (4 = quarter). */
    public record TimeSignature(long tick, int numerator, int denominator) {
    }

    /** A key signature: {@code sharps} in -7..7 (negative = flats), minor or major. */
    public record KeySignature(long tick, int sharps, boolean minor) {
    }

    public record ProgramChange(long tick, int track, int channel, int program) {
    }

    /** A sustain pedal change: down when value >= 64. */
    public record PedalEvent(long tick, double seconds, int track, int channel, int value) {
        public boolean down() {
            return value >= 64;
        }
    }
}
