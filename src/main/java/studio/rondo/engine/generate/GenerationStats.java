package studio.rondo.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.rondo.music.KeyFinder;
import studio.rondo.music.Piece;
import studio.rondo.music.PitchRange;

/**
 * Measured on the generated notes (primer excluded): the warning signs users complained about in the
 * originals (one pitch repeated over and over, output that falls silent) and what a musician looks at
 * first: the key, how busy it is, how wide it ranges.
 *
 * @param notes           generated notes
 * @param seconds         end of the last generated note, from the first generated step
 * @param longestRepeat   longest run of consecutive notes (onset order) with the same pitch
 * @param silenceFraction share of 0..{@code seconds} where no note sounds (1 for no notes)
 * @param key             the key by Krumhansl-Schmuckler ("D minor"); null without notes
 * @param notesPerBar     notes per bar, at the meter and tempo of the join (0 without notes)
 * @param lowestPitch     lowest generated pitch (-1 without notes)
 * @param highestPitch    highest generated pitch (-1 without notes)
 */
public record GenerationStats(int notes, double seconds, int longestRepeat, double silenceFraction,
                              String key, double notesPerBar, int lowestPitch, int highestPitch) {

    /** Bars of 2 s (4/4 at 120 bpm). */
    public static GenerationStats of(List<Piece.TimedNote> generated) {
        return of(generated, 2.0);
    }

    /** @param barSeconds length of one bar at the join */
    public static GenerationStats of(List<Piece.TimedNote> generated, double barSeconds) {
        List<Piece.TimedNote> sorted = new ArrayList<>(generated);
        sorted.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        int longest = 0, run = 0, previous = -1, low = 128, high = -1;
        double end = 0;
        for (Piece.TimedNote n : sorted) {
            run = n.pitch() == previous ? run + 1 : 1;
            previous = n.pitch();
            longest = Math.max(longest, run);
            end = Math.max(end, n.endSeconds());
            low = Math.min(low, n.pitch());
            high = Math.max(high, n.pitch());
        }
        // Union of the sounding intervals, in onset order.
        double covered = 0, spanStart = -1, spanEnd = -1;
        for (Piece.TimedNote n : sorted) {
            if (n.startSeconds() > spanEnd) {
                if (spanEnd > spanStart) covered += spanEnd - spanStart;
                spanStart = n.startSeconds();
                spanEnd = n.endSeconds();
            } else {
                spanEnd = Math.max(spanEnd, n.endSeconds());
            }
        }
        if (spanEnd > spanStart) covered += spanEnd - spanStart;
        double silence = end > 0 ? Math.max(0, 1 - covered / end) : 1;
        KeyFinder.Key key = KeyFinder.of(sorted);
        double bars = end / Math.max(1e-9, barSeconds);
        double perBar = sorted.isEmpty() ? 0 : sorted.size() / Math.max(1, Math.ceil(bars - 1e-6));
        return new GenerationStats(sorted.size(), end, longest, silence, key == null ? null : key.name(), perBar,
                sorted.isEmpty() ? -1 : low, high);
    }

    /** "C2–G6", or "" without notes. */
    public String pitchRange() {
        return lowestPitch < 0 ? "" : new PitchRange(lowestPitch, highestPitch).toString();
    }
}
