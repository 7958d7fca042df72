package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;

class ThreeStreamTest {
    private final ThreeStream enc = ThreeStream.unfitted().fit(List.of(Fixtures.mixed()));

    @Test
    void roundTripKeepsChordsWithOctavesAndGridTimesExactly() {
        Piece piece = Fixtures.mixedWithTempoChanges();
        ThreeStream fitted = ThreeStream.unfitted().fit(List.of(piece));
        var ctx = DecodeContext.standard().withTempoMap(piece.tempoMap());
        var notes = fitted.decode(fitted.encode(piece).steps(), ctx);
        NoteMatch.assertSameNotes(Fixtures.pitched(piece), notes, 1e-6, 1e-6, -1);
    }

    @Test
    void offGridTimesComeBackWithinHalfAGridStep() {
        // onsets a 1/32 quarter off the 1/12 grid, durations of a 1/16 quarter more
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 16; i++) notes.add(Fixtures.note(60 + i, i * 0.75 + 1.0 / 32, 0.5 + 1.0 / 16, 80));
        Piece piece = new Piece("off-grid", notes, Fixtures.TEMPO_120, PieceMetadata.empty());
        ThreeStream fitted = ThreeStream.unfitted().fit(List.of(piece));
        double halfStepSeconds = 0.5 / 12 / 2; // 120 bpm: a quarter is 0.5 s
        var decoded = fitted.decode(fitted.encode(piece).steps(), DecodeContext.standard());
        NoteMatch.assertSameNotes(notes, decoded, halfStepSeconds + 1e-9, halfStepSeconds + 1e-9, -1);
    }

    @Test
    void streamsAreThreeOneHotVocabulariesFittedOnTheCorpus() {
        assertEquals(List.of("note", "offset", "duration"), enc.streams().stream().map(StreamSpec::name).toList());
        assertEquals(enc.noteVocabulary().size() + enc.offsetVocabulary().size() + enc.durationVocabulary().size(), enc.inputFeatures());
        assertTrue(enc.noteVocabulary().contains("A2.C3.E3"));
        assertTrue(enc.noteVocabulary().contains("C4.E4.G4"));
        assertTrue(enc.offsetVocabulary().contains("1/3"), "triplet offsets");
        assertEquals(Vocabulary.UNKNOWN, enc.noteVocabulary().token(0));
        assertEquals(GridEvents.REST, enc.noteVocabulary().token(1));
    }

    @Test
    void unseenChordEncodesAsUnknownAndDecodesToSilenceThatKeepsTime() {
        Piece other = new Piece("other", List.of(Fixtures.note(61, 0, 1, 80), Fixtures.note(72, 1, 1, 80)),
                Fixtures.TEMPO_120, PieceMetadata.empty());
        EncodedPiece e = enc.encode(other);
        assertEquals(0, e.classAt(ThreeStream.NOTE, 0), "C#4 never occurs in the corpus");
        var notes = enc.decode(e.steps(), DecodeContext.standard());
        assertEquals(1, notes.size());
        assertEquals(72, notes.get(0).pitch());
        assertEquals(0.5, notes.get(0).startSeconds(), 1e-9);
    }

    @Test
    void unseenOffsetEncodesAsTheNearestKnownOne() {
        // 5/12 quarter never occurs in the corpus as an offset; 1/3 (4/12) or 1/2 (6/12) does
        Piece other = new Piece("other", List.of(Fixtures.note(72, 0, 1, 80), Fixtures.note(72, 5.0 / 12, 1, 80)),
                Fixtures.TEMPO_120, PieceMetadata.empty());
        String offset = enc.offsetVocabulary().token(enc.encode(other).classAt(ThreeStream.OFFSET, 1));
        assertTrue(offset.equals("1/3") || offset.equals("1/2"), offset);
    }

    @Test
    void encodingBeforeFittingSaysSo() {
        var e = assertThrows(IllegalStateException.class, () -> ThreeStream.unfitted().encode(Fixtures.mixed()));
        assertTrue(e.getMessage().contains("not fitted"));
    }
}
