package studio.rondo.music;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A piece of music: its notes (sorted by onset, then pitch) with the tempo map that places them in
 * time, and the metadata a MIDI file carries. Immutable.
 */
public final class Piece {
    public static final Comparator<Note> ORDER = Comparator.comparingLong(Note::startTick)
            .thenComparingDouble(Note::startSeconds).thenComparingInt(Note::pitch).thenComparingInt(Note::track);

    private final String name;
    private final List<Note> notes;
    private final TempoMap tempoMap;
    private final PieceMetadata metadata;

    public Piece(String name, List<Note> notes, TempoMap tempoMap, PieceMetadata metadata) {
        this.name = Objects.requireNonNull(name);
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(ORDER);
        this.notes = List.copyOf(sorted);
        this.tempoMap = Objects.requireNonNull(tempoMap);
        this.metadata = Objects.requireNonNull(metadata);
    }

    /**
     * Builds a piece from notes placed in seconds (what generation produces): ticks are derived
     * through the given tempo map, so the piece can be written as a MIDI file.
     */
    public static Piece fromSeconds(String name, List<TimedNote> timed, TempoMap tempoMap) {
        return fromSeconds(name, timed, tempoMap, PieceMetadata.empty());
    }

    /** As {@link #fromSeconds(String, List, TempoMap)}, with metadata (e.g. time signatures). */
    public static Piece fromSeconds(String name, List<TimedNote> timed, TempoMap tempoMap, PieceMetadata metadata) {
        List<Note> notes = new ArrayList<>(timed.size());
        for (TimedNote t : timed) {
            long start = tempoMap.tickAt(t.startSeconds());
            long end = Math.max(start + 1, tempoMap.tickAt(t.endSeconds()));
            double endSeconds = Math.max(t.endSeconds(), t.startSeconds() + 1e-6);
            notes.add(new Note(t.pitch(), t.velocity(), t.channel(), 0, start, end, t.startSeconds(), endSeconds));
        }
        return new Piece(name, notes, tempoMap, metadata);
    }

    /** A note placed in seconds only, before the piece's ticks are known. */
    public record TimedNote(int pitch, int velocity, int channel, double startSeconds, double endSeconds) {
    }

    public String name() {
        return name;
    }

    public List<Note> notes() {
        return notes;
    }

    public TempoMap tempoMap() {
        return tempoMap;
    }

    public PieceMetadata metadata() {
        return metadata;
    }

    public int resolution() {
        return tempoMap.resolution();
    }

    /** End of the last note in seconds (0 for an empty piece). */
    public double durationSeconds() {
        double end = 0;
        for (Note n : notes) end = Math.max(end, n.endSeconds());
        return end;
    }

    /** End of the last note in ticks (0 for an empty piece). */
    public long lengthTicks() {
        long end = 0;
        for (Note n : notes) end = Math.max(end, n.endTick());
        return end;
    }

    public int lowestPitch() {
        return notes.stream().mapToInt(Note::pitch).min().orElse(-1);
    }

    public int highestPitch() {
        return notes.stream().mapToInt(Note::pitch).max().orElse(-1);
    }

    /** A copy with other notes and the same tempo map and metadata. */
    public Piece withNotes(List<Note> newNotes) {
        return new Piece(name, newNotes, tempoMap, metadata);
    }

    @Override
    public String toString() {
        return "Piece[" + name + ", " + notes.size() + " notes, " + String.format("%.1f", durationSeconds()) + " s]";
    }
}
