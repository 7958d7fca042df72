package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.Pitches;

/**
 * Quarter-length events on a grid, shared by three-stream and chord-tokens: notes become events
 * (a note or a chord), and events become (token, offset, duration) items.
 *
 * <p>Times are in grid units ({@code grid} per quarter). Quarters come from ticks / resolution, so
 * they follow the score, not the performance tempo; pieces built from seconds got their ticks from
 * their tempo map, which places them at the tempo in force at each point. Onsets are quantised as
 * absolute positions, so rounding never drifts along a piece.
 *
 * <p>A chord is the set of notes sharing a quantised onset <em>and</em> a quantised duration: notes
 * struck together but released apart become separate events at offset 0, so every note keeps its
 * own duration through a round trip.
 */
final class GridEvents {
    /** Token of an item that only advances time: gaps longer than the largest offset are cut into rests. */
    static final String REST = "<rest>";

    /** A note or chord: onset and duration in grid units, distinct pitches ascending. */
    record Event(long onset, int duration, int[] pitches) {
        String token() {
            return chordName(pitches);
        }
    }

    /** One step of a quarter-based encoding: token, offset from the previous item, duration. */
    record Item(String token, int offset, int duration) {
    }

    private GridEvents() {
    }

    static List<Event> events(Piece piece, int grid, int maxDuration) {
        List<Note> notes = Clamp.pitchedNotes(piece);
        double unitsPerTick = (double) grid / piece.resolution();
        int n = notes.size();
        long[][] rows = new long[n][]; // onset, duration, pitch
        for (int i = 0; i < n; i++) {
            Note note = notes.get(i);
            long on = Math.round(note.startTick() * unitsPerTick);
            long off = Math.round(note.endTick() * unitsPerTick);
            long dur = Math.max(1, Math.min(maxDuration, off - on));
            rows[i] = new long[] {on, dur, note.pitch()};
        }
        Arrays.sort(rows, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        List<Event> out = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int j = i;
            int[] pitches = new int[0];
            int count = 0;
            while (j < n && rows[j][0] == rows[i][0] && rows[j][1] == rows[i][1]) {
                int p = (int) rows[j][2];
                if (count == 0 || pitches[count - 1] != p) { // same pitch twice in one chord: keep one
                    if (count == pitches.length) pitches = Arrays.copyOf(pitches, Math.max(4, count * 2));
                    pitches[count++] = p;
                }
                j++;
            }
            out.add(new Event(rows[i][0], (int) rows[i][1], Arrays.copyOf(pitches, count)));
            i = j;
        }
        // Same onset: lowest chord first, a stable order the network can learn.
        out.sort((a, b) -> a.onset != b.onset ? Long.compare(a.onset, b.onset) : Integer.compare(a.pitches[0], b.pitches[0]));
        return out;
    }

    /** Items with offsets from the previous item (the first from time 0), long gaps cut by rests. */
    static List<Item> items(List<Event> events, int maxOffset, int maxDuration) {
        List<Item> out = new ArrayList<>(events.size());
        long prev = 0;
        for (Event e : events) {
            long gap = e.onset - prev;
            while (gap > maxOffset) {
                out.add(new Item(REST, maxOffset, Math.min(maxOffset, maxDuration)));
                gap -= maxOffset;
            }
            out.add(new Item(e.token(), (int) gap, e.duration));
            prev = e.onset;
        }
        return out;
    }

    /**
     * Items back to notes. Tokens that are not chords (rests, unknown) only advance time; offsets
     * below 0 count as 0, durations below one unit as one unit.
     */
    static List<Piece.TimedNote> notes(List<Item> items, int grid, DecodeContext ctx) {
        var map = ctx.tempoMap();
        double ticksPerUnit = (double) map.resolution() / grid;
        List<Piece.TimedNote> out = new ArrayList<>();
        long onset = 0;
        for (Item item : items) {
            onset += Math.max(0, item.offset());
            int[] pitches = parseChord(item.token());
            if (pitches.length == 0) continue;
            long dur = Math.max(1, item.duration());
            double start = map.secondsAt(Math.round(onset * ticksPerUnit));
            double end = Math.max(start + Clamp.MIN_NOTE_SECONDS, map.secondsAt(Math.round((onset + dur) * ticksPerUnit)));
            for (int p : pitches) out.add(new Piece.TimedNote(p, ctx.velocity(), ctx.channel(), start, end));
        }
        return out;
    }

    /** "C4" for one note, "A2.C3.E3" for a chord (ascending pitch, octaves kept). */
    static String chordName(int[] pitches) {
        if (pitches.length == 1) return Pitches.name(pitches[0]);
        StringBuilder sb = new StringBuilder(pitches.length * 4);
        for (int i = 0; i < pitches.length; i++) {
            if (i > 0) sb.append('.');
            sb.append(Pitches.name(pitches[i]));
        }
        return sb.toString();
    }

    /** Inverse of {@link #chordName}; an empty array for rests, unknown or malformed tokens. */
    static int[] parseChord(String token) {
        if (token.isEmpty() || token.charAt(0) == '<') return new int[0];
        String[] parts = token.split("\\.");
        int[] out = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) out[i] = Pitches.parse(parts[i]);
        } catch (RuntimeException e) {
            return new int[0];
        }
        return out;
    }

    /** Tokens naming any pitch outside {@code low..high} (rests and unknown tokens name none: allowed). */
    static boolean[] outsideRange(Vocabulary tokens, int low, int high) {
        boolean[] out = new boolean[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            for (int p : parseChord(tokens.token(i))) if (p < low || p > high) out[i] = true;
        }
        return out;
    }

    /** Grid units as a reduced quarter-length fraction: "0", "1/3", "3/2", "2". */
    static String fraction(long units, int grid) {
        long g = gcd(Math.abs(units), grid);
        long num = units / g, den = grid / g;
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }

    /** Inverse of {@link #fraction}, rounded to the grid. */
    static long parseFraction(String s, int grid) {
        int slash = s.indexOf('/');
        if (slash < 0) return Long.parseLong(s) * grid;
        long num = Long.parseLong(s.substring(0, slash)), den = Long.parseLong(s.substring(slash + 1));
        return Math.round((double) num * grid / den);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
