package studio.rondo.ui.pianoroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import studio.rondo.music.Piece;
import studio.rondo.music.Piece.TimedNote;
import studio.rondo.music.TempoMap;

@ExtendWith(ApplicationExtension.class)
class PianoRollTest {
    private PianoRoll roll;

    @Start
    void start(Stage stage) {
        roll = new PianoRoll();
        stage.setScene(new Scene(roll, 800, 400));
        stage.show();
    }

    /** 10,000 notes, ten per second over 1,000 s, each 0.1 s long, pitches cycling around middle C. */
    private static Piece tenThousandNotes() {
        List<TimedNote> notes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) notes.add(new TimedNote(54 + i % 12, 40 + i % 80, 0, i * 0.1, i * 0.1 + 0.1));
        return Piece.fromSeconds("many", notes, TempoMap.constant(480, 120));
    }

    @Test
    void drawsOnlyTheVisibleNotesOfALargePiece(FxRobot robot) {
        robot.interact(() -> {
            roll.pieceProperty().set(tenThousandNotes());
            roll.pixelsPerQuarterProperty().set(50); // 120 bpm: 100 px a second
        });
        WaitForAsyncUtils.waitForFxEvents();
        // about (800 - keyboard - scroll bar) / 100 px per second = 7.3 s visible, ten notes a second
        int drawn = roll.lastDrawnNotes();
        assertTrue(drawn > 50 && drawn < 100, "drawn " + drawn);
    }

    @Test
    void zoomKeepsTheSecondUnderTheMouseInPlace(FxRobot robot) {
        robot.interact(() -> {
            roll.pieceProperty().set(tenThousandNotes());
            roll.pixelsPerQuarterProperty().set(50);
            roll.scrollToQuarter(200);
        });
        double anchorX = 200;
        double before = roll.viewStartQuarter() + anchorX / roll.pixelsPerQuarterProperty().get();
        robot.interact(() -> roll.zoom(2, anchorX));
        double after = roll.viewStartQuarter() + anchorX / roll.pixelsPerQuarterProperty().get();
        assertEquals(100, roll.pixelsPerQuarterProperty().get(), 1e-9);
        assertEquals(before, after, 1e-6);
    }

    @Test
    void viewFollowsThePlayheadDuringPlayback(FxRobot robot) {
        robot.interact(() -> {
            roll.pieceProperty().set(tenThousandNotes());
            roll.pixelsPerQuarterProperty().set(50);
            roll.scrollToQuarter(0);
            roll.playheadProperty().set(500); // seconds: quarter 1000 at 120 bpm
        });
        double start = roll.viewStartQuarter();
        assertTrue(start < 1000 && start > 980, "view starts at quarter " + start);
    }

    @Test
    void zoomToFitShowsTheWholePiece(FxRobot robot) {
        robot.interact(() -> {
            roll.pieceProperty().set(tenThousandNotes());
            roll.zoomToFit();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, roll.viewStartQuarter(), 1e-9);
        assertTrue(roll.lastDrawnNotes() > 9_000, "drawn " + roll.lastDrawnNotes());
    }
}
