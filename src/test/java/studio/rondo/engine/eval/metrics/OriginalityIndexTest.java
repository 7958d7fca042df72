package studio.rondo.engine.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

class OriginalityIndexTest {
    /** Three training pieces in 3/4: random walks, one note per eighth (6 a bar). */
    private static List<Piece> corpus() {
        List<Piece> pieces = new ArrayList<>();
        for (int k = 0; k < 3; k++) pieces.add(Fixtures.piece("train-" + k, Fixtures.randomLine(10 + k, 240, 40, 90), 3));
        return pieces;
    }

    private static Piece transposed(Piece p, int semitones, double shiftQuarters) {
        List<Note> notes = new ArrayList<>();
        for (Note n : p.notes()) notes.add(Fixtures.note(n.pitch() + semitones, n.startTick() / (double) Fixtures.PPQ + shiftQuarters,
                n.durationTicks() / (double) Fixtures.PPQ));
        return Fixtures.piece(p.name() + "+" + semitones, notes);
    }

    @Test
    void findsAPlantedPassageInATransposedCopyAtTheRightBar() {
        List<Piece> corpus = corpus();
        OriginalityIndex index = OriginalityIndex.build(corpus, List.of("a/one.mid", "a/two.mid", "b/three.mid"));
        // 30 notes of train-1 from note 60 (bar 11 of 3/4: 6 eighths a bar, 60 / 6 = 10 bars before it), 5 semitones up,
        // between random notes of another walk, in 4/4 from the generated piece's note 40 (bar 6: 8 eighths a bar).
        Piece source = corpus.get(1);
        List<Note> notes = new ArrayList<>(Fixtures.randomLine(99, 40, 20, 35)); // low notes, nothing like the corpus
        for (int i = 0; i < 30; i++) {
            Note n = source.notes().get(60 + i);
            notes.add(Fixtures.note(n.pitch() + 5, (40 + i) * 0.5, 0.5));
        }
        for (Note n : Fixtures.randomLine(98, 40, 100, 115)) notes.add(Fixtures.note(n.pitch(), 35 + n.startTick() / (double) Fixtures.PPQ, 0.5));
        Piece generated = Fixtures.piece("generated", notes, 4);

        Originality o = index.check(generated);
        assertEquals(30, o.longestRun(), o.describe());
        assertEquals("a/two.mid", o.source());
        assertEquals(11, o.sourceBar(), "note 60 of six eighths a bar starts bar 11");
        assertEquals(15.0, o.sourceSeconds(), 1e-9, "note 60 at 0.25 s an eighth");
        assertEquals(6, o.startBar(), "note 40 of eight eighths a bar starts bar 6");
        assertEquals(10.0, o.startSeconds(), 1e-9);
        assertEquals(40, o.firstNote());
        assertEquals(110 - 7, o.sequences());
        assertEquals(30 - 7, o.sequencesFound(), "exactly the planted passage's 8-note sequences");
        assertFalse(o.wholePieceCopied());
        assertEquals("longest copied run: 30 notes from a/two.mid, bar 11 (0:15.0)", o.describe());
    }

    @Test
    void aVerbatimCopyAndATransposedCopyAreWhollyCopied() {
        List<Piece> corpus = corpus();
        OriginalityIndex index = OriginalityIndex.build(corpus);
        for (Piece copy : List.of(corpus.get(2), transposed(corpus.get(2), -7, 3))) {
            Originality o = index.check(copy);
            assertEquals(240, o.longestRun(), copy.name());
            assertTrue(o.wholePieceCopied());
            assertEquals("train-2", o.source());
            assertEquals(1.0, o.shareFound(), 1e-12);
            assertEquals(1, o.sourceBar());
            assertTrue(o.describe().endsWith(": the whole piece"), o.describe());
        }
    }

    @Test
    void unrelatedMusicHasNoRunAndAShortPieceNoSequences() {
        OriginalityIndex index = OriginalityIndex.build(corpus());
        Originality o = index.check(Fixtures.piece("other", Fixtures.randomLine(5, 200, 40, 90)));
        assertEquals(0, o.longestRun());
        assertTrue(o.shareFound() < 0.01, "share " + o.shareFound());
        Originality shortOne = index.check(Fixtures.piece("short", Fixtures.randomLine(6, 5, 40, 90)));
        assertEquals(0, shortOne.sequences());
        assertTrue(Double.isNaN(shortOne.shareFound()));
    }

    @Test
    void aRunDoesNotCrossFromOnePieceIntoTheNext() {
        List<Piece> corpus = corpus();
        OriginalityIndex index = OriginalityIndex.build(corpus);
        // the last 20 notes of piece 0 followed by the first 20 of piece 1, transposed alike
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 20; i++) notes.add(Fixtures.note(corpus.get(0).notes().get(220 + i).pitch(), i * 0.5, 0.5));
        for (int i = 0; i < 20; i++) notes.add(Fixtures.note(corpus.get(1).notes().get(i).pitch(), (20 + i) * 0.5, 0.5));
        Originality o = index.check(Fixtures.piece("joined", notes));
        assertEquals(20, o.longestRun(), o.describe());
    }

    @Test
    void aShortFigureRepeatedIsSaidSo() {
        List<Note> arpeggios = new ArrayList<>();
        int[] figure = {48, 52, 55, 60};
        for (int i = 0; i < 64; i++) arpeggios.add(Fixtures.note(figure[i % 4] + 12 * ((i / 4) % 2), i * 0.25, 0.25));
        OriginalityIndex index = OriginalityIndex.build(List.of(Fixtures.piece("etude", arpeggios)));
        Originality o = index.check(Fixtures.piece("copy", arpeggios.subList(0, 40)));
        assertEquals(40, o.longestRun());
        assertEquals(9, o.figure(), "8 intervals repeat: a 9-note figure");
        assertTrue(o.repeatedFigure());
        assertTrue(o.describe().contains("whole piece"), o.describe());
        assertEquals(3, OriginalityIndex.period(new byte[] {1, 2, 4, 5, 6, 8, 9}, 0, 7) + 0, "intervals 1 2 1 1 2 1: period 3");
    }

    @Test
    void checkingOnlyTheGeneratedPartSkipsThePrimer() {
        List<Piece> corpus = corpus();
        OriginalityIndex index = OriginalityIndex.build(corpus);
        List<Note> notes = new ArrayList<>(corpus.get(0).notes().subList(0, 40)); // a primer taken from the corpus
        for (Note n : Fixtures.randomLine(7, 60, 40, 90)) notes.add(Fixtures.note(n.pitch(), 20 + n.startTick() / (double) Fixtures.PPQ, 0.5));
        Piece result = Fixtures.piece("with-primer", notes);
        assertEquals(40, index.check(result).longestRun());
        assertEquals(0, index.check(result, 10.0).longestRun());
    }
}
