package studio.rondo.music.edit;

import java.util.List;
import studio.rondo.music.Meter;
import studio.rondo.music.PieceMetadata.TimeSignature;

/**
 * The grid that edits snap to, counted from the bar lines of the piece's meter (4/4 where it has
 * none): a whole bar, a beat of the time signature, a note value (1/4 ... 1/32), their triplets, or
 * off (no snapping: one tick).
 */
public enum SnapGrid {
    BAR("Bar", 0, false),
    BEAT("Beat", 0, false),
    QUARTER("1/4", 1, false),
    EIGHTH("1/8", 2, false),
    SIXTEENTH("1/16", 4, false),
    THIRTY_SECOND("1/32", 8, false),
    QUARTER_TRIPLET("1/4T", 1, true),
    EIGHTH_TRIPLET("1/8T", 2, true),
    SIXTEENTH_TRIPLET("1/16T", 4, true),
    OFF("Off", 0, false);

    private final String label;
    private final int perQuarter;
    private final boolean triplet;

    SnapGrid(String label, int perQuarter, boolean triplet) {
        this.label = label;
        this.perQuarter = perQuarter;
        this.triplet = triplet;
    }

    public String label() {
        return label;
    }

    /** The grid from its label ("1/16", "1/8T", "Bar", "Off"); null when none matches. */
    public static SnapGrid parse(String label) {
        for (SnapGrid g : values()) if (g.label.equalsIgnoreCase(label == null ? "" : label.trim())) return g;
        return null;
    }

    /** One step of the grid in ticks where {@code sig} is in force. */
    public long step(TimeSignature sig, int resolution) {
        return switch (this) {
            case BAR -> Meter.barTicks(sig, resolution);
            case BEAT -> Meter.beatTicks(sig, resolution);
            case OFF -> 1;
            default -> Math.max(1, Math.round(resolution / (double) perQuarter * (triplet ? 2.0 / 3.0 : 1.0)));
        };
    }

    /** The grid step at {@code tick}. */
    public long stepAt(List<TimeSignature> signatures, int resolution, long tick) {
        return step(Meter.at(signatures, tick), resolution);
    }

    /** The grid line nearest to {@code tick} (never negative). */
    public long nearest(List<TimeSignature> signatures, int resolution, long tick) {
        if (this == OFF) return Math.max(0, tick);
        long bar = Meter.barStart(signatures, resolution, Math.max(0, tick));
        long step = stepAt(signatures, resolution, tick);
        long k = Math.round((tick - bar) / (double) step);
        return Math.max(0, bar + k * step);
    }

    /** The grid line at or before {@code tick}. */
    public long floor(List<TimeSignature> signatures, int resolution, long tick) {
        if (this == OFF) return Math.max(0, tick);
        long bar = Meter.barStart(signatures, resolution, Math.max(0, tick));
        long step = stepAt(signatures, resolution, tick);
        return Math.max(0, bar + Math.floorDiv(tick - bar, step) * step);
    }

    @Override
    public String toString() {
        return label;
    }
}
