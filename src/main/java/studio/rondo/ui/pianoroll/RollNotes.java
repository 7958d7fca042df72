package studio.rondo.ui.pianoroll;

import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.edit.NoteRef;
import studio.rondo.music.edit.PieceEditor;

/**
 * The shown notes as flat arrays in musical time (quarter notes from the start), sorted by onset, so
 * drawing and hit-testing find the visible ones by binary search instead of walking all of them (the
 * roll stays smooth with tens of thousands of notes).
 */
final class RollNotes {
    static final RollNotes EMPTY = new RollNotes(List.of(), null, 480);

    final NoteRef[] refs;
    final double[] start; // quarters
    final double[] end;
    final int[] pitch;
    final int[] velocity;
    final boolean[] selected;
    final double maxDuration;
    final double duration;
    final int lowest;
    final int highest;
    final int selectedCount;

    RollNotes(List<NoteRef> notes, PieceEditor editor, int resolution) {
        int n = notes.size();
        refs = notes.toArray(new NoteRef[0]);
        start = new double[n];
        end = new double[n];
        pitch = new int[n];
        velocity = new int[n];
        selected = new boolean[n];
        double maxDur = 0, last = 0;
        int lo = 127, hi = 0, sel = 0;
        for (int i = 0; i < n; i++) {
            Note note = refs[i].note();
            start[i] = note.startTick() / (double) resolution;
            end[i] = note.endTick() / (double) resolution;
            pitch[i] = note.pitch();
            velocity[i] = note.velocity();
            selected[i] = editor != null && editor.isSelected(refs[i]);
            if (selected[i]) sel++;
            maxDur = Math.max(maxDur, end[i] - start[i]);
            last = Math.max(last, end[i]);
            lo = Math.min(lo, pitch[i]);
            hi = Math.max(hi, pitch[i]);
        }
        maxDuration = maxDur;
        duration = last;
        lowest = n == 0 ? 48 : lo;
        highest = n == 0 ? 72 : hi;
        selectedCount = sel;
    }

    static RollNotes of(PieceEditor editor) {
        return editor == null ? EMPTY : new RollNotes(editor.notes(), editor, editor.resolution());
    }

    int size() {
        return start.length;
    }

    /** Index of the first note that may still sound at {@code quarter}. */
    int firstSoundingAt(double quarter) {
        double from = quarter - maxDuration;
        int lo = 0, hi = start.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (start[mid] < from) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The topmost (last drawn) note on {@code key} sounding at {@code quarter}; -1 for none. */
    int noteAt(double quarter, int key) {
        int found = -1;
        for (int i = firstSoundingAt(quarter); i < start.length && start[i] <= quarter; i++) {
            if (pitch[i] == key && end[i] > quarter) found = i;
        }
        return found;
    }
}
