package studio.rondo.engine.model;

import java.util.Arrays;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * What the training corpus shows, stored in a model file so generation can stay inside it: the
 * pitch range, the longest gap between onsets and the longest note a musician would meet in it
 * (99.9th percentiles, so one stray 30-second pause does not widen the range), and the dynamics.
 * Measured on the training pieces before augmentation.
 *
 * @param lowestPitch     lowest MIDI pitch played
 * @param highestPitch    highest MIDI pitch played
 * @param longestStep     seconds between successive distinct onsets, 99.9th percentile
 * @param longestDuration note length in seconds, 99.9th percentile
 * @param quietVelocity   velocity, 5th percentile
 * @param loudVelocity    velocity, 95th percentile
 * @param meanVelocity    mean velocity
 * @param notes           notes counted
 */
public record CorpusProfile(int lowestPitch, int highestPitch, double longestStep, double longestDuration,
                            int quietVelocity, int loudVelocity, double meanVelocity, long notes) {

    /** The profile of these pieces, or null when they hold no notes. */
    public static CorpusProfile of(List<Piece> pieces) {
        int n = 0;
        for (Piece p : pieces) n += p.notes().size();
        if (n == 0) return null;
        double[] steps = new double[n];
        double[] durations = new double[n];
        int[] velocities = new int[n];
        int low = 127, high = 0, stepCount = 0, i = 0;
        double velocitySum = 0;
        for (Piece p : pieces) {
            double previous = Double.NaN;
            for (Note note : p.notes()) {
                low = Math.min(low, note.pitch());
                high = Math.max(high, note.pitch());
                durations[i] = note.durationSeconds();
                velocities[i] = note.velocity();
                velocitySum += note.velocity();
                i++;
                double onset = note.startSeconds();
                if (!Double.isNaN(previous) && onset > previous + 1e-6) steps[stepCount++] = onset - previous;
                if (Double.isNaN(previous) || onset > previous + 1e-6) previous = onset;
            }
        }
        Arrays.sort(durations);
        Arrays.sort(velocities);
        double[] s = Arrays.copyOf(steps, stepCount);
        Arrays.sort(s);
        return new CorpusProfile(low, high, s.length == 0 ? 0 : percentile(s, 0.999), percentile(durations, 0.999),
                velocities[(int) Math.floor(0.05 * (n - 1))], velocities[(int) Math.ceil(0.95 * (n - 1))], velocitySum / n, n);
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.ceil(q * (sorted.length - 1))];
    }
}
