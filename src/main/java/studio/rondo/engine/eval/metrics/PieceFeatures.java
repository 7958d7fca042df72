package studio.rondo.engine.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import studio.rondo.music.KeyFinder;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;

/**
 * The {@link Feature features} of one piece (or of the generated part of one), taken on the notes of
 * all tracks merged in (onset, pitch) order. A feature a piece is too short to have (the mean interval
 * of one note) is NaN and left out of set comparisons.
 *
 * @param name    the piece's name
 * @param notes   notes measured
 * @param seconds from the first onset to the last release
 * @param key     the key by Krumhansl-Schmuckler on the duration-weighted pitch classes; null without notes
 */
public record PieceFeatures(String name, int notes, double seconds, KeyFinder.Key key, Map<Feature, double[]> values) {

    /** The 24 scales of {@link Feature#SCALE_CONSISTENCY}: major and harmonic minor, on C. */
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] HARMONIC_MINOR = {0, 2, 3, 5, 7, 8, 11};

    public PieceFeatures {
        values = Map.copyOf(values);
    }

    public static PieceFeatures of(Piece piece) {
        return of(piece.name(), piece.notes(), piece.resolution());
    }

    /**
     * The features of the notes of {@code piece} that start at or after {@code fromSeconds} (the
     * generated part of a result whose primer is kept).
     */
    public static PieceFeatures of(Piece piece, double fromSeconds) {
        if (!(fromSeconds > 0)) return of(piece);
        return of(piece.name(), piece.notes().stream().filter(n -> n.startSeconds() >= fromSeconds - 1e-9).toList(), piece.resolution());
    }

    /**
     * @param notes      in any order; they are put in (onset, pitch) order
     * @param resolution ticks per quarter note of the notes' ticks (for the note-length classes)
     */
    public static PieceFeatures of(String name, List<Note> notes, int resolution) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Piece.ORDER);
        int n = sorted.size();
        Map<Feature, double[]> v = new EnumMap<>(Feature.class);
        double[] pcDuration = new double[12];
        int[] pcCount = new int[12];
        int low = 128, high = -1;
        boolean[] used = new boolean[128];
        double first = Double.POSITIVE_INFINITY, last = 0;
        for (Note note : sorted) {
            pcDuration[note.pitch() % 12] += note.durationSeconds();
            pcCount[note.pitch() % 12]++;
            used[note.pitch()] = true;
            low = Math.min(low, note.pitch());
            high = Math.max(high, note.pitch());
            first = Math.min(first, note.startSeconds());
            last = Math.max(last, note.endSeconds());
        }
        double span = n == 0 ? 0 : last - first;
        int distinct = 0;
        for (boolean u : used) if (u) distinct++;
        put(v, Feature.DISTINCT_PITCHES, n == 0 ? Double.NaN : distinct);
        put(v, Feature.PITCH_RANGE, n == 0 ? Double.NaN : high - low);

        double intervals = 0;
        for (int i = 1; i < n; i++) intervals += Math.abs(sorted.get(i).pitch() - sorted.get(i - 1).pitch());
        put(v, Feature.MEAN_INTERVAL, n < 2 ? Double.NaN : intervals / (n - 1));
        put(v, Feature.NOTES_PER_10S, span > 0 ? 10.0 * n / span : Double.NaN);

        // Distinct onsets by tick: chord notes share one onset.
        int onsets = 0;
        double firstOnset = 0, lastOnset = 0;
        long previousTick = -1;
        for (Note note : sorted) {
            if (note.startTick() == previousTick) continue;
            if (onsets == 0) firstOnset = note.startSeconds();
            lastOnset = note.startSeconds();
            previousTick = note.startTick();
            onsets++;
        }
        put(v, Feature.MEAN_IOI, onsets < 2 ? Double.NaN : (lastOnset - firstOnset) / (onsets - 1));
        put(v, Feature.POLYPHONY, polyphony(sorted));

        int best = 0;
        for (int tonic = 0; tonic < 12; tonic++) {
            best = Math.max(best, inScale(pcCount, MAJOR, tonic));
            best = Math.max(best, inScale(pcCount, HARMONIC_MINOR, tonic));
        }
        put(v, Feature.SCALE_CONSISTENCY, n == 0 ? Double.NaN : best / (double) n);

        double total = Arrays.stream(pcDuration).sum();
        double[] pcHistogram = new double[12];
        double entropy = 0;
        for (int i = 0; i < 12; i++) {
            pcHistogram[i] = total > 0 ? pcDuration[i] / total : 0;
            if (pcHistogram[i] > 0) entropy -= pcHistogram[i] * Math.log(pcHistogram[i]) / Math.log(2);
        }
        put(v, Feature.PITCH_CLASS_ENTROPY, total > 0 ? entropy : Double.NaN);
        v.put(Feature.PITCH_CLASS_HISTOGRAM, total > 0 ? pcHistogram : nan(12));

        double[] lengths = new double[12];
        for (Note note : sorted) lengths[lengthClass(note.durationTicks() / (double) resolution)]++;
        for (int i = 0; i < 12; i++) lengths[i] = n == 0 ? Double.NaN : lengths[i] / n;
        v.put(Feature.NOTE_LENGTH_HISTOGRAM, lengths);

        return new PieceFeatures(name, n, span, total > 0 ? KeyFinder.of(pcDuration) : null, v);
    }

    /** The single number of a feature (NaN when the piece is too short to have it). */
    public double value(Feature f) {
        if (f.isHistogram()) throw new IllegalArgumentException(f + " is a histogram");
        return values.get(f)[0];
    }

    /** The values of a feature: one number, or the 12 bins of a histogram. A copy. */
    public double[] vector(Feature f) {
        return values.get(f).clone();
    }

    /** Whether the piece has this feature (enough notes for it). */
    public boolean has(Feature f) {
        for (double x : values.get(f)) if (!Double.isFinite(x)) return false;
        return true;
    }

    /** The class of {@link Feature#NOTE_LENGTHS} nearest to a length in quarter notes (on a log scale). */
    static int lengthClass(double quarters) {
        double l = Math.log(Math.max(quarters, 1e-6));
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < Feature.NOTE_LENGTH_QUARTERS.length; i++) {
            double d = Math.abs(l - Math.log(Feature.NOTE_LENGTH_QUARTERS[i]));
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static int inScale(int[] pcCount, int[] scale, int tonic) {
        int in = 0;
        for (int step : scale) in += pcCount[(tonic + step) % 12];
        return in;
    }

    /** Notes sounding on average while any sounds (silences do not lower it). */
    private static double polyphony(List<Note> notes) {
        int n = notes.size();
        if (n == 0) return Double.NaN;
        double[] starts = new double[n], ends = new double[n];
        for (int i = 0; i < n; i++) {
            starts[i] = notes.get(i).startSeconds();
            ends[i] = notes.get(i).endSeconds();
        }
        Arrays.sort(starts);
        Arrays.sort(ends);
        double weighted = 0, sounding = 0, previous = starts[0];
        int active = 0, s = 0, e = 0;
        while (e < n) {
            // Releases before onsets at the same time: a note that ends where the next starts is not a chord.
            boolean release = s >= n || ends[e] <= starts[s];
            double t = release ? ends[e] : starts[s];
            if (active > 0) {
                weighted += active * (t - previous);
                sounding += t - previous;
            }
            previous = t;
            if (release) {
                active--;
                e++;
            } else {
                active++;
                s++;
            }
        }
        return sounding > 0 ? weighted / sounding : Double.NaN;
    }

    private static void put(Map<Feature, double[]> v, Feature f, double x) {
        v.put(f, new double[] {x});
    }

    private static double[] nan(int size) {
        double[] a = new double[size];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
