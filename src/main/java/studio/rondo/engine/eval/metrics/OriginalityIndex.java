package studio.rondo.engine.eval.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import studio.rondo.music.Meter;
import studio.rondo.music.Note;
import studio.rondo.music.Piece;
import studio.rondo.music.PieceMetadata.TimeSignature;

/**
 * A transposition-invariant index of a training corpus, built once: every run of
 * {@link #GRAM_NOTES} consecutive notes (all tracks merged in (onset, pitch) order) keyed by its
 * seven intervals, which fit exactly into one {@code long} (8 bits each), in an open-addressing
 * hash table whose entries chain the corpus positions where the key occurs. Checking a generated
 * piece looks up each of its 8-note sequences (the share found), and from every place a sequence
 * occurs that cannot be extended to the left, extends the match note by note to the right: the
 * longest such match is the longest run copied verbatim, transposition aside. Rhythm is left out:
 * a copied melody in another rhythm counts as copied.
 *
 * <p>Memory: about 30 bytes per corpus note (629k notes of piano-midi.de: about 20 MB).
 * Immutable and safe to share between threads once built.
 */
public final class OriginalityIndex {
    /** Notes in one indexed sequence (7 intervals). */
    public static final int GRAM_NOTES = 8;
    private static final int INTERVALS = GRAM_NOTES - 1;
    private static final long EMPTY = -1;

    private final List<String> labels = new ArrayList<>();
    private final List<List<TimeSignature>> meters = new ArrayList<>();
    private final int[] resolutions;
    private final int[] pieceStart; // first note of each piece; one more entry: the total
    private final int[] pieceOf;    // piece of each note
    private final byte[] pitch;
    private final double[] seconds;
    private final long[] ticks;
    private final long[] keys;
    private final int[] heads;
    private final int[] next;       // next position with the same key, -1 at the end
    private final int mask;
    private final int grams;

    private OriginalityIndex(List<Piece> pieces, List<String> names) {
        int total = 0;
        for (Piece p : pieces) total += p.notes().size();
        resolutions = new int[pieces.size()];
        pieceStart = new int[pieces.size() + 1];
        pieceOf = new int[total];
        pitch = new byte[total];
        seconds = new double[total];
        ticks = new long[total];
        int at = 0;
        for (int k = 0; k < pieces.size(); k++) {
            Piece p = pieces.get(k);
            labels.add(names.get(k));
            meters.add(p.metadata().timeSignatures());
            resolutions[k] = p.resolution();
            pieceStart[k] = at;
            for (Note n : p.notes()) { // already in (onset, pitch) order
                pieceOf[at] = k;
                pitch[at] = (byte) n.pitch();
                seconds[at] = n.startSeconds();
                ticks[at] = n.startTick();
                at++;
            }
        }
        pieceStart[pieces.size()] = at;
        int capacity = Integer.highestOneBit(Math.max(16, (int) (total / 0.7))) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        heads = new int[capacity];
        next = new int[total];
        Arrays.fill(next, -1);
        mask = capacity - 1;
        int count = 0;
        for (int k = 0; k < pieces.size(); k++) {
            int end = pieceStart[k + 1];
            // Backwards, so that each chain lists its positions in corpus order.
            for (int j = end - GRAM_NOTES; j >= pieceStart[k]; j--) {
                long key = key(pitch, j);
                int slot = slot(key);
                if (keys[slot] == EMPTY) {
                    keys[slot] = key;
                    heads[slot] = j;
                } else {
                    next[j] = heads[slot];
                    heads[slot] = j;
                }
                count++;
            }
        }
        grams = count;
    }

    /**
     * Indexes a corpus.
     *
     * @param names how each piece is named in reports (a path relative to the corpus folder), in order
     */
    public static OriginalityIndex build(List<Piece> pieces, List<String> names) {
        if (pieces.size() != names.size()) throw new IllegalArgumentException(pieces.size() + " pieces, " + names.size() + " names");
        return new OriginalityIndex(pieces, names);
    }

