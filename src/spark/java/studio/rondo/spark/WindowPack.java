package studio.rondo.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.encoding.Window;

/**
 * One worker's minibatches for one averaging round, compact. A window of a piece the executors read
 * themselves ({@link ExecutorCorpus}) travels as its piece's content key, start and length: 16 bytes.
 * Any other window (pieces made anew each epoch by time or velocity stretching, or no shared corpus)
 * travels as its steps, class indices or values per stream, a few hundred bytes.
 */
final class WindowPack implements Serializable {
    private static final long serialVersionUID = 2L;

    /** Where this pack's minibatches sit in the round (for putting the scores back in order). */
    final int firstMinibatch;
    /** Per minibatch, per window: its piece's key (0: steps below), start and length. */
    private final List<long[]> keys = new ArrayList<>();
    private final List<int[]> starts = new ArrayList<>(), lengths = new ArrayList<>();
    /** Per minibatch, per window sent with its steps, per stream: the steps' classes (categorical) or values (real); null for the others. */
    private final List<int[][][]> classes = new ArrayList<>();
    private final List<float[][][]> values = new ArrayList<>();
    int referenced, shipped;

    WindowPack(int firstMinibatch) {
        this.firstMinibatch = firstMinibatch;
    }

    /** @param keyOf a piece's key when every executor holds it, else 0 */
    void add(List<Window> minibatch, ToLongFunction<EncodedPiece> keyOf) {
        int n = minibatch.size();
        long[] k = new long[n];
        int[] st = new int[n], len = new int[n];
        int[][][] c = null;
        float[][][] v = null;
        for (int i = 0; i < n; i++) {
            Window w = minibatch.get(i);
            EncodedPiece p = w.piece();
            k[i] = keyOf.applyAsLong(p);
            if (k[i] != 0) {
                st[i] = w.start();
                len[i] = w.length();
                referenced++;
                continue;
            }
            shipped++;
            if (c == null) {
                c = new int[n][][];
                v = new float[n][][];
            }
            int streams = p.streams().size(), from = w.start(), to = w.targetStep() + 1;
            c[i] = new int[streams][];
            v[i] = new float[streams][];
            len[i] = w.length();
            for (int s = 0; s < streams; s++) {
                if (p.streams().get(s).categorical()) c[i][s] = Arrays.copyOfRange(p.classColumn(s), from, to);
                else v[i][s] = Arrays.copyOfRange(p.valueColumn(s), from, to);
            }
        }
        keys.add(k);
        starts.add(st);
        lengths.add(len);
        classes.add(c);
        values.add(v);
    }

    int minibatches() {
        return keys.size();
    }

    /** Minibatch {@code m} as windows again: cut from the executor's own pieces, or over a piece of just their own steps. */
    List<Window> minibatch(int m, List<StreamSpec> streams, Map<Long, EncodedPiece> corpus) {
        long[] k = keys.get(m);
        int[] st = starts.get(m), len = lengths.get(m);
        List<Window> out = new ArrayList<>(k.length);
        for (int i = 0; i < k.length; i++) {
            if (k[i] != 0) {
                EncodedPiece piece = corpus == null ? null : corpus.get(k[i]);
                if (piece == null) throw new IllegalStateException("a window of a piece this executor has not read (key " + Long.toHexString(k[i]) + ")");
                out.add(new Window(piece, st[i], len[i]));
            } else {
                EncodedPiece piece = EncodedPiece.ofColumns("window", streams, classes.get(m)[i], values.get(m)[i]);
                out.add(new Window(piece, 0, len[i]));
            }
        }
        return out;
    }
}
