package studio.rondo.engine.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/** Compares decoded notes with the notes a piece was encoded from. */
final class NoteMatch {
    private static final Comparator<double[]> ORDER = Comparator.<double[]>comparingDouble(a -> a[0])
            .thenComparingDouble(a -> a[1]).thenComparingDouble(a -> a[2]);

    private NoteMatch() {
    }

    /**
     * Same number of notes, the same pitches, and pairwise (by pitch, then onset) onsets and ends
     * within the tolerances in seconds; velocities within {@code velocityTol} (negative: not compared).
     */
    static void assertSameNotes(List<Note> expected, List<Piece.TimedNote> actual,
                                double onsetTol, double endTol, int velocityTol) {
        assertEquals(expected.size(), actual.size(), "number of notes");
        List<double[]> e = new ArrayList<>(), a = new ArrayList<>();
        for (Note n : expected) e.add(new double[] {n.pitch(), n.startSeconds(), n.endSeconds(), n.velocity()});
        for (Piece.TimedNote n : actual) a.add(new double[] {n.pitch(), n.startSeconds(), n.endSeconds(), n.velocity()});
        e.sort(ORDER);
        a.sort(ORDER);
        for (int i = 0; i < e.size(); i++) {
            double[] x = e.get(i), y = a.get(i);
            String what = "note " + i + " (pitch " + (int) x[0] + " at " + x[1] + " s)";
            assertEquals(x[0], y[0], what + ": pitch");
            assertEquals(x[1], y[1], onsetTol, what + ": onset");
            if (endTol >= 0) assertEquals(x[2], y[2], endTol, what + ": end");
            if (velocityTol >= 0) assertEquals(x[3], y[3], velocityTol, what + ": velocity");
        }
    }

    /** Every note has one of the same pitch within {@code tol} of its onset in the other list, both ways. */
    static void assertOnsetsMatchBothWays(List<Note> expected, List<Piece.TimedNote> actual, double tol) {
        List<List<Double>> e = byPitch(), a = byPitch();
        for (Note n : expected) if (!n.isDrum()) e.get(n.pitch()).add(n.startSeconds());
        for (Piece.TimedNote n : actual) a.get(n.pitch()).add(n.startSeconds());
        for (int p = 0; p < 128; p++) {
            assertCovered(e.get(p), a.get(p), tol, "pitch " + p + ": original onset without a decoded note");
            assertCovered(a.get(p), e.get(p), tol, "pitch " + p + ": decoded onset without an original note");
        }
    }

    private static List<List<Double>> byPitch() {
        List<List<Double>> out = new ArrayList<>();
        for (int p = 0; p < 128; p++) out.add(new ArrayList<>());
        return out;
    }

    private static void assertCovered(List<Double> from, List<Double> in, double tol, String message) {
        double[] sorted = in.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        for (double t : from) {
            int i = java.util.Arrays.binarySearch(sorted, t);
            if (i < 0) i = -i - 1;
            double best = Double.MAX_VALUE;
            if (i < sorted.length) best = Math.abs(sorted[i] - t);
            if (i > 0) best = Math.min(best, Math.abs(sorted[i - 1] - t));
            assertTrue(best <= tol, message + " at " + t + " s (nearest " + best + " s away)");
        }
    }
}
