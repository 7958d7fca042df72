package studio.rondo.music.edit;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.TempoMap;

/**
 * A piece being edited: its notes, the selection, and an unlimited undo history of
 * {@link NoteCommand}s. Plain Java, no UI: the piano roll turns gestures into calls here, the
 * Edit menu reads {@link #undoDescription()}, and {@link #piece()} is what plays and exports.
 * A drag shows its edit through {@link #preview} before it becomes one undo step on release.
 * Not thread-safe: use it from one thread (the FX thread in the studio).
 */
public final class PieceEditor {
    private final Piece original;
    private final NoteList notes = new NoteList();
    private final Set<NoteRef> selection = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Deque<NoteCommand> undo = new ArrayDeque<>();
    private final Deque<NoteCommand> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private NoteCommand preview;
    private Piece cached;
    private long version;

    public PieceEditor(Piece piece) {
        this.original = piece;
        notes.addAll(NoteCommands.refs(piece.notes()));
        cached = piece;
    }

    /** The piece as edited now (notes in {@link Piece#ORDER}, the original's name, tempo map and metadata). */
    public Piece piece() {
        if (cached == null) {
            List<Note> list = new ArrayList<>(notes.size());
            for (NoteRef r : notes.view()) list.add(r.note());
            cached = original.withNotes(list);
        }
        return cached;
    }

    /** The piece before any edit. */
    public Piece original() {
        return original;
    }

    public TempoMap tempoMap() {
        return original.tempoMap();
    }

    public List<TimeSignature> timeSignatures() {
        return original.metadata().timeSignatures();
    }

    public int resolution() {
        return original.resolution();
    }

    /** The notes now, in {@link Piece#ORDER}; a live read-only view. */
    public List<NoteRef> notes() {
        return notes.view();
    }

    /** Counts changes of the notes (not of the selection): a listener tells the two apart by it. */
    public long version() {
        return version;
    }

    /** True while a drag shows an edit that is not an undo step yet. */
    public boolean previewing() {
        return preview != null;
    }

    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    public void removeListener(Runnable onChange) {
        listeners.remove(onChange);
    }

    // ---- selection

    public boolean isSelected(NoteRef ref) {
        return selection.contains(ref);
    }

    /** The selected notes in {@link Piece#ORDER}. */
    public List<NoteRef> selected() {
        return NoteList.sorted(selection);
    }

    public int selectionSize() {
        return selection.size();
    }

    public void select(Collection<NoteRef> refs) {
        selection.clear();
        selection.addAll(refs);
        changed(false);
    }

    public void addToSelection(Collection<NoteRef> refs) {
        selection.addAll(refs);
        changed(false);
    }

    public void toggleSelected(NoteRef ref) {
        if (!selection.remove(ref)) selection.add(ref);
        changed(false);
    }

    public void selectAll() {
        select(notes.view());
    }

    public void clearSelection() {
        if (selection.isEmpty()) return;
        selection.clear();
        changed(false);
    }

    /** The notes that overlap ticks [from, to) on keys low..high. */
    public List<NoteRef> notesIn(long fromTick, long toTick, int lowPitch, int highPitch) {
        List<NoteRef> out = new ArrayList<>();
        for (NoteRef r : notes.view()) {
            Note n = r.note();
            if (n.startTick() >= toTick) break;
            if (n.endTick() > fromTick && n.pitch() >= lowPitch && n.pitch() <= highPitch) out.add(r);
        }
        return out;
    }

    // ---- history

    /** Applies an edit as one undo step; the notes it added become the selection. Empty edits are dropped. */
    public void execute(NoteCommand command) {
        cancelPreview();
        if (command.isEmpty()) return;
        command.apply(notes);
        undo.push(command);
        redo.clear();
        selection.clear();
        selection.addAll(command.added());
        changed(true);
    }

    /** Shows an edit without making it an undo step (a drag in progress); replaces the previous preview. */
    public void preview(NoteCommand command) {
        if (preview != null) preview.undo(notes);
        preview = command;
        command.apply(notes);
        selection.clear();
        selection.addAll(command.added());
        changed(true);
    }

    /** Makes the previewed edit an undo step (the drag ended). */
    public void commitPreview() {
        NoteCommand p = preview;
        if (p == null) return;
        preview = null;
        if (p.isEmpty()) {
            p.undo(notes);
            selection.clear();
            selection.addAll(p.removed());
            changed(true);
            return;
        }
        undo.push(p);
        redo.clear();
        changed(false);
    }

