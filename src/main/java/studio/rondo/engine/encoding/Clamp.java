package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/** Keeps decoded model output playable, and picks the notes encodings learn from. */
final class Clamp {
    /** Shortest note decoding produces, in seconds. */
    static final double MIN_NOTE_SECONDS = 0.01;
    /** Longest step or note decoding produces: a wild real-valued output must not stall playback. */
    static final double MAX_SECONDS = 30;

    private Clamp() {
    }

    static int pitch(int p) {
        return Math.max(0, Math.min(127, p));
    }

    static int velocity(long v) {
        return (int) Math.max(1, Math.min(127, v));
    }

    /** A time span from model output: NaN and negatives become 0, huge values {@link #MAX_SECONDS}. */
    static double seconds(double s) {
        if (!(s > 0)) return 0;
        return Math.min(s, MAX_SECONDS);
    }

    static double noteSeconds(double s) {
        return Math.max(MIN_NOTE_SECONDS, seconds(s));
    }

    /** The piece's non-drum notes in onset order (ties by pitch), all tracks merged. */
    static List<Note> pitchedNotes(Piece piece) {
        List<Note> out = new ArrayList<>(piece.notes().size());
        for (Note n : piece.notes()) if (!n.isDrum()) out.add(n);
        return out; // Piece keeps notes sorted by onset then pitch
    }
}
