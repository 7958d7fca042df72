package studio.rondo.engine.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.rondo.music.Piece;

/**
 * Warning signs users complained about in the originals, measured on the generated notes (primer
 * excluded): one pitch repeated over and over, and output that falls silent.
 *
 * @param notes           generated notes
 * @param seconds         end of the last generated note, from the first generated step
 * @param longestRepeat   longest run of consecutive notes (onset order) with the same pitch
 * @param silenceFraction share of 0..{@code seconds} where no note sounds (1 for no notes)
 */
public record GenerationStats(int notes, double seconds, int longestRepeat, double silenceFraction) {

    public static GenerationStats of(List<Piece.TimedNote> generated) {
        List<Piece.TimedNote> sorted = new ArrayList<>(generated);
        sorted.sort(Comparator.comparingDouble(Piece.TimedNote::startSeconds).thenComparingInt(Piece.TimedNote::pitch));
        int longest = 0, run = 0, previous = -1;
        double end = 0;
        for (Piece.TimedNote n : sorted) {
            run = n.pitch() == previous ? run + 1 : 1;
            previous = n.pitch();
            longest = Math.max(longest, run);
            end = Math.max(end, n.endSeconds());
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
        return new GenerationStats(sorted.size(), end, longest, silence);
    }
}
