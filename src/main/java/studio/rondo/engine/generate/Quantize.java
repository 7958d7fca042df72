package studio.rondo.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import studio.rondo.music.Piece;
import studio.rondo.music.TempoMap;

/**
 * Moves the onsets of the generated notes towards a grid (durations kept), as a DAW's quantize
 * does: at strength 1 onto the grid, at 0.5 halfway, at 0 not at all. The grid counts from the
 * output's first bar line, in the output's ticks. The primer is never touched.
 *
 * @param perQuarter grid lines per quarter note: 2 = 1/8, 4 = 1/16, 3 = 1/8 triplets, 6 = 1/16 triplets
 * @param strength   0..1
 */
public record Quantize(int perQuarter, double strength) {
    public static final Quantize OFF = new Quantize(4, 0);

    public Quantize {
        if (perQuarter != 2 && perQuarter != 3 && perQuarter != 4 && perQuarter != 6)
            throw new IllegalArgumentException("quantize grid must be 1/8, 1/16, 1/8T or 1/16T");
        if (!(strength >= 0 && strength <= 1)) throw new IllegalArgumentException("quantize strength must be 0..100 %: " + 100 * strength);
    }

    /** The grid from "1/8", "1/16", "1/8T", "1/16T" (also "1/8t", "1/8 triplets"), at full strength. */
    public static Quantize parse(String grid) {
        String g = grid == null ? "" : grid.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("triplets", "t").replace("triplet", "t");
        int per = switch (g) {
            case "1/8" -> 2;
            case "1/16" -> 4;
            case "1/8t" -> 3;
            case "1/16t" -> 6;
            default -> throw new IllegalArgumentException("quantize grid must be 1/8, 1/16, 1/8T or 1/16T: " + grid);
        };
        return new Quantize(per, 1);
    }

    public Quantize withStrength(double s) {
        return new Quantize(perQuarter, s);
    }

    public boolean off() {
        return strength == 0;
    }

    /** "1/16", "1/8T". */
    public String gridName() {
        return switch (perQuarter) {
            case 2 -> "1/8";
            case 3 -> "1/8T";
            case 4 -> "1/16";
            default -> "1/16T";
        };
    }

    @Override
    public String toString() {
        return off() ? "off" : gridName() + " at " + Math.round(strength * 100) + " %";
    }

    /** The notes with their onsets moved towards the grid of {@code map} (times in the map's seconds). */
    List<Piece.TimedNote> apply(List<Piece.TimedNote> notes, TempoMap map) {
        if (off()) return notes;
        double grid = map.resolution() / (double) perQuarter;
        List<Piece.TimedNote> out = new ArrayList<>(notes.size());
        for (Piece.TimedNote n : notes) {
            long tick = map.tickAt(n.startSeconds());
            double target = Math.round(tick / grid) * grid;
            long moved = Math.round(tick + strength * (target - tick));
            double start = map.secondsAt(moved);
            double shift = start - n.startSeconds();
            out.add(new Piece.TimedNote(n.pitch(), n.velocity(), n.channel(), start, n.endSeconds() + shift));
        }
        return out;
    }
}
