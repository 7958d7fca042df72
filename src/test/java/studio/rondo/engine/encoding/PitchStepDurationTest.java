package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Piece;

class PitchStepDurationTest {

    @Test
    void oneHotLayoutHas130InputFeaturesAndScaledLayoutHas3() {
        assertEquals(130, PitchStepDuration.oneHot().inputFeatures());
        assertEquals(3, PitchStepDuration.scaled().inputFeatures());
        assertEquals("pitch-step-duration", PitchStepDuration.oneHot().name());
        assertEquals("tf-tutorial", PitchStepDuration.scaled().name());
    }

    @Test
    void encodesOneStepPerNoteWithStepFromThePreviousOnset() {
        EncodedPiece e = PitchStepDuration.oneHot().encode(Fixtures.mixed());
        assertEquals(18, e.length()); // 19 notes minus the drum
        assertEquals(72, e.classAt(PitchStepDuration.PITCH, 0));
        assertEquals(0.0, e.valueAt(PitchStepDuration.STEP, 0), 1e-9);
        assertEquals(0.5, e.valueAt(PitchStepDuration.DURATION, 0), 1e-6);
        assertEquals(0.5, e.valueAt(PitchStepDuration.STEP, 1), 1e-6); // 74 one quarter later
        // chord notes after the first share the onset: step 0
        assertEquals(0.0, e.valueAt(PitchStepDuration.STEP, 4), 1e-9);
    }

    @Test
    void roundTripGivesBackPitchesOnsetsAndDurationsInBothLayouts() {
        Piece piece = Fixtures.mixedWithTempoChanges();
        for (PitchStepDuration enc : List.of(PitchStepDuration.oneHot(), PitchStepDuration.scaled())) {
            var notes = enc.decode(enc.encode(piece).steps(), DecodeContext.standard());
            NoteMatch.assertSameNotes(Fixtures.pitched(piece), notes, 1e-4, 1e-4, -1);
            assertEquals(100, notes.get(0).velocity(), "velocity comes from the decode context");
        }
    }

    @Test
    void decodingClampsNegativeStepsAndTooShortOrNanDurations() {
        var enc = PitchStepDuration.scaled();
        List<Step> steps = List.of(
                Step.of(enc.streams(), 60, -3, 0.5),
                Step.of(enc.streams(), 62, 0.25, -1),
                Step.of(enc.streams(), 64, Double.NaN, Double.NaN));
        var notes = enc.decode(steps, DecodeContext.standard());
        assertEquals(0.0, notes.get(0).startSeconds());
        assertEquals(0.25, notes.get(1).startSeconds(), 1e-9);
        assertEquals(Clamp.MIN_NOTE_SECONDS, notes.get(1).endSeconds() - notes.get(1).startSeconds(), 1e-9);
        assertEquals(0.25, notes.get(2).startSeconds(), 1e-9);
        Piece p = enc.decodePiece("out", steps, DecodeContext.standard());
        assertEquals(3, p.notes().size());
    }
}
