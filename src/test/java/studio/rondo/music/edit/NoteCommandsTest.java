package studio.rondo.music.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.TempoMap;

/** Each edit applied, undone and redone: the notes come back exactly, and every edit names itself. */
class NoteCommandsTest {
    static final int RES = 480;

    /** Twelve notes off the grid, a tempo change in bar 2 and a 3/4 bar from bar 3, plus two identical twins. */
    static Piece piece() {
        TempoMap map = new TempoMap(RES, List.of(new TempoMap.Tempo(0, 500_000), new TempoMap.Tempo(4 * RES, 400_000)));
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long s = i * 250L + 7;
            long e = s + 200;
            notes.add(new Note(60 + i % 7, 50 + 5 * i, 0, 0, s, e, map.secondsAt(s), map.secondsAt(e)));
        }
        notes.add(new Note(72, 90, 0, 0, 100, 300, map.secondsAt(100), map.secondsAt(300)));
        notes.add(new Note(72, 90, 0, 0, 100, 300, map.secondsAt(100), map.secondsAt(300)));
        PieceMetadata meta = PieceMetadata.empty().withTimeSignatures(List.of(new TimeSignature(0, 4, 4), new TimeSignature(8 * RES, 3, 4)));
        return new Piece("test", notes, map, meta);
    }

    private static void roundTrip(Function<PieceEditor, NoteCommand> edit, String description) {
        PieceEditor ed = new PieceEditor(piece());
        List<Note> before = ed.piece().notes();
        ed.selectAll();
        NoteCommand c = edit.apply(ed);
        assertEquals(description, c.description());
        assertEquals(description, ed.undoDescription().orElseThrow());
        List<Note> after = ed.piece().notes();
        assertNotEquals(before, after, "the edit changed something");
        assertTrue(ed.undo());
        assertEquals(before, ed.piece().notes(), "undo restores the exact notes");
        assertEquals(description, ed.redoDescription().orElseThrow());
        assertTrue(ed.redo());
        assertEquals(after, ed.piece().notes(), "redo restores the edit");
        assertTrue(ed.undo());
        assertEquals(before, ed.piece().notes());
    }

    @Test
    void moveUndoRedo() {
        roundTrip(ed -> ed.move(RES / 2, 3), "Move 14 notes");
    }

    @Test
    void moveStopsAtTickZeroAndTheKeyboardEnds() {
        PieceEditor ed = new PieceEditor(piece());
        ed.selectAll();
        NoteCommands.Move m = (NoteCommands.Move) ed.move(-100_000, 200);
        assertEquals(-7, m.ticks());
        assertEquals(127 - 72, m.semitones());
        assertEquals(0, ed.piece().notes().get(0).startTick());
    }

    @Test
    void transposeUndoRedo() {
        roundTrip(ed -> ed.transpose(12), "Transpose 14 notes");
    }

    @Test
    void resizeUndoRedo() {
        roundTrip(ed -> ed.resize(RES, 1), "Resize 14 notes");
    }

    @Test
    void deleteUndoRedo() {
        roundTrip(PieceEditor::delete, "Delete 14 notes");
    }

    @Test
    void velocityUndoRedo() {
        roundTrip(ed -> ed.changeVelocity(-20), "Change velocity of 14 notes");
    }

    @Test
    void quantizeUndoRedo() {
        roundTrip(ed -> ed.quantize(SnapGrid.EIGHTH, 1), "Quantize 14 notes");
    }

    @Test
    void addUndoRedo() {
        roundTrip(ed -> ed.add(48, 0, RES, 100), "Add 1 note");
    }

    @Test
    void cutAndPasteUndoRedo() {
        NoteClipboard clip = new NoteClipboard();
        roundTrip(ed -> ed.cut(clip), "Cut 14 notes");
        roundTrip(ed -> ed.paste(clip, 16 * RES), "Paste 14 notes");
    }

    @Test
    void pasteKeepsTheShapeAtTheTarget() {
        NoteClipboard clip = new NoteClipboard();
        PieceEditor ed = new PieceEditor(piece());
        ed.select(ed.notes().subList(0, 3));
        assertEquals(3, ed.copy(clip));
        ed.paste(clip, 10 * RES);
        List<NoteRef> pasted = ed.selected();
        assertEquals(3, pasted.size());
        assertEquals(10 * RES, pasted.get(0).note().startTick());
        assertEquals(ed.tempoMap().secondsAt(10 * RES), pasted.get(0).note().startSeconds(), 1e-9);
        assertEquals(17, ed.piece().notes().size());
    }

    @Test
    void quantizeAtFullStrengthPutsEveryOnsetOnTheGridAndHalfWayAtHalf() {
        for (SnapGrid g : List.of(SnapGrid.SIXTEENTH, SnapGrid.EIGHTH_TRIPLET, SnapGrid.BEAT)) {
            PieceEditor ed = new PieceEditor(piece());
            ed.selectAll();
            ed.quantize(g, 1);
            for (Note n : ed.piece().notes()) assertEquals(g.nearest(ed.timeSignatures(), RES, n.startTick()), n.startTick(), g + " " + n);
        }
        PieceEditor ed = new PieceEditor(piece());
        ed.select(List.of(ed.notes().get(0))); // starts at tick 7
        ed.quantize(SnapGrid.QUARTER, 0.5);
        assertEquals(4, ed.selected().get(0).note().startTick()); // 7 -> halfway to 0, rounded
    }

    @Test
    void undoingEveryStepOfAMixedSessionGivesTheOriginalBackNoteForNote() {
        PieceEditor ed = new PieceEditor(piece());
        List<Note> original = ed.piece().notes();
        ed.add(40, RES, 2 * RES, 80);
        ed.selectAll();
        ed.move(RES, -2);
        ed.select(ed.notes().subList(2, 5));
        ed.resize(-50, 10);
        ed.delete();
        ed.selectAll();
        ed.quantize(SnapGrid.SIXTEENTH_TRIPLET, 0.7);
        ed.transpose(-12);
        ed.changeVelocity(15);
        assertEquals(7, ed.undoDepth());
        List<Note> edited = ed.piece().notes();
        while (ed.undo()) { }
        assertEquals(original, ed.piece().notes());
        while (ed.redo()) { }
        assertEquals(edited, ed.piece().notes());
    }

    @Test
    void identicalTwinsStayTwoNotes() {
        PieceEditor ed = new PieceEditor(piece());
        NoteRef twin = ed.notes().stream().filter(r -> r.note().pitch() == 72).findFirst().orElseThrow();
        ed.select(List.of(twin));
        ed.delete();
        assertEquals(1, ed.piece().notes().stream().filter(n -> n.pitch() == 72).count());
        ed.undo();
        assertEquals(2, ed.piece().notes().stream().filter(n -> n.pitch() == 72).count());
    }

    @Test
    void aPreviewIsNoUndoStepUntilCommittedAndAnEmptyDragLeavesNone() {
        PieceEditor ed = new PieceEditor(piece());
        List<Note> original = ed.piece().notes();
        ed.selectAll();
        List<NoteRef> grabbed = ed.selected();
        ed.preview(new NoteCommands.Move(grabbed, 100, 0, ed.tempoMap()));
        ed.preview(new NoteCommands.Move(grabbed, 200, 1, ed.tempoMap()));
        assertFalse(ed.canUndo());
        assertTrue(ed.previewing());
        ed.commitPreview();
        assertEquals(1, ed.undoDepth());
        assertEquals("Move 14 notes", ed.undoDescription().orElseThrow());
        ed.undo();
        assertEquals(original, ed.piece().notes());
        ed.selectAll();
        ed.preview(new NoteCommands.Move(ed.selected(), 0, 0, ed.tempoMap()));
        ed.commitPreview();
        assertFalse(ed.canUndo());
        assertEquals(original, ed.piece().notes());
    }

    @Test
    void aNewEditClearsRedoAndNothingSelectedDoesNothing() {
        PieceEditor ed = new PieceEditor(piece());
        assertNull(ed.move(10, 1));
        ed.selectAll();
        ed.transpose(1);
        ed.undo();
        assertTrue(ed.canRedo());
        ed.selectAll();
        ed.transpose(2);
        assertFalse(ed.canRedo());
        assertEquals("Transpose 1 note", new NoteCommands.Transpose(ed.selected().subList(0, 1), 1, ed.tempoMap()).description());
    }

    @Test
    void snapGridCountsFromTheBarLinesOfTheMeter() {
        List<TimeSignature> sigs = piece().metadata().timeSignatures();
        assertEquals(8 * RES, SnapGrid.BAR.nearest(sigs, RES, 8 * RES + 100));
        assertEquals(8 * RES + 3 * RES, SnapGrid.BAR.nearest(sigs, RES, 8 * RES + 3 * RES - 100)); // a 3/4 bar
        assertEquals(160, SnapGrid.EIGHTH_TRIPLET.step(sigs.get(0), RES));
        assertEquals(320, SnapGrid.QUARTER_TRIPLET.step(sigs.get(0), RES));
        assertEquals(60, SnapGrid.THIRTY_SECOND.step(sigs.get(0), RES));
        assertEquals(123, SnapGrid.OFF.nearest(sigs, RES, 123));
        assertEquals(RES, SnapGrid.QUARTER.floor(sigs, RES, 2 * RES - 1));
        assertEquals(SnapGrid.EIGHTH_TRIPLET, SnapGrid.parse("1/8t"));
    }
}
