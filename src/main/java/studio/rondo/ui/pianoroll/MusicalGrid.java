package studio.rondo.ui.pianoroll;

import java.util.ArrayList;
import java.util.List;
import studio.rondo.music.Meter;
import studio.rondo.music.PieceMetadata.TimeSignature;
import studio.rondo.music.TempoMap;
import studio.rondo.music.edit.SnapGrid;

/**
 * Where the vertical lines of the roll go, in musical time: bars and beats from the piece's time
 * signatures (4/4 where it has none, as MIDI means it), so every bar of one meter is equally wide
 * whatever the tempo does; finer lines at the snap grid when there is room. Also says where a tick
 * is as "bar:beat".
 */
final class MusicalGrid {
    /** A line at {@code quarter}; 2 = bar, 1 = beat, 0 = grid. {@code label} is set on labelled bar lines. */
    record Line(double quarter, int strength, String label) {
    }

    private MusicalGrid() {
    }

    static List<Line> lines(List<TimeSignature> sigs, int resolution, double fromQ, double toQ, double ppq, SnapGrid snap) {
        List<Line> lines = new ArrayList<>();
        long endTick = (long) Math.ceil(toQ * resolution);
        long fromTick = (long) Math.floor(fromQ * resolution);
        long tick = 0;
        int bar = 1;
        // Walk bar by bar from the start: signatures may change, and bar numbers count from 1.
        while (tick <= endTick) {
            TimeSignature sig = Meter.at(sigs, tick);
            long barLength = Meter.barTicks(sig, resolution);
            long beat = Meter.beatTicks(sig, resolution);
            // skip whole runs of bars before the view quickly
            if (tick + barLength < fromTick) {
                long next = nextChange(sigs, tick);
                long skip = Math.max(1, Math.min((fromTick - tick) / barLength, (next - tick) / barLength));
                tick += skip * barLength;
                bar += (int) skip;
                continue;
            }
            double barWidth = barLength / (double) resolution * ppq;
            int every = 1;
            while (barWidth * every < 30 && every < 1 << 20) every *= 2;
            boolean labelled = (bar - 1) % every == 0;
            // narrow bars: only the numbered ones get a bar line, the others a faint one (or none)
            if (labelled || barWidth >= 14) lines.add(new Line(tick / (double) resolution, 2, labelled ? Integer.toString(bar) : null));
            else if (barWidth >= 5) lines.add(new Line(tick / (double) resolution, 1, null));
            double beatWidth = beat / (double) resolution * ppq;
            long step = snap == null || snap == SnapGrid.OFF || snap == SnapGrid.BAR || snap == SnapGrid.BEAT ? 0 : snap.step(sig, resolution);
            if (step > 0 && step < beat && step / (double) resolution * ppq >= 8) {
                for (long t = tick + step; t < tick + barLength; t += step) {
                    if ((t - tick) % beat != 0) lines.add(new Line(t / (double) resolution, 0, null));
                }
            }
            if (beatWidth >= 6) for (long t = tick + beat; t < tick + barLength; t += beat) lines.add(new Line(t / (double) resolution, 1, null));
            tick += barLength;
            bar++;
            if (lines.size() > 20_000) break;
        }
        return lines;
    }

    private static long nextChange(List<TimeSignature> sigs, long tick) {
        long next = Long.MAX_VALUE;
        for (TimeSignature s : sigs) if (s.tick() > tick) next = Math.min(next, s.tick());
        return next;
    }

    /** "3:2" (bar 3, beat 2) with the ticks past the beat as a fraction when not on it ("3:2.5"). */
    static String barBeat(List<TimeSignature> sigs, int resolution, long tick) {
        long t = 0;
        int bar = 1;
        while (true) {
            TimeSignature sig = Meter.at(sigs, t);
            long barLength = Meter.barTicks(sig, resolution);
            if (t + barLength > tick) {
                long beat = Meter.beatTicks(sig, resolution);
                double beats = (tick - t) / (double) beat;
                String b = Math.abs(beats - Math.rint(beats)) < 1e-9 ? Long.toString(Math.round(beats) + 1)
                        : String.format(java.util.Locale.ROOT, "%.2f", beats + 1).replaceAll("0+$", "");
                return bar + ":" + b;
            }
            long next = nextChange(sigs, t);
            long skip = Math.max(1, Math.min((tick - t) / barLength, next == Long.MAX_VALUE ? Long.MAX_VALUE : (next - t) / barLength));
            t += skip * barLength;
            bar += (int) skip;
        }
    }

    /** A length in ticks as a note value ("1/8", "3/16", "1/8T"), else in quarter-note beats. */
    static String length(long ticks, int resolution) {
        double q = ticks / (double) resolution;
        for (int d : new int[] {1, 2, 4, 8, 16, 32}) {
            double n = q * d / 4;
            if (Math.abs(n - Math.rint(n)) < 1e-6 && Math.rint(n) >= 1) {
                long num = Math.round(n);
                return num + "/" + d;
            }
        }
        for (int d : new int[] {6, 12, 24, 48}) { // triplets: 1/12 of a whole note is an eighth triplet
            double n = q * d / 4;
            if (Math.abs(n - Math.rint(n)) < 1e-6 && Math.rint(n) >= 1) return Math.round(n) + "/" + (d * 2 / 3) + "T";
        }
        return String.format(java.util.Locale.ROOT, "%.2f beats", q);
    }

    static double quarterAt(TempoMap map, double seconds) {
        return map.tickAt(seconds) / (double) map.resolution();
    }
}
