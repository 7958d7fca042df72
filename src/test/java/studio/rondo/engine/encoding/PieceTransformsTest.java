package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;

class PieceTransformsTest {

    @Test
    void transposeMovesPitchedNotesButNotDrums() {
        Piece t = PieceTransforms.transpose(Fixtures.mixed(), -3).orElseThrow();
        assertEquals(Fixtures.mixed().highestPitch() - 3, Fixtures.pitched(t).stream().mapToInt(Note::pitch).max().orElseThrow());
        assertTrue(t.notes().stream().anyMatch(n -> n.isDrum() && n.pitch() == 38));
    }

    @Test
    void transposeRefusesToLeaveTheMidiRange() {
        Piece high = new Piece("h", List.of(Fixtures.note(125, 0, 1, 80)), Fixtures.TEMPO_120, PieceMetadata.empty());
        assertTrue(PieceTransforms.transpose(high, 2).isPresent());
        assertTrue(PieceTransforms.transpose(high, 3).isEmpty());
        assertTrue(PieceTransforms.transpose(Fixtures.mixed(), -37).isEmpty()); // C2 (36) would go below 0
    }

    @Test
    void timeStretchScalesSecondsAndTempoButKeepsTicks() {
        Piece p = Fixtures.mixed();
        Piece s = PieceTransforms.timeStretch(p, 1.05);
        assertEquals(p.durationSeconds() * 1.05, s.durationSeconds(), 1e-9);
        assertEquals(p.lengthTicks(), s.lengthTicks());
        Note last = s.notes().get(s.notes().size() - 1);
        assertEquals(last.startSeconds(), s.tempoMap().secondsAt(last.startTick()), 1e-6, "tempo map agrees with the seconds");
        // the quarter-based encodings see the same score
        ChordTokens enc = ChordTokens.unfitted().fit(List.of(p));
        assertEquals(enc.encode(p).steps(), enc.encode(s).steps());
    }

    @Test
    void velocityStretchScalesAndClampsTo1To127() {
        Piece p = Fixtures.mixed();
        Piece loud = PieceTransforms.velocityStretch(p, 1.1);
        assertEquals(127, loud.notes().stream().mapToInt(Note::velocity).max().orElseThrow());
        assertEquals(99, loud.notes().stream().filter(n -> n.pitch() == 72).findFirst().orElseThrow().velocity()); // 90 * 1.1
        Piece soft = PieceTransforms.velocityStretch(p, 0.01);
        assertEquals(1, soft.notes().stream().mapToInt(Note::velocity).min().orElseThrow());
    }
}