    /** Indexes a corpus, naming each piece by its own name. */
    public static OriginalityIndex build(List<Piece> pieces) {
        return build(pieces, pieces.stream().map(Piece::name).toList());
    }

    public int pieces() {
        return labels.size();
    }

    /** Notes indexed. */
    public int notes() {
        return pitch.length;
    }

    /** 8-note sequences indexed (with repeats). */
    public int sequences() {
        return grams;
    }

    /** Checks a whole piece. */
    public Originality check(Piece piece) {
        return check(piece, 0);
    }

    /** Checks the notes of {@code piece} that start at or after {@code fromSeconds} (the generated part of a result). */
    public Originality check(Piece piece, double fromSeconds) {
        List<Note> notes = fromSeconds > 0
                ? piece.notes().stream().filter(n -> n.startSeconds() >= fromSeconds - 1e-9).toList() : piece.notes();
        int m = notes.size();
        byte[] q = new byte[m];
        for (int i = 0; i < m; i++) q[i] = (byte) notes.get(i).pitch();
        int sequences = Math.max(0, m - INTERVALS), found = 0;
        int bestLength = 0, bestQuery = -1, bestSource = -1;
        for (int i = 0; i + INTERVALS < m; i++) {
            int slot = find(key(q, i));
            if (slot < 0) continue;
            found++;
            for (int p = heads[slot]; p >= 0; p = next[p]) {
                int piece1 = pieceOf[p];
                // Only where the match cannot be extended to the left: longer runs are met from their start.
                if (i > 0 && p > pieceStart[piece1] && q[i] - q[i - 1] == pitch[p] - pitch[p - 1]) continue;
                int end = pieceStart[piece1 + 1], length = GRAM_NOTES;
                while (i + length < m && p + length < end
                        && q[i + length] - q[i + length - 1] == pitch[p + length] - pitch[p + length - 1]) length++;
                if (length > bestLength) {
                    bestLength = length;
                    bestQuery = i;
                    bestSource = p;
                }
            }
        }
        if (bestLength == 0)
            return new Originality(piece.name(), m, sequences, found, 0, null, Double.NaN, 0, Double.NaN, Double.NaN, 0, -1, 0);
        int k = pieceOf[bestSource];
        double runEnd = 0;
        for (int i = bestQuery; i < bestQuery + bestLength; i++) runEnd = Math.max(runEnd, notes.get(i).endSeconds());
        Note first = notes.get(bestQuery);
        return new Originality(piece.name(), m, sequences, found, bestLength, labels.get(k), seconds[bestSource],
                Meter.barNumber(meters.get(k), resolutions[k], ticks[bestSource]), first.startSeconds(), runEnd,
                Meter.barNumber(piece.metadata().timeSignatures(), piece.resolution(), first.startTick()), bestQuery,
                period(q, bestQuery, bestLength) + 1);
    }

    /** The shortest period of the intervals of notes {@code from .. from+length-1} (prefix function). */
    static int period(byte[] q, int from, int length) {
        int n = length - 1;
        if (n <= 0) return 0;
        int[] d = new int[n];
        for (int i = 0; i < n; i++) d[i] = q[from + i + 1] - q[from + i];
        int[] pi = new int[n];
        for (int i = 1; i < n; i++) {
            int k = pi[i - 1];
            while (k > 0 && d[i] != d[k]) k = pi[k - 1];
            if (d[i] == d[k]) k++;
            pi[i] = k;
        }
        return n - pi[n - 1];
    }

    private static long key(byte[] p, int at) {
        long key = 0;
        for (int i = 0; i < INTERVALS; i++) key = (key << 8) | (p[at + i + 1] - p[at + i] + 128);
        return key;
    }

    private int slot(long key) {
        int s = hash(key);
        while (keys[s] != EMPTY && keys[s] != key) s = (s + 1) & mask;
        return s;
    }

    private int find(long key) {
        int s = hash(key);
        while (keys[s] != EMPTY) {
            if (keys[s] == key) return s;
            s = (s + 1) & mask;
        }
        return -1;
    }

    private int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29)) & mask;
    }
}
