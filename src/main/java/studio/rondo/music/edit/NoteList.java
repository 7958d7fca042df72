package studio.rondo.music.edit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import studio.rondo.music.Piece;

/** The notes of an edited piece, kept in {@link Piece#ORDER}; removal is by identity. */
final class NoteList {
    private static final Comparator<NoteRef> ORDER = (a, b) -> Piece.ORDER.compare(a.note(), b.note());
    private final ArrayList<NoteRef> notes = new ArrayList<>();

    void addAll(List<NoteRef> refs) {
        for (NoteRef r : refs) add(r);
    }

    void add(NoteRef ref) {
        int i = Collections.binarySearch(notes, ref, ORDER);
        if (i < 0) i = -i - 1;
        else while (i < notes.size() && ORDER.compare(notes.get(i), ref) == 0) i++;
        notes.add(i, ref);
    }

    boolean remove(NoteRef ref) {
        int i = Collections.binarySearch(notes, ref, ORDER);
        if (i < 0) return false;
        // walk the run of equal notes both ways for this very one
        for (int j = i; j >= 0 && ORDER.compare(notes.get(j), ref) == 0; j--) {
            if (notes.get(j) == ref) {
                notes.remove(j);
                return true;
            }
        }
        for (int j = i + 1; j < notes.size() && ORDER.compare(notes.get(j), ref) == 0; j++) {
            if (notes.get(j) == ref) {
                notes.remove(j);
                return true;
            }
        }
        return false;
    }

    void replace(List<NoteRef> out, List<NoteRef> in) {
        for (NoteRef r : out) {
            if (!remove(r)) throw new IllegalStateException("edit out of step: a note to replace is not in the piece: " + r);
        }
        addAll(in);
    }

    List<NoteRef> view() {
        return Collections.unmodifiableList(notes);
    }

    int size() {
        return notes.size();
    }

    static List<NoteRef> sorted(java.util.Collection<NoteRef> refs) {
        List<NoteRef> out = new ArrayList<>(refs);
        out.sort(ORDER);
        return out;
    }
}
