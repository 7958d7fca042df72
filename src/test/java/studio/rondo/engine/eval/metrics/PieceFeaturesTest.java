package studio.rondo.engine.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static studio.rondo.engine.eval.metrics.Fixtures.note;
import static studio.rondo.engine.eval.metrics.Fixtures.piece;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Note;

class PieceFeaturesTest {
    @Test
    void aCMajorScaleMeasuresAsWorkedOutByHand() {
        PieceFeatures f = PieceFeatures.of(Fixtures.cMajorScale());
        assertEquals(8, f.notes());
        assertEquals(8, f.value(Feature.DISTINCT_PITCHES));
        assertEquals(12, f.value(Feature.PITCH_RANGE));
        assertEquals(12.0 / 7, f.value(Feature.MEAN_INTERVAL), 1e-12, "2+2+1+2+2+2+1 semitones over 7 steps");
        assertEquals(4.0, f.seconds(), 1e-12);
        assertEquals(20.0, f.value(Feature.NOTES_PER_10S), 1e-9, "8 notes in 4 s");
        assertEquals(0.5, f.value(Feature.MEAN_IOI), 1e-12, "a quarter at 120 bpm");
        assertEquals(1.0, f.value(Feature.POLYPHONY), 1e-12, "one note at a time");
        assertEquals(1.0, f.value(Feature.SCALE_CONSISTENCY), 1e-12);
        // C twice (1/4 of the time), the six others once (1/8 each): 2 * 1/4 + 6 * 3/8 = 2.75 bits
        assertEquals(2.75, f.value(Feature.PITCH_CLASS_ENTROPY), 1e-12);
        double e = 0.125;
        assertArrayEquals(new double[] {0.25, 0, e, 0, e, e, 0, e, 0, e, 0, e}, f.vector(Feature.PITCH_CLASS_HISTOGRAM), 1e-12);
        double[] lengths = new double[12];
        lengths[Feature.NOTE_LENGTHS.indexOf("1/4")] = 1;
        assertArrayEquals(lengths, f.vector(Feature.NOTE_LENGTH_HISTOGRAM), 1e-12, "all quarter notes");
        assertEquals("C major", f.key().name());
    }

    @Test
    void chordsCountOnceForOnsetsAndThreeTimesForPolyphony() {
        // C major triad as a half note, then a G as a half note: polyphony 3 for 1 s, 1 for 1 s
        List<Note> notes = List.of(note(60, 0, 2), note(64, 0, 2), note(67, 0, 2), note(67, 2, 2));
        PieceFeatures f = PieceFeatures.of(piece("chords", notes));
        assertEquals(2.0, f.value(Feature.POLYPHONY), 1e-12);
        assertEquals(1.0, f.value(Feature.MEAN_IOI), 1e-12, "two distinct onsets 1 s apart");
        assertEquals((4 + 3 + 0) / 3.0, f.value(Feature.MEAN_INTERVAL), 1e-12, "in (onset, pitch) order: C E G G");
        assertEquals(3, f.value(Feature.DISTINCT_PITCHES));
        double[] lengths = f.vector(Feature.NOTE_LENGTH_HISTOGRAM);
        assertEquals(1.0, lengths[Feature.NOTE_LENGTHS.indexOf("1/2")], 1e-12);
    }

    @Test
    void silenceDoesNotLowerPolyphony() {
        List<Note> notes = List.of(note(60, 0, 1), note(62, 10, 1));
        assertEquals(1.0, PieceFeatures.of(piece("gap", notes)).value(Feature.POLYPHONY), 1e-12);
    }

    @Test
    void theChromaticScaleFitsSevenOfTwelveInTheBestScale() {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 12; i++) notes.add(note(60 + i, i, 1));
        PieceFeatures f = PieceFeatures.of(piece("chromatic", notes));
        assertEquals(7 / 12.0, f.value(Feature.SCALE_CONSISTENCY), 1e-12);
        assertEquals(Math.log(12) / Math.log(2), f.value(Feature.PITCH_CLASS_ENTROPY), 1e-12, "uniform over 12: log2 12 bits");
    }

    @Test
    void anAMinorMelodyWithItsLeadingToneIsInHarmonicMinor() {
        int[] pitches = {69, 71, 72, 74, 76, 77, 80, 81}; // A B C D E F G# A
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < pitches.length; i++) notes.add(note(pitches[i], i, 1));
        assertEquals(1.0, PieceFeatures.of(piece("a-minor", notes)).value(Feature.SCALE_CONSISTENCY), 1e-12);
    }

    @Test
    void noteLengthsGoToTheNearestClass() {
        assertEquals(Feature.NOTE_LENGTHS.indexOf("1/8T"), PieceFeatures.lengthClass(1 / 3.0));
        assertEquals(Feature.NOTE_LENGTHS.indexOf("1/4."), PieceFeatures.lengthClass(1.5));
        assertEquals(Feature.NOTE_LENGTHS.indexOf("1"), PieceFeatures.lengthClass(9));
        assertEquals(Feature.NOTE_LENGTHS.indexOf("1/16"), PieceFeatures.lengthClass(0.01));
        assertEquals(Feature.NOTE_LENGTHS.indexOf("1/8"), PieceFeatures.lengthClass(0.52));
    }

    @Test
    void aSingleNoteHasNoIntervalAndAnEmptyPieceNothing() {
        PieceFeatures one = PieceFeatures.of(piece("one", List.of(note(60, 0, 1))));
        assertFalse(one.has(Feature.MEAN_INTERVAL));
        assertFalse(one.has(Feature.MEAN_IOI));
        assertTrue(one.has(Feature.PITCH_CLASS_HISTOGRAM));
        assertEquals(0, one.value(Feature.PITCH_CLASS_ENTROPY), 1e-12);
        PieceFeatures none = PieceFeatures.of(piece("none", List.of()));
        for (Feature f : Feature.values()) assertFalse(none.has(f), f.id());
        assertEquals(null, none.key());
    }

    @Test
    void onlyTheGeneratedPartIsMeasuredWhenAsked() {
        List<Note> notes = new ArrayList<>(Fixtures.cMajorScale().notes());
        notes.add(note(30, 8, 1)); // a low F#1 after 4 s
        PieceFeatures tail = PieceFeatures.of(piece("tail", notes), 4.0);
        assertEquals(1, tail.notes());
        assertEquals(30 % 12, argmax(tail.vector(Feature.PITCH_CLASS_HISTOGRAM)));
    }

    private static int argmax(double[] a) {
        int best = 0;
        for (int i = 1; i < a.length; i++) if (a[i] > a[best]) best = i;
        return best;
    }
}
