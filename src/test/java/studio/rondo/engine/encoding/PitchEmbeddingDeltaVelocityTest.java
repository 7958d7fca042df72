package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Piece;

class PitchEmbeddingDeltaVelocityTest {
    private final PitchEmbeddingDeltaVelocity enc = PitchEmbeddingDeltaVelocity.standard();

    @Test
    void roundTripKeepsPitchesOnsetsAndExactVelocities() {
        Piece piece = Fixtures.mixedWithTempoChanges();
        var notes = enc.decode(enc.encode(piece).steps(), DecodeContext.standard());
        NoteMatch.assertSameNotes(Fixtures.pitched(piece), notes, 1e-4, -1, 0);
    }

    @Test
    void pitchIsFedAsARawIndexForTheEmbeddingAndVelocityScaledToUnit() {
        EncodedPiece e = enc.encode(Fixtures.mixed());
        float[] in = new float[enc.inputFeatures()];
        InputLayout.of(enc).write(e.step(0), in);
        assertEquals(3, in.length);
        assertEquals(72f, in[0]);
        assertEquals(90 / 127f, in[2], 1e-6);
    }

    @Test
    void decodedNotesAreHeldUntilTheNextLaterOnsetWithinLimits() {
        List<Step> steps = List.of(
                Step.of(enc.streams(), 60, 0, 0.5), Step.of(enc.streams(), 64, 0, 0.5), // a dyad
                Step.of(enc.streams(), 67, 0.4, 0.5),
                Step.of(enc.streams(), 72, 5.0, 2.0)); // far later; velocity beyond 1 clamps
        var notes = enc.decode(steps, DecodeContext.standard());
        assertEquals(0.4, notes.get(0).endSeconds(), 1e-6);
        assertEquals(0.4, notes.get(1).endSeconds(), 1e-6);
        assertEquals(0.4 + 2.0, notes.get(2).endSeconds(), 1e-6, "held at most 2 s");
        assertEquals(0.5, notes.get(3).endSeconds() - notes.get(3).startSeconds(), 1e-6, "last note");
        assertEquals(127, notes.get(3).velocity());
        assertEquals(1, PitchEmbeddingDeltaVelocity.unscaleVelocity(-0.3f));
    }

    @Test
    void aChordPlayedAFewMillisecondsApartIsHeldTogetherUntilTheNextChord() {
        List<Step> steps = List.of(
                Step.of(enc.streams(), 48, 0, 0.5), Step.of(enc.streams(), 55, 0.012, 0.5), Step.of(enc.streams(), 64, 0.015, 0.5),
                Step.of(enc.streams(), 62, 0.6, 0.5));
        var notes = enc.decode(steps, DecodeContext.standard());
        for (int i = 0; i < 3; i++) assertEquals(0.627, notes.get(i).endSeconds(), 1e-6, "chord note " + i + " held to the next chord");
    }
}
