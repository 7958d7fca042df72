package studio.rondo.music.edit;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.TempoMap;

/**
 * The edits of the piano roll, each a {@link NoteCommand}: it works out its new notes (in ticks,
 * seconds through the piece's tempo map) when made, and applying or undoing it only swaps notes.
 */
public final class NoteCommands {
    private NoteCommands() {
    }

    /** A note at other ticks, pitch or velocity; seconds from the tempo map. */
    static Note retime(Note n, long start, long end, int pitch, int velocity, TempoMap map) {
        long s = Math.max(0, start);
        long e = Math.max(s + 1, end);
        double ss = map.secondsAt(s);
        double es = Math.max(map.secondsAt(e), ss + 1e-9);
        return new Note(Math.max(0, Math.min(127, pitch)), Math.max(1, Math.min(127, velocity)), n.channel(), n.track(), s, e, ss, es);
    }

    static List<NoteRef> refs(List<Note> notes) {
        List<NoteRef> out = new ArrayList<>(notes.size());
        for (Note n : notes) out.add(new NoteRef(n));
        return out;
    }

    /** New notes: drawn, or pasted. */
    public static final class Add extends NoteCommand {
        public Add(List<Note> notes) {
            this("Add", notes);
        }

        Add(String verb, List<Note> notes) {
            super(verb, List.of(), refs(notes), notes.size());
        }
    }

    /** Pasted notes. */
    public static final class Paste extends NoteCommand {
        public Paste(List<Note> notes) {
            super("Paste", List.of(), refs(notes), notes.size());
        }
    }

    /** Notes taken away (Delete, or Cut). */
    public static final class Delete extends NoteCommand {
        public Delete(List<NoteRef> notes) {
            this("Delete", notes);
        }

        public Delete(String verb, List<NoteRef> notes) {
            super(verb, notes, List.of(), notes.size());
        }
    }

    /** Notes moved in time (ticks) and pitch together; the move stops at tick 0 and at the ends of the MIDI range. */
    public static final class Move extends NoteCommand {
        private final long ticks;
        private final int semitones;

        public Move(List<NoteRef> notes, long dTicks, int dPitch, TempoMap map) {
            this("Move", notes, clampTicks(notes, dTicks), clampPitch(notes, dPitch), map);
        }

        private Move(String verb, List<NoteRef> notes, long dTicks, int dPitch, TempoMap map) {
            super(verb, notes, moved(notes, dTicks, dPitch, map), notes.size());
            this.ticks = dTicks;
            this.semitones = dPitch;
        }

        /** How far the notes went, after clamping. */
        public long ticks() {
            return ticks;
        }

        public int semitones() {
            return semitones;
        }

        private static List<NoteRef> moved(List<NoteRef> notes, long dt, int dp, TempoMap map) {
            List<NoteRef> out = new ArrayList<>(notes.size());
            for (NoteRef r : notes) {
                Note n = r.note();
                out.add(new NoteRef(retime(n, n.startTick() + dt, n.endTick() + dt, n.pitch() + dp, n.velocity(), map)));
            }
            return out;
        }

        static long clampTicks(List<NoteRef> notes, long dt) {
            long first = Long.MAX_VALUE;
            for (NoteRef r : notes) first = Math.min(first, r.note().startTick());
            return notes.isEmpty() ? 0 : Math.max(dt, -first);
        }

        static int clampPitch(List<NoteRef> notes, int dp) {
            int lo = 127, hi = 0;
            for (NoteRef r : notes) {
                lo = Math.min(lo, r.note().pitch());
                hi = Math.max(hi, r.note().pitch());
            }
            return notes.isEmpty() ? 0 : Math.max(-lo, Math.min(127 - hi, dp));
        }
    }

    /** Notes moved up or down in pitch only (the arrow keys; shift for an octave). */
    public static final class Transpose extends NoteCommand {
        public Transpose(List<NoteRef> notes, int semitones, TempoMap map) {
            super("Transpose", notes, Move.moved(notes, 0, Move.clampPitch(notes, semitones), map), notes.size());
        }
    }

    /** Notes made longer or shorter by the same number of ticks, never shorter than {@code minTicks}. */
    public static final class Resize extends NoteCommand {
        public Resize(List<NoteRef> notes, long dTicks, long minTicks, TempoMap map) {
            super("Resize", notes, resized(notes, dTicks, Math.max(1, minTicks), map), notes.size());
        }

        private static List<NoteRef> resized(List<NoteRef> notes, long dt, long min, TempoMap map) {
            List<NoteRef> out = new ArrayList<>(notes.size());
            for (NoteRef r : notes) {
                Note n = r.note();
                long end = Math.max(n.startTick() + Math.min(min, n.durationTicks()), n.endTick() + dt);
                out.add(new NoteRef(retime(n, n.startTick(), end, n.pitch(), n.velocity(), map)));
            }
            return out;
        }
    }

    /** Onsets moved towards the grid by {@code strength} (1 = onto it), lengths kept. */
    public static final class Quantize extends NoteCommand {
        public Quantize(List<NoteRef> notes, SnapGrid grid, double strength, List<TimeSignature> signatures, TempoMap map) {
            super("Quantize", notes, quantized(notes, grid, Math.max(0, Math.min(1, strength)), signatures, map), notes.size());
        }

        private static List<NoteRef> quantized(List<NoteRef> notes, SnapGrid grid, double strength, List<TimeSignature> sigs, TempoMap map) {
            List<NoteRef> out = new ArrayList<>(notes.size());
            for (NoteRef r : notes) {
                Note n = r.note();
                long target = grid.nearest(sigs, map.resolution(), n.startTick());
                long start = n.startTick() + Math.round((target - n.startTick()) * strength);
                out.add(new NoteRef(retime(n, start, start + n.durationTicks(), n.pitch(), n.velocity(), map)));
            }
            return out;
        }
    }

    /** Notes given new velocities (one per note, 1..127). */
    public static final class Velocity extends NoteCommand {
        public Velocity(List<NoteRef> notes, int[] velocities, TempoMap map) {
            super("Change velocity of", notes, changed(notes, velocities, map), notes.size());
        }

        /** Every note's velocity moved by {@code delta}. */
        public static Velocity by(List<NoteRef> notes, int delta, TempoMap map) {
            int[] v = new int[notes.size()];
            for (int i = 0; i < v.length; i++) v[i] = notes.get(i).note().velocity() + delta;
            return new Velocity(notes, v, map);
        }

        private static List<NoteRef> changed(List<NoteRef> notes, int[] velocities, TempoMap map) {
            if (velocities.length != notes.size()) throw new IllegalArgumentException("one velocity per note");
            List<NoteRef> out = new ArrayList<>(notes.size());
            for (int i = 0; i < velocities.length; i++) {
                Note n = notes.get(i).note();
                int v = Math.max(1, Math.min(127, velocities[i]));
                out.add(new NoteRef(new Note(n.pitch(), v, n.channel(), n.track(), n.startTick(), n.endTick(), n.startSeconds(), n.endSeconds())));
            }
            return out;
        }
    }
}
