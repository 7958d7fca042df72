package studio.rondo.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import studio.rondo.engine.encoding.EncodedPiece;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.encoding.Window;

/**
 * One worker's minibatches for one averaging round, compact: for each window only its steps (the
 * window and the step after it) as class indices or values per stream, a few hundred bytes a window
 * against tens of kilobytes for the one-hot minibatch the worker builds from them.
 */
final class WindowPack implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where this pack's minibatches sit in the round (for putting the scores back in order). */
    final int firstMinibatch;
    /** Per minibatch, per window, per stream: the steps' classes (categorical) or values (real). */
    private final List<int[][][]> classes = new ArrayList<>();
    private final List<float[][][]> values = new ArrayList<>();

    WindowPack(int firstMinibatch) {
        this.firstMinibatch = firstMinibatch;
    }

    void add(List<Window> minibatch) {
        int n = minibatch.size();
        int[][][] c = new int[n][][];
        float[][][] v = new float[n][][];
        for (int i = 0; i < n; i++) {
            Window w = minibatch.get(i);
            EncodedPiece p = w.piece();
            int streams = p.streams().size(), from = w.start(), to = w.targetStep() + 1;
            c[i] = new int[streams][];
            v[i] = new float[streams][];
            for (int s = 0; s < streams; s++) {
                if (p.streams().get(s).categorical()) c[i][s] = java.util.Arrays.copyOfRange(p.classColumn(s), from, to);
                else v[i][s] = java.util.Arrays.copyOfRange(p.valueColumn(s), from, to);
            }
        }
        classes.add(c);
        values.add(v);
    }

    int minibatches() {
        return classes.size();
    }

    /** Minibatch {@code m} as windows again, each over a piece of just its own steps. */
    List<Window> minibatch(int m, List<StreamSpec> streams) {
        int[][][] c = classes.get(m);
        float[][][] v = values.get(m);
        List<Window> out = new ArrayList<>(c.length);
        for (int i = 0; i < c.length; i++) {
            EncodedPiece piece = EncodedPiece.ofColumns("window", streams, c[i], v[i]);
            out.add(new Window(piece, 0, piece.length() - 1));
        }
        return out;
    }
}
