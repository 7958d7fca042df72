package studio.rondo.engine.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import studio.rondo.engine.encoding.DecodeContext;
import studio.rondo.midi.MidiReader;
import studio.rondo.music.Meter;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.TempoMap;

/**
 * The notes the network hears before it continues: the first notes of a MIDI file, a time range of
 * it, a piano-roll selection, or none ({@link #none()}: the generator then starts from a neutral
 * step, see {@link StartStep}).
 *
 * <p>From a piece, the primer keeps the piece's tempo map and time signatures over its notes, moved
 * so that time 0 is the bar line at or before its first note (a selection from the middle of a piece
 * starts with less than a bar of rest, and its bars stay where the piece had them). A selection
 * ({@link #ofNotes}) starts at its first note, at one tempo, in 4/4. The continuation goes on at the
 * tempo and meter in force where the primer ends.
 *
 * @param name           for output names ("prelude" → "prelude-1.mid"); "generated" without a primer
 * @param notes          non-drum notes, onset order; empty = no primer
 * @param tempoMap       the primer's tempo map (tick 0 = time 0)
 * @param timeSignatures the primer's time signatures (empty = 4/4)
 */
public record Primer(String name, List<Piece.TimedNote> notes, TempoMap tempoMap, List<TimeSignature> timeSignatures) {
    public static final double DEFAULT_BPM = 120;

    public Primer {
        Objects.requireNonNull(tempoMap, "tempoMap");
        notes = List.copyOf(notes);
        timeSignatures = List.copyOf(timeSignatures);
    }

    /** A primer at one constant tempo, in 4/4. */
    public Primer(String name, List<Piece.TimedNote> notes, double bpm) {
        this(name, notes, constant(bpm), List.of());
    }

    private static TempoMap constant(double bpm) {
        if (!(bpm >= 10 && bpm <= 1000)) throw new IllegalArgumentException("tempo out of range: " + bpm + " bpm");
        return TempoMap.constant(DecodeContext.DEFAULT_RESOLUTION, bpm);
    }

    /** No primer: the model starts from its own beginning, at 120 bpm in 4/4. */
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

    /** A piano-roll selection (any start time; velocities and pitches as given), moved to start at 0. */
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

    /** The opening tempo in beats per minute. */
    public double bpm() {
        return tempoMap.bpmAt(0);
    }

    /** The primer as a piece with its tempo map and meter (what the encoding encodes). */
    public Piece piece() {
        return Piece.fromSeconds(name, notes, tempoMap, PieceMetadata.empty().withTimeSignatures(timeSignatures));
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
        TempoMap map = piece.tempoMap();
        List<TimeSignature> signatures = piece.metadata().timeSignatures();
        long first = notes.get(0).startTick(), last = first;
        for (Note n : notes) last = Math.max(last, n.endTick());
        long origin = Math.max(0, Meter.barStart(signatures, map.resolution(), first));
        double originSeconds = map.secondsAt(origin);
        List<Piece.TimedNote> timed = new ArrayList<>(notes.size());
        for (Note n : notes) {
            timed.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(),
                    Math.max(0, n.startSeconds() - originSeconds), Math.max(1e-6, n.endSeconds() - originSeconds)));
        }
        timed.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        List<TimeSignature> sigs = new ArrayList<>();
        TimeSignature opening = Meter.at(signatures, origin);
        sigs.add(new TimeSignature(0, opening.numerator(), opening.denominator()));
        for (TimeSignature s : signatures) {
            if (s.tick() > origin && s.tick() <= last) sigs.add(new TimeSignature(s.tick() - origin, s.numerator(), s.denominator()));
        }
        return new Primer(piece.name(), timed, map.slice(origin, last), sigs);
    }
}
