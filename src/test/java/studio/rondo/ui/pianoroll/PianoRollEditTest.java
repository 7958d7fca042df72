package studio.rondo.ui.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;
import studio.rondo.music.edit.PieceEditor;
import studio.rondo.music.edit.SnapGrid;

/** Gestures on the editable roll, as a musician makes them, each undone and redone. */
@ExtendWith(ApplicationExtension.class)
class PianoRollEditTest {
    static final int RES = 480;
    private PianoRoll roll;
    private PieceEditor editor;
    private List<Note> original;

    /** Eight quarter notes C4 D4 E4 ... on the beats of two 4/4 bars at 120 bpm, and one off the grid. */
    static Piece piece() {
        TempoMap map = TempoMap.constant(RES, 120);
        List<Note> notes = new ArrayList<>();
        int[] scale = {60, 62, 64, 65, 67, 69, 71, 72};
        for (int i = 0; i < 8; i++) {
            long s = (long) i * RES;
            notes.add(new Note(scale[i], 80, 0, 0, s, s + RES - 60, map.secondsAt(s), map.secondsAt(s + RES - 60)));
        }
        notes.add(new Note(55, 70, 0, 0, 8 * RES + 37, 9 * RES, map.secondsAt(8 * RES + 37), map.secondsAt(9 * RES)));
        return new Piece("scale", notes, map, PieceMetadata.empty().withTimeSignatures(List.of(new PieceMetadata.TimeSignature(0, 4, 4))));
    }

    @Start
    void start(Stage stage) {
        roll = new PianoRoll();
        editor = new PieceEditor(piece());
        original = editor.piece().notes();
        roll.editableProperty().set(true);
        roll.velocityLaneProperty().set(true);
        roll.snapProperty().set(SnapGrid.SIXTEENTH);
        roll.editorProperty().set(editor);
        stage.setScene(new Scene(roll, 900, 520));
        stage.show();
    }

    private Point2D onRoll(double x, double y) {
        return roll.rollCanvas().localToScreen(x, y);
    }

    /** The screen point inside a note, a quarter of its length from its start. */
    private Point2D insideNote(Note n) {
        double x0 = roll.xOfTick(n.startTick()), x1 = roll.xOfTick(n.endTick());
        return onRoll(x0 + (x1 - x0) * 0.3, roll.yOfKey(n.pitch()));
    }

    private Note noteOn(int pitch) {
        return editor.piece().notes().stream().filter(n -> n.pitch() == pitch).findFirst().orElseThrow();
    }

