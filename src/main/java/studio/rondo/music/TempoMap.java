package studio.rondo.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Converts between ticks and seconds through every tempo change of a piece. Conversions are
 * O(log n) in the number of tempo events, so files with thousands of them stay fast.
 */
public final class TempoMap {
    public static final int DEFAULT_MICROS_PER_QUARTER = 500_000; // 120 bpm, the MIDI default

    /** A tempo in force from {@code tick} on. */
    public record Tempo(long tick, int microsPerQuarter) {
        public double bpm() {
            return 60_000_000.0 / microsPerQuarter;
        }
    }

    private final int resolution;
    private final long[] ticks;
    private final int[] micros;
    private final double[] seconds; // seconds at ticks[i]

    /**
     * @param resolution ticks per quarter note (PPQ), positive
     * @param changes    tempo changes in any order; a change at tick 0 is added (120 bpm) if missing
     */
    public TempoMap(int resolution, List<Tempo> changes) {
        if (resolution <= 0) throw new IllegalArgumentException("resolution must be positive: " + resolution);
        this.resolution = resolution;
        List<Tempo> sorted = new ArrayList<>(changes);
        sorted.sort((a, b) -> Long.compare(a.tick(), b.tick()));
        List<Tempo> merged = new ArrayList<>();
        if (sorted.isEmpty() || sorted.get(0).tick() > 0) merged.add(new Tempo(0, DEFAULT_MICROS_PER_QUARTER));
        for (Tempo t : sorted) {
            if (t.microsPerQuarter() <= 0) continue;
            // Several changes on one tick: the last one wins, as a sequencer would play it.
            if (!merged.isEmpty() && merged.get(merged.size() - 1).tick() == t.tick()) merged.set(merged.size() - 1, t);
            else merged.add(t);
        }
        int n = merged.size();
        ticks = new long[n];
        micros = new int[n];
        seconds = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = merged.get(i).tick();
            micros[i] = merged.get(i).microsPerQuarter();
            if (i > 0) seconds[i] = seconds[i - 1] + (ticks[i] - ticks[i - 1]) * micros[i - 1] / 1e6 / resolution;
        }
    }

    /** A map with one constant tempo. */
    public static TempoMap constant(int resolution, double bpm) {
        return new TempoMap(resolution, List.of(new Tempo(0, (int) Math.round(60_000_000.0 / bpm))));
    }

    public int resolution() {
        return resolution;
    }

    public double secondsAt(long tick) {
        int i = indexAtTick(tick);
        return seconds[i] + (tick - ticks[i]) * micros[i] / 1e6 / resolution;
    }

    /** The tick nearest to a time in seconds. */
    public long tickAt(double secs) {
        if (secs <= 0) return 0;
        int lo = 0, hi = seconds.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (seconds[mid] <= secs) lo = mid; else hi = mid - 1;
        }
        return ticks[lo] + Math.round((secs - seconds[lo]) * 1e6 * resolution / micros[lo]);
    }

    public int microsPerQuarterAt(long tick) {
        return micros[indexAtTick(tick)];
    }

    /** Number of tempo changes (including the implicit one at tick 0). */
    public int size() {
        return ticks.length;
    }

    public List<Tempo> changes() {
        List<Tempo> out = new ArrayList<>(ticks.length);
        for (int i = 0; i < ticks.length; i++) out.add(new Tempo(ticks[i], micros[i]));
        return out;
    }

    /**
     * The map as seen from {@code origin}: tick 0 of the result is {@code origin} here, starting with
     * the tempo in force there; changes after {@code until} are dropped (the last tempo goes on).
     */
    public TempoMap slice(long origin, long until) {
        List<Tempo> out = new ArrayList<>();
        out.add(new Tempo(0, microsPerQuarterAt(origin)));
        for (int i = 0; i < ticks.length; i++) {
            if (ticks[i] > origin && ticks[i] <= until) out.add(new Tempo(ticks[i] - origin, micros[i]));
        }
        return new TempoMap(resolution, out);
    }

    /** Tempo in beats per minute at a tick. */
    public double bpmAt(long tick) {
        return 60_000_000.0 / microsPerQuarterAt(tick);
    }

    private int indexAtTick(long tick) {
        int lo = 0, hi = ticks.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ticks[mid] <= tick) lo = mid; else hi = mid - 1;
        }
        return lo;
    }
}
