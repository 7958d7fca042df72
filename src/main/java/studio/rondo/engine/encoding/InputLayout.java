package studio.rondo.engine.encoding;

import java.util.List;

/**
 * Writes steps as input features into flat float arrays laid out like a C-order DL4J/ND4J array of
 * shape [batch, features, time] (RNN format NCW), so a trainer fills one array per batch and wraps
 * it with {@code Nd4j.create(buffer, shape)} without per-element calls.
 */
public final class InputLayout {
    private final List<StreamSpec> streams;
    private final int[] offsets; // first feature of each stream
    private final int features;

    public InputLayout(List<StreamSpec> streams) {
        this.streams = List.copyOf(streams);
        offsets = new int[streams.size()];
        int f = 0;
        for (int s = 0; s < streams.size(); s++) {
            offsets[s] = f;
            f += streams.get(s).inputWidth();
        }
        features = f;
    }

    public static InputLayout of(Encoding encoding) {
        return new InputLayout(encoding.streams());
    }

    public int features() {
        return features;
    }

    /** Feature index where a stream's input block starts. */
    public int offset(int stream) {
        return offsets[stream];
    }

    /**
     * Writes a window's input steps into row {@code batchIndex} of a [batch, features, seqLen]
     * buffer. The row is cleared first (one-hot blocks are mostly zeros).
     */
    public void write(Window w, float[] buffer, int batchIndex) {
        int seqLen = w.length();
        int base = batchIndex * features * seqLen;
        java.util.Arrays.fill(buffer, base, base + features * seqLen, 0f);
        EncodedPiece p = w.piece();
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            int rowBase = base + offsets[s] * seqLen;
            if (spec.categorical()) {
                int[] col = p.classColumn(s);
                for (int t = 0; t < seqLen; t++) {
                    int c = col[w.start() + t];
                    switch (spec.inputForm()) {
                        case ONE_HOT -> buffer[rowBase + c * seqLen + t] = 1f;
                        case SCALED_INDEX -> buffer[rowBase + t] = (float) c / spec.size();
                        case INDEX -> buffer[rowBase + t] = c;
                        case VALUE -> throw new IllegalStateException("categorical stream fed as value");
                    }
                }
            } else {
                System.arraycopy(p.valueColumn(s), w.start(), buffer, rowBase, seqLen);
            }
        }
    }

    /**
     * Writes a window's input steps for example {@code batchIndex} into a time-major buffer [seqLen, batch,
     * features] (step t of example b at (t·batch + b)·features), which must be zero where one-hot blocks
     * are (a fresh array). The fused LSTM works time-major, so a batch in this layout reaches it without a
     * transpose.
     */
    public void writeTimeMajor(Window w, float[] buffer, int batchIndex, int batch) {
        int seqLen = w.length();
        EncodedPiece p = w.piece();
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            int o = offsets[s];
            int[] col = spec.categorical() ? p.classColumn(s) : null;
            float[] values = spec.categorical() ? null : p.valueColumn(s);
            for (int t = 0; t < seqLen; t++) {
                int at = (t * batch + batchIndex) * features + o;
                if (values != null) {
                    buffer[at] = values[w.start() + t];
                    continue;
                }
                int c = col[w.start() + t];
                switch (spec.inputForm()) {
                    case ONE_HOT -> buffer[at + c] = 1f;
                    case SCALED_INDEX -> buffer[at] = (float) c / spec.size();
                    case INDEX -> buffer[at] = c;
                    case VALUE -> throw new IllegalStateException("categorical stream fed as value");
                }
            }
        }
    }

    /** Writes one step's input features (for step-by-step generation) into {@code out[0..features)}. */
    public void write(Step step, float[] out) {
        java.util.Arrays.fill(out, 0, features, 0f);
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            int o = offsets[s];
            switch (spec.inputForm()) {
                case ONE_HOT -> out[o + step.classOf(s)] = 1f;
                case SCALED_INDEX -> out[o] = (float) step.classOf(s) / spec.size();
                case INDEX -> out[o] = step.classOf(s);
                case VALUE -> out[o] = step.valueOf(s);
            }
        }
    }
}
