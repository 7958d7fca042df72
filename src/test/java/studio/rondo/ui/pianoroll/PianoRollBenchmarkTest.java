package studio.rondo.ui.pianoroll;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;
import studio.rondo.music.TempoMap;
import studio.rondo.music.edit.NoteCommands;
import studio.rondo.music.edit.NoteRef;
import studio.rondo.music.edit.PieceEditor;

/**
 * A benchmark, not a timed test: repaints of a 10,000-note piece while scrolling and while dragging
 * 200 selected notes, printed as median and 95th percentile (the aim is under 16 ms a frame). The
 * README quotes its numbers. Only checks that it ran.
 */
@ExtendWith(ApplicationExtension.class)
class PianoRollBenchmarkTest {
    private PianoRoll roll;
    private PieceEditor editor;

    @Start
    void start(Stage stage) {
        TempoMap map = TempoMap.constant(480, 120);
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            long s = i * 120L;
            notes.add(new Note(36 + (i * 7) % 48, 30 + i % 90, 0, 0, s, s + 100 + (i % 5) * 120, map.secondsAt(s), map.secondsAt(s + 100 + (i % 5) * 120)));
        }
        editor = new PieceEditor(new Piece("bench", notes, map, PieceMetadata.empty()));
        roll = new PianoRoll();
        roll.editableProperty().set(true);
        roll.velocityLaneProperty().set(true);
        roll.editorProperty().set(editor);
        stage.setScene(new Scene(roll, 1240, 760));
        stage.show();
    }

    private static String stats(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "%s: median %.2f ms, p95 %.2f ms, max %.2f ms over %d frames", what, s[s.length / 2] / 1e6,
                s[(int) (s.length * 0.95)] / 1e6, s[s.length - 1] / 1e6, s.length);
    }

    @Test
    void repaintsOfTenThousandNotesWhileScrollingAndDragging(FxRobot robot) {
        int frames = 120;
        long[] scroll = new long[frames], drag = new long[frames], fitted = new long[60];
        // one frame per FX event, with the pulse between them as in the window (a canvas keeps its commands until then)
        robot.interact(() -> roll.pixelsPerQuarterProperty().set(60));
        for (int i = 0; i < frames; i++) {
            int k = i;
            robot.interact(() -> {
                roll.scrollToQuarter(k * 4.0);
                roll.draw();
                scroll[k] = roll.lastPaintNanos();
            });
        }
        List<List<NoteRef>> selected = new ArrayList<>();
        robot.interact(() -> {
            editor.select(editor.notes().subList(400, 600));
            selected.add(editor.selected());
            roll.scrollToQuarter(100);
        });
        for (int i = 0; i < frames; i++) {
            int k = i;
            robot.interact(() -> {
                long t0 = System.nanoTime();
                editor.preview(new NoteCommands.Move(selected.get(0), k * 10L, k % 7, editor.tempoMap())); // the model's part of a drag frame
                roll.draw();
                drag[k] = System.nanoTime() - t0;
            });
        }
        robot.interact(() -> {
            editor.commitPreview();
            roll.fit(); // the whole piece in view: every note drawn
        });
        for (int i = 0; i < fitted.length; i++) {
            int k = i;
            robot.interact(() -> {
                roll.draw();
                fitted[k] = roll.lastPaintNanos();
            });
        }
        System.out.println("[bench] piano roll, 10,000 notes, 1240x760");
        System.out.println("[bench] " + stats("scrolling (repaint)", scroll));
        System.out.println("[bench] " + stats("dragging 200 notes (edit preview + note arrays + repaint)", drag));
        System.out.println("[bench] " + stats("whole piece in view (repaint)", fitted));
        assertTrue(roll.lastDrawnNotes() > 9_000);
    }
}
