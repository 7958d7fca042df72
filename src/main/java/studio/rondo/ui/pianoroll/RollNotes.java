package studio.rondo.ui.pianoroll;

import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * A piece's notes as flat arrays sorted by onset, so drawing can find the visible ones by binary
 * search instead of walking all of them (the roll stays smooth with tens of thousands of notes).
 */
final class RollNotes {
    static final RollNotes EMPTY = new RollNotes(List.of());

    final double[] start;
    final double[] end;
    final int[] pitch;
    final int[] velocity;
    final double maxDuration;
    final double duration;
    final int lowest;
    final int highest;

    RollNotes(List<Note> notes) {
        int n = notes.size();
        start = new double[n];
        end = new double[n];
        pitch = new int[n];
        velocity = new int[n];
        Note[] sorted = notes.toArray(new Note[0]);
        java.util.Arrays.sort(sorted, (a, b) -> Double.compare(a.startSeconds(), b.startSeconds()));
        double maxDur = 0, last = 0;
        int lo = 127, hi = 0;
        for (int i = 0; i < n; i++) {
            Note note = sorted[i];
            start[i] = note.startSeconds();
            end[i] = note.endSeconds();
            pitch[i] = note.pitch();
            velocity[i] = note.velocity();
            maxDur = Math.max(maxDur, end[i] - start[i]);
            last = Math.max(last, end[i]);
            lo = Math.min(lo, pitch[i]);
            hi = Math.max(hi, pitch[i]);
        }
        maxDuration = maxDur;
        duration = last;
        lowest = n == 0 ? 48 : lo;
        highest = n == 0 ? 84 : hi;
    }

    static RollNotes of(Piece piece) {
        return piece == null ? EMPTY : new RollNotes(piece.notes());
    }

    int size() {
        return start.length;
    }

    /** Index of the first note that may still sound at {@code seconds}. */
    int firstSoundingAt(double seconds) {
        double from = seconds - maxDuration;
        int lo = 0, hi = start.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < from) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