    /** Takes back the previewed edit (a drag cancelled with Escape). */
    public void cancelPreview() {
        NoteCommand p = preview;
        if (p == null) return;
        preview = null;
        p.undo(notes);
        selection.clear();
        selection.addAll(p.removed());
        changed(true);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** "Move 12 notes" for the edit that Undo would take back. */
    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(NoteCommand::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(NoteCommand::description);
    }

    /** Number of edits that can be undone. */
    public int undoDepth() {
        return undo.size();
    }

    /** True when the piece differs from the original through edits still in the history. */
    public boolean isEdited() {
        return !undo.isEmpty();
    }

    public boolean undo() {
        cancelPreview();
        NoteCommand c = undo.poll();
        if (c == null) return false;
        c.undo(notes);
        redo.push(c);
        selection.clear();
        selection.addAll(c.removed());
        changed(true);
        return true;
    }

    public boolean redo() {
        cancelPreview();
        NoteCommand c = redo.poll();
        if (c == null) return false;
        c.apply(notes);
        undo.push(c);
        selection.clear();
        selection.addAll(c.added());
        changed(true);
        return true;
    }

    // ---- edits of the selection (each returns what it did, or null when there was nothing to do)

    public NoteCommand move(long dTicks, int dPitch) {
        return run(selection.isEmpty() ? null : new NoteCommands.Move(selected(), dTicks, dPitch, tempoMap()));
    }

    public NoteCommand transpose(int semitones) {
        return run(selection.isEmpty() ? null : new NoteCommands.Transpose(selected(), semitones, tempoMap()));
    }

    public NoteCommand resize(long dTicks, long minTicks) {
        return run(selection.isEmpty() ? null : new NoteCommands.Resize(selected(), dTicks, minTicks, tempoMap()));
    }

    public NoteCommand delete() {
        return run(selection.isEmpty() ? null : new NoteCommands.Delete(selected()));
    }

    public NoteCommand quantize(SnapGrid grid, double strength) {
        return run(selection.isEmpty() ? null : new NoteCommands.Quantize(selected(), grid, strength, timeSignatures(), tempoMap()));
    }

    public NoteCommand changeVelocity(int delta) {
        return run(selection.isEmpty() ? null : NoteCommands.Velocity.by(selected(), delta, tempoMap()));
    }

    /** A new note on {@code pitch} over ticks [start, end). */
    public NoteCommand add(int pitch, long startTick, long endTick, int velocity) {
        Note n = NoteCommands.retime(new Note(pitch, Math.max(1, Math.min(127, velocity)), 0, 0, 0, 1, 0, 1), startTick, endTick, pitch, velocity,
                tempoMap());
        return run(new NoteCommands.Add(List.of(n)));
    }

    /** Puts the selected notes on the clipboard; returns how many. */
    public int copy(NoteClipboard clipboard) {
        List<NoteRef> sel = selected();
        if (sel.isEmpty()) return 0;
        List<Note> list = new ArrayList<>(sel.size());
        for (NoteRef r : sel) list.add(r.note());
        clipboard.put(list, resolution());
        return list.size();
    }

    public NoteCommand cut(NoteClipboard clipboard) {
        if (copy(clipboard) == 0) return null;
        return run(new NoteCommands.Delete("Cut", selected()));
    }

    /** Pastes the clipboard with its first note at {@code atTick}; the pasted notes become the selection. */
    public NoteCommand paste(NoteClipboard clipboard, long atTick) {
        if (clipboard.isEmpty()) return null;
        double scale = resolution() / (double) clipboard.resolution();
        List<Note> out = new ArrayList<>();
        for (NoteClipboard.Clip c : clipboard.clips()) {
            long start = Math.max(0, atTick + Math.round(c.offset() * scale));
            long end = start + Math.max(1, Math.round(c.length() * scale));
            Note proto = new Note(c.pitch(), c.velocity(), c.channel(), c.track(), 0, 1, 0, 1);
            out.add(NoteCommands.retime(proto, start, end, c.pitch(), c.velocity(), tempoMap()));
        }
        return run(new NoteCommands.Paste(out));
    }

    private NoteCommand run(NoteCommand c) {
        if (c == null || c.isEmpty()) return null;
        execute(c);
        return c;
    }

    private void changed(boolean notesChanged) {
        if (notesChanged) {
            cached = null;
            version++;
        }
        for (Runnable r : listeners) r.run();
    }
}
