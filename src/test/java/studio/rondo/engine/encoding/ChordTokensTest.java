package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata;

class ChordTokensTest {
    private final ChordTokens enc = ChordTokens.unfitted().fit(List.of(Fixtures.mixed()));

    @Test
    void roundTripKeepsChordsWithOctavesOffsetsAndDurations() {
        Piece piece = Fixtures.mixed();
        var notes = enc.decode(enc.encode(piece).steps(), DecodeContext.standard());
        NoteMatch.assertSameNotes(Fixtures.pitched(piece), notes, 1e-6, 1e-6, -1);
    }

    @Test
    void tokensKeepOctavesAndChordNotesAscending() {
        EncodedPiece e = enc.encode(Fixtures.mixed());
        List<String> tokens = e.steps().stream().map(s -> enc.vocabulary().token(s.classOf(ChordTokens.TOKEN))).toList();
        assertEquals(List.of("C5", "D5", "E5", "A2.C3.E3", "G5", "C4", "E4", "G4", "A4", "B4", "D4",
                "<rest>", "C6", "C2", "C4.E4.G4"), tokens);
    }

    @Test
    void gapLongerThanTheLargestOffsetIsCutIntoRests() {
        EncodedPiece e = enc.encode(Fixtures.mixed());
        // D4 at quarter 7, C6 at quarter 20: one rest of 8 quarters, then 5 quarters
        assertEquals(96, e.classAt(ChordTokens.OFFSET, 11));
        assertEquals(60, e.classAt(ChordTokens.OFFSET, 12));
        assertEquals(11, e.classAt(ChordTokens.DURATION, 12), "one quarter = 12 grid units, class = units - 1");
    }

    @Test
    void tokensRarerThanMinCountBecomeUnknown() {
        Piece twice = new Piece("t", List.of(Fixtures.note(60, 0, 1, 80), Fixtures.note(60, 1, 1, 80), Fixtures.note(62, 2, 1, 80)),
                Fixtures.TEMPO_120, PieceMetadata.empty());
        ChordTokens strict = ChordTokens.unfitted(12, 8, 8, 2).fit(List.of(twice));
        assertEquals(List.of(Vocabulary.UNKNOWN, GridEvents.REST, "C4"), strict.vocabulary().tokens());
        assertEquals(0, strict.encode(twice).classAt(ChordTokens.TOKEN, 2));
    }

    @Test
    void vocabularyDoesNotDependOnTheOrderOfPieces() {
        Piece a = Fixtures.mixed(), b = Fixtures.mixedWithTempoChanges();
        Piece c = PieceTransforms.transpose(a, 5).orElseThrow();
        assertEquals(ChordTokens.unfitted().fit(List.of(a, b, c)).vocabulary(), ChordTokens.unfitted().fit(List.of(c, a, b)).vocabulary());
    }

    @Test
    void eachStreamIsOneScaledFeatureLikeTheOriginal() {
        assertEquals(3, enc.inputFeatures());
        float[] in = new float[3];
        EncodedPiece e = enc.encode(Fixtures.mixed());
        InputLayout.of(enc).write(e.step(1), in);
        assertEquals((float) e.classAt(ChordTokens.TOKEN, 1) / enc.vocabulary().size(), in[0], 1e-7);
        assertFalse(in[1] == 0, "offset of one quarter");
    }
}
