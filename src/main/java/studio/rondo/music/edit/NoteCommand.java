package studio.rondo.music.edit;

import java.util.List;

/**
 * One edit of a piece's notes: it replaces some notes (by identity) with others, so applying and
 * undoing it restore exactly the notes that were there. Each kind of edit is a subclass that works
 * out its new notes and says what it did ("Move 12 notes").
 */
public abstract class NoteCommand {
    private final List<NoteRef> before;
    private final List<NoteRef> after;
    private final String description;

    protected NoteCommand(String verb, List<NoteRef> before, List<NoteRef> after, int count) {
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.description = verb + " " + count + (count == 1 ? " note" : " notes");
    }

    /** "Move 12 notes": what the Edit menu shows after "Undo" / "Redo". */
    public String description() {
        return description;
    }

    /** The notes this edit takes away. */
    public List<NoteRef> removed() {
        return before;
    }

    /** The notes this edit puts in. */
    public List<NoteRef> added() {
        return after;
    }

    /** True when the edit changes nothing (a drag that went nowhere): not worth an undo step. */
    public boolean isEmpty() {
        if (before.size() != after.size()) return false;
        for (int i = 0; i < before.size(); i++) if (!before.get(i).note().equals(after.get(i).note())) return false;
        return true;
    }

    void apply(NoteList notes) {
        notes.replace(before, after);
    }

    void undo(NoteList notes) {
        notes.replace(after, before);
    }

    @Override
    public String toString() {
        return description;
    }
}
