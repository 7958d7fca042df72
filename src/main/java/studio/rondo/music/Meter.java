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
