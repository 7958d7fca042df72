package studio.rondo.engine.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.rondo.engine.encoding.DecodeContext;
import studio.rondo.midi.MidiReader;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.TempoMap;

/**
 * The notes the network hears before it continues: the first notes of a MIDI file, a time range of
 * it, a piano-roll selection, or none ({@link #none()}: the generator then starts from a neutral
 * step, see {@link StartStep}).
 *
 * <p>The notes are moved so the first one starts at 0 (a selection from the middle of a piece must
 * not start with a long gap) and carry one constant tempo: the tempo in force at the primer's first
 * note, or 120 bpm. Output is written at that tempo; the quarter-based encodings read quarters at it.
 *
 * @param name  for output names ("prelude" → "prelude-1.mid"); "generated" without a primer
 * @param notes non-drum notes, onset order, the first at 0; empty = no primer
 * @param bpm   tempo of the primer and of the output
 */
public record Primer(String name, List<Piece.TimedNote> notes, double bpm) {
    public static final double DEFAULT_BPM = 120;

    public Primer {
        if (!(bpm >= 10 && bpm <= 1000)) throw new IllegalArgumentException("tempo out of range: " + bpm + " bpm");
        notes = List.copyOf(notes);
    }

    /** No primer: the model starts from its own beginning, at 120 bpm. */
    public static Primer none() {
        return new Primer("generated", List.of(), DEFAULT_BPM);
    }

    /** The first {@code count} notes (onset order, drums skipped) of a piece. */
    public static Primer firstNotes(Piece piece, int count) {
        if (count < 1) throw new IllegalArgumentException("primer note count must be 1 or more: " + count);
        List<Note> pitched = pitched(piece);
        return fromNotes(piece, pitched.subList(0, Math.min(count, pitched.size())));
    }

    /** Notes of a piece starting in [{@code fromSeconds}, {@code toSeconds}). */
    public static Primer range(Piece piece, double fromSeconds, double toSeconds) {
        if (!(toSeconds > fromSeconds)) throw new IllegalArgumentException("empty primer range " + fromSeconds + ".." + toSeconds + " s");
        List<Note> in = new ArrayList<>();
        for (Note n : pitched(piece)) if (n.startSeconds() >= fromSeconds && n.startSeconds() < toSeconds) in.add(n);
        return fromNotes(piece, in);
    }

    /** A piano-roll selection (any start time; velocities and pitches as given). */
    public static Primer ofNotes(String name, List<Piece.TimedNote> notes, double bpm) {
        if (notes.isEmpty()) throw new IllegalArgumentException("the primer selection has no notes");
        List<Piece.TimedNote> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        double t0 = sorted.get(0).startSeconds();
        List<Piece.TimedNote> shifted = new ArrayList<>(sorted.size());
        for (Piece.TimedNote n : sorted)
            shifted.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), n.startSeconds() - t0, n.endSeconds() - t0));
        return new Primer(name, shifted, bpm);
    }

    /** The first {@code count} notes of a MIDI file. */
    public static Primer firstNotes(Path midiFile, int count) throws IOException {
        return firstNotes(MidiReader.read(midiFile), count);
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    /** The primer as a piece at its tempo (what the encoding encodes). */
    public Piece piece() {
        return Piece.fromSeconds(name, notes, tempoMap());
    }

    public TempoMap tempoMap() {
        return TempoMap.constant(DecodeContext.DEFAULT_RESOLUTION, bpm);
    }

    /** Median velocity of the primer (80 without one): the velocity of encodings that carry none. */
    public int velocity() {
        if (notes.isEmpty()) return StartStep.VELOCITY;
        int[] v = notes.stream().mapToInt(Piece.TimedNote::velocity).sorted().toArray();
        return Math.max(1, Math.min(127, v[v.length / 2]));
    }

    private static List<Note> pitched(Piece piece) {
        return piece.notes().stream().filter(n -> !n.isDrum()).toList();
    }

    private static Primer fromNotes(Piece piece, List<Note> notes) {
        if (notes.isEmpty()) throw new IllegalArgumentException("the primer has no notes (" + piece.name() + ")");
        double bpm = 60_000_000.0 / piece.tempoMap().microsPerQuarterAt(notes.get(0).startTick());
        List<Piece.TimedNote> timed = new ArrayList<>(notes.size());
        for (Note n : notes) timed.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), n.startSeconds(), n.endSeconds()));
        return ofNotes(piece.name(), timed, Math.max(10, Math.min(1000, bpm)));
    }
}
