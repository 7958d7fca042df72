package studio.rondo.engine.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import studio.rondo.music.Piece.TimedNote;

class GenerationStatsTest {
    private static TimedNote n(int pitch, double start, double end) {
        return new TimedNote(pitch, 80, 0, start, end);
    }

    @Test
    void countsTheLongestRunOfOnePitchAndTheSilentShare() {
        // 0..3 s sounding (with an overlap), 3..5 s silent, 5..6 s sounding: 2 of 6 s silent.
        var s = GenerationStats.of(List.of(n(62, 5, 6), n(60, 0, 1), n(60, 1, 2.5), n(60, 2, 3), n(64, 0.5, 1)));
        assertEquals(5, s.notes());
        assertEquals(6, s.seconds(), 1e-9);
        assertEquals(2, s.longestRepeat()); // onset order 60, 64, 60, 60, 62
        assertEquals(2.0 / 6, s.silenceFraction(), 1e-9);
        assertEquals(3, GenerationStats.of(List.of(n(60, 0, 1), n(60, 1, 2), n(60, 2, 3), n(61, 3, 4))).longestRepeat());
    }

    @Test
    void leadingGapCountsAsSilenceAndNothingIsAllSilence() {
        assertEquals(0.5, GenerationStats.of(List.of(n(60, 1, 2))).silenceFraction(), 1e-9);
        var empty = GenerationStats.of(List.of());
        assertEquals(0, empty.longestRepeat());
        assertEquals(1, empty.silenceFraction(), 1e-9);
    }
}
