package studio.rondo.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyFinderTest {
    private static List<Piece.TimedNote> line(int[] pitches, double[] lengths) {
        List<Piece.TimedNote> out = new ArrayList<>();
        double t = 0;
        for (int i = 0; i < pitches.length; i++) {
            out.add(new Piece.TimedNote(pitches[i], 80, 0, t, t + lengths[i % lengths.length]));
            t += lengths[i % lengths.length];
        }
        return out;
    }

    @Test
    void aCMajorScaleIsInCMajor() {
        var key = KeyFinder.of(line(new int[] {60, 62, 64, 65, 67, 69, 71, 72, 71, 69, 67, 65, 64, 62, 60}, new double[] {0.5}));
        assertEquals("C major", key.name());
    }

    @Test
    void anAHarmonicMinorPassageIsInAMinor() {
        // A harmonic minor up and down, resting on the tonic and the dominant: A B C D E F G# A.
        int[] passage = {57, 59, 60, 62, 64, 65, 68, 69, 68, 65, 64, 62, 60, 59, 57, 64, 57};
        double[] lengths = {0.5, 0.25, 0.25, 0.25, 0.5, 0.25, 0.25, 1.0};
        assertEquals("A minor", KeyFinder.of(line(passage, lengths)).name());
    }

    @Test
    void aDMinorArpeggioAndAnEbMajorOneAreNamed() {
        assertEquals("D minor", KeyFinder.of(line(new int[] {50, 53, 57, 62, 57, 53, 50, 49, 50}, new double[] {0.5})).name());
        assertEquals("Eb major", KeyFinder.of(line(new int[] {51, 55, 58, 63, 58, 55, 51, 50, 51}, new double[] {0.5})).name());
    }

    @Test
    void noNotesNoKey() {
        assertNull(KeyFinder.of(List.of()));
    }
}
