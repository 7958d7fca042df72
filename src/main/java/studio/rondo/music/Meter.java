package studio.rondo.music;

import java.util.List;
import studio.rondo.music.PieceMetadata.TimeSignature;

/**
 * Bars and beats from a list of time signatures (each assumed to start on a bar line; 4/4 before
 * the first one, as MIDI files mean it).
 */
public final class Meter {
    public static final TimeSignature COMMON_TIME = new TimeSignature(0, 4, 4);

    private Meter() {
    }

    /** The signature in force at {@code tick} (4/4 at 0 when none is). */
    public static TimeSignature at(List<TimeSignature> signatures, long tick) {
        TimeSignature in = COMMON_TIME;
        for (TimeSignature s : signatures) if (s.tick() <= tick && s.tick() >= in.tick()) in = s;
        return in;
    }

    /** Ticks in one bar of {@code sig} at {@code resolution} ticks per quarter. */
    public static long barTicks(TimeSignature sig, int resolution) {
        return Math.max(1, Math.round(resolution * 4.0 * sig.numerator() / Math.max(1, sig.denominator())));
    }

    /** Ticks in one beat (the signature's denominator note). */
    public static long beatTicks(TimeSignature sig, int resolution) {
        return Math.max(1, Math.round(resolution * 4.0 / Math.max(1, sig.denominator())));
    }

    /** The bar line at or before {@code tick}. */
    public static long barStart(List<TimeSignature> signatures, int resolution, long tick) {
        TimeSignature sig = at(signatures, tick);
        long bar = barTicks(sig, resolution);
        return sig.tick() + Math.floorDiv(tick - sig.tick(), bar) * bar;
    }

    /**
     * The bar {@code tick} falls in, counted from 1 at tick 0 through every time signature (a
     * signature that starts off a bar line starts a new bar there, as notation programs read it).
     */
    public static int barNumber(List<TimeSignature> signatures, int resolution, long tick) {
        List<TimeSignature> sorted = new java.util.ArrayList<>(signatures);
        sorted.sort(java.util.Comparator.comparingLong(TimeSignature::tick));
        long segmentStart = 0;
        TimeSignature sig = COMMON_TIME;
        int bar = 1;
        for (TimeSignature next : sorted) {
            if (next.tick() <= segmentStart) {
                sig = next.tick() <= tick ? next : sig;
                continue;
            }
            if (next.tick() > tick) break;
            long span = next.tick() - segmentStart;
            long len = barTicks(sig, resolution);
            bar += (int) ((span + len - 1) / len); // a bar cut short by the change still counts
            segmentStart = next.tick();
            sig = next;
        }
        return bar + (int) ((tick - segmentStart) / barTicks(sig, resolution));
    }

    /** The tick where bar {@code bar} (1 = the first) starts, counting bars through every signature. */
    public static long barTick(List<TimeSignature> signatures, int resolution, int bar) {
        long tick = 0;
        for (int b = 1; b < bar; b++) tick += barTicks(at(signatures, tick), resolution);
        return tick;
    }

    /** "3/4". */
    public static String name(TimeSignature sig) {
        return sig.numerator() + "/" + sig.denominator();
    }
}
