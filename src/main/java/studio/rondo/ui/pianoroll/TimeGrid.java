package studio.rondo.ui.pianoroll;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.TempoMap;

/**
 * Where the vertical lines of the roll go: bars and beats through the piece's tempo map and time
 * signatures when it has them, whole seconds otherwise (a generated piece has no meter).
 */
final class TimeGrid {
    /** A line at {@code seconds}; {@code label} is set on bar lines (bar number) and second lines. */
    record Line(double seconds, boolean strong, String label) {
    }

    private TimeGrid() {
    }

    static List<Line> lines(Piece piece, double from, double to, double pixelsPerSecond) {
        if (piece != null && !piece.metadata().timeSignatures().isEmpty()) return meterLines(piece, from, to, pixelsPerSecond);
        return secondLines(from, to, pixelsPerSecond);
    }

    private static List<Line> meterLines(Piece piece, double from, double to, double pps) {
        TempoMap map = piece.tempoMap();
        List<TimeSignature> sigs = piece.metadata().timeSignatures();
        List<Line> lines = new ArrayList<>();
        long endTick = map.tickAt(to) + 1;
        long fromTick = map.tickAt(from);
        int bar = 1;
        long tick = 0;
        int sigIndex = 0;
        // Walk bar by bar from the start: signatures may change, and bar numbers must count from 1.
        while (tick <= endTick) {
            while (sigIndex + 1 < sigs.size() && sigs.get(sigIndex + 1).tick() <= tick) sigIndex++;
            TimeSignature sig = sigs.get(sigIndex).tick() <= tick ? sigs.get(sigIndex) : new TimeSignature(0, 4, 4);
            long beat = Math.max(1, Math.round(map.resolution() * 4.0 / Math.max(1, sig.denominator())));
            long barLength = beat * Math.max(1, sig.numerator());
            if (tick + barLength >= fromTick) {
                double barSeconds = map.secondsAt(tick);
                boolean showBeats = beatWidth(map, tick, beat) * pps >= 6;
                int every = labelEvery(map, tick, barLength, pps);
                lines.add(new Line(barSeconds, true, (bar - 1) % every == 0 ? Integer.toString(bar) : null));
                if (showBeats) for (int b = 1; b < sig.numerator(); b++) lines.add(new Line(map.secondsAt(tick + b * beat), false, null));
            }
            tick += barLength;
            bar++;
            if (lines.size() > 20_000) break; // absurd zoom-out on a huge piece: enough lines
        }
        return lines;
    }

    private static double beatWidth(TempoMap map, long tick, long beat) {
        return map.secondsAt(tick + beat) - map.secondsAt(tick);
    }

    /** Label every bar, or every 2nd, 4th, ... when bars are too narrow for their numbers. */
    private static int labelEvery(TempoMap map, long tick, long barLength, double pps) {
        double width = (map.secondsAt(tick + barLength) - map.secondsAt(tick)) * pps;
        int every = 1;
        while (width * every < 28 && every < 1024) every *= 2;
        return every;
    }

    private static List<Line> secondLines(double from, double to, double pps) {
        double step = 1;
        while (step * pps < 40) step *= 2;
        List<Line> lines = new ArrayList<>();
        for (double s = Math.floor(Math.max(0, from) / step) * step; s <= to; s += step) {
            lines.add(new Line(s, true, formatSeconds(s)));
        }
        return lines;
    }

    static String formatSeconds(double s) {
        int total = (int) Math.floor(s);
        return total >= 60 ? String.format("%d:%02d", total / 60, total % 60) : total + " s";
    }
}
