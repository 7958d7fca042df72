package studio.rondo.music.edit;

import studio.rondo.music.Note;

/**
 * One note in an edited piece, told apart from an equal twin by identity: selections and edits
 * refer to these, so two identical notes on one key stay two notes.
 */
public final class NoteRef {
    private final Note note;

    public NoteRef(Note note) {
        this.note = java.util.Objects.requireNonNull(note);
    }

    public Note note() {
        return note;
    }

    @Override
    public String toString() {
        return note.toString();
    }
}