    private void drag(FxRobot robot, Point2D from, Point2D to) {
        robot.moveTo(from).press(MouseButton.PRIMARY);
        // in steps, as a hand moves
        for (int i = 1; i <= 5; i++) robot.moveTo(new Point2D(from.getX() + (to.getX() - from.getX()) * i / 5, from.getY() + (to.getY() - from.getY()) * i / 5));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void undoKey(FxRobot robot) {
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void opensFittedToThePiecesLengthAndRange() {
        WaitForAsyncUtils.waitForFxEvents();
        double ppq = roll.pixelsPerQuarterProperty().get();
        // nine quarters and a bit across about 830 px
        assertTrue(ppq > 60 && ppq < 100, "pixels per quarter " + ppq);
        assertTrue(roll.yOfKey(72) > PianoRoll.RULER_HEIGHT && roll.yOfKey(55) < roll.rollCanvas().getHeight(), "C5 and G3 in view");
        assertTrue(roll.keyHeightProperty().get() > 10, "keys tall enough to aim at: " + roll.keyHeightProperty().get());
    }

    @Test
    void draggingANoteMovesItByASnappedAmountAndCtrlZPutsItBack(FxRobot robot) {
        Note e4 = noteOn(64);
        double ppq = roll.pixelsPerQuarterProperty().get();
        double kh = roll.keyHeightProperty().get();
        Point2D from = insideNote(e4);
        // 1.3 quarters right (snaps to 1.25 on the 1/16 grid) and two keys up
        Point2D to = new Point2D(from.getX() + 1.3 * ppq, from.getY() - 2 * kh);
        drag(robot, from, to);
        Note moved = noteOn(66);
        assertEquals(e4.startTick() + 600, moved.startTick(), "1.3 quarters snapped to 1/16: 600 ticks");
        assertEquals(e4.durationTicks(), moved.durationTicks());
        assertEquals(TempoMap.constant(RES, 120).secondsAt(moved.startTick()), moved.startSeconds(), 1e-9);
        assertEquals("Move 1 note", editor.undoDescription().orElseThrow());
        assertEquals(1, editor.undoDepth(), "one drag, one undo step");
        undoKey(robot);
        assertEquals(original, editor.piece().notes());
        assertEquals(0, editor.undoDepth(), "ctrl+z undid exactly one step");
    }

    @Test
    void drawMoveResizeDeleteThenUndoEveryStepGivesTheOriginalNoteForNoteAndRedoTheEdits(FxRobot robot) {
        double ppq = roll.pixelsPerQuarterProperty().get();
        // draw: D switches to the draw mode, a drag on an empty place draws a note of its length
        robot.clickOn(roll.rollCanvas());
        robot.type(KeyCode.ESCAPE).type(KeyCode.D);
        Point2D start = onRoll(roll.xOfTick(RES / 4) + 2, roll.yOfKey(57));
        drag(robot, start, new Point2D(start.getX() + 1.5 * ppq, start.getY()));
        robot.type(KeyCode.D);
        Note drawn = noteOn(57);
        assertEquals(RES / 4, drawn.startTick());
        assertEquals(RES / 4 + 3 * RES / 2, drawn.endTick(), "drawn up to the nearest 1/16");
        // move G4 a quarter right
        Note g4 = noteOn(67);
        Point2D from = insideNote(g4);
        drag(robot, from, new Point2D(from.getX() + ppq, from.getY()));
        assertEquals(g4.startTick() + RES, noteOn(67).startTick());
        // resize A4 from its right edge by half a quarter
        Note a4 = noteOn(69);
        Point2D edge = onRoll(roll.xOfTick(a4.endTick()) - 2, roll.yOfKey(69));
        drag(robot, edge, new Point2D(edge.getX() + 0.6 * ppq, edge.getY()));
        Note longer = noteOn(69);
        assertEquals(a4.startTick(), longer.startTick());
        assertEquals(3120, longer.endTick(), "2820 + 0.6 quarters = 3108, snapped to the 1/16 grid");
        // delete C5
        robot.clickOn(insideNote(noteOn(72)));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(editor.piece().notes().stream().noneMatch(n -> n.pitch() == 72));
        assertEquals(4, editor.undoDepth());
        List<Note> edited = editor.piece().notes();
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            steps.add(editor.undoDescription().orElseThrow());
            undoKey(robot);
        }
        assertEquals(List.of("Delete 1 note", "Resize 1 note", "Move 1 note", "Add 1 note"), steps);
        assertEquals(original, editor.piece().notes(), "back to the original, note for note");
        for (int i = 0; i < 4; i++) {
            robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(edited, editor.piece().notes(), "redo restores the edits");
    }

    @Test
    void aRubberBandSelectsAndArrowsTransposeAndMove(FxRobot robot) {
        // a band around the first four notes (C4..F4 in the first bar)
        Point2D a = onRoll(roll.xOfTick(0) + 3, roll.yOfKey(66));
        Point2D b = onRoll(roll.xOfTick(4 * RES) - 8, roll.yOfKey(59));
        drag(robot, a, b);
        assertEquals(4, editor.selectionSize());
        robot.press(KeyCode.SHIFT).type(KeyCode.UP).release(KeyCode.SHIFT);
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Move 4 notes", "Transpose 4 notes"), List.of(editor.undoDescription().orElseThrow(), "Transpose 4 notes"));
        assertEquals(72, editor.selected().get(0).note().pitch(), "an octave up");
        assertEquals(120, editor.selected().get(0).note().startTick(), "one 1/16 step right");
        undoKey(robot);
        undoKey(robot);
        assertEquals(original, editor.piece().notes());
    }

    @Test
    void quantizeAtFullStrengthPutsEverySelectedOnsetOnTheGrid(FxRobot robot) {
        robot.clickOn(roll.rollCanvas());
        robot.interact(() -> roll.snapProperty().set(SnapGrid.EIGHTH_TRIPLET));
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        robot.type(KeyCode.Q);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Quantize 9 notes", editor.undoDescription().orElseThrow());
        for (Note n : editor.piece().notes()) assertEquals(0, n.startTick() % 160, "on the 1/8T grid: " + n);
        assertNotEquals(original, editor.piece().notes(), "the off-grid G3 moved");
    }

    @Test
    void draggingAStemInTheVelocityLaneChangesTheSelectedVelocities(FxRobot robot) {
        robot.interact(() -> editor.select(editor.notes().subList(0, 3)));
        Note c4 = noteOn(60);
        double h = roll.velocityCanvas().getHeight();
        Point2D stem = roll.velocityCanvas().localToScreen(roll.xOfTick(c4.startTick()) + 1, RollPainter.velocityY(c4.velocity(), h));
        Point2D to = roll.velocityCanvas().localToScreen(roll.xOfTick(c4.startTick()) + 1, RollPainter.velocityY(110, h));
        drag(robot, stem, to);
        int v = noteOn(60).velocity();
        assertTrue(Math.abs(v - 110) <= 2, "velocity " + v);
        assertEquals(v, noteOn(62).velocity(), "the selected notes move together");
        assertEquals(80, noteOn(65).velocity(), "the others stay");
        assertEquals("Change velocity of 3 notes", editor.undoDescription().orElseThrow());
    }

    @Test
    void copyPasteAndCut(FxRobot robot) {
        robot.interact(() -> editor.select(editor.notes().subList(0, 2)));
        robot.clickOn(roll.rollCanvas()); // focus; a click on an empty place clears the selection and marks where to paste
        robot.interact(() -> editor.select(editor.notes().subList(0, 2)));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        // click an empty place: that is where a paste goes
        robot.clickOn(onRoll(roll.xOfTick(4 * RES) + 3, roll.yOfKey(57)));
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Paste 2 notes", editor.undoDescription().orElseThrow());
        assertEquals(4 * RES, editor.selected().get(0).note().startTick());
        robot.press(KeyCode.CONTROL).type(KeyCode.X).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cut 2 notes", editor.undoDescription().orElseThrow());
        assertEquals(original, editor.piece().notes());
    }

    @Test
    void aNoteSaysWhatItIs() {
        Note g3 = noteOn(55);
        assertEquals("G3 (55) · starts 3:1.08 · 1/4 · velocity 70".replace("1/4", MusicalGrid.length(g3.durationTicks(), RES)),
                roll.describe(g3));
        assertEquals("1/8T", MusicalGrid.length(160, RES));
        assertEquals("3/16", MusicalGrid.length(360, RES));
        assertEquals("2:3", MusicalGrid.barBeat(List.of(), RES, 6 * RES));
    }
}
