package studio.rondo.engine.encoding;

import java.util.Arrays;

/**
 * Writes training targets (labels) of one stream into flat float arrays in the C order of DL4J/ND4J
 * label arrays: the next step only ([batch, size], for a network that predicts from the last
 * time step) or every step's next step ([batch, size, seqLen], RNN format NCW, for sequence-to-
 * sequence training as Performance RNN does). Categorical streams are one-hot, real streams one
 * value.
 */
public final class Targets {
    private Targets() {
    }

    /** The step after the window: row {@code batchIndex} of a [batch, size] array. */
    public static void writeNext(Window w, int stream, float[] buffer, int batchIndex) {
        StreamSpec spec = w.piece().streams().get(stream);
        int base = batchIndex * spec.size();
        if (spec.categorical()) {
            Arrays.fill(buffer, base, base + spec.size(), 0f);
            buffer[base + w.piece().classAt(stream, w.targetStep())] = 1f;
        } else {
            buffer[base] = w.piece().valueAt(stream, w.targetStep());
        }
    }

    /** Class index of the step after the window (for sparse losses and accuracy). */
    public static int nextClass(Window w, int stream) {
        return w.piece().classAt(stream, w.targetStep());
    }

    /** For each window step t, step t+1: row {@code batchIndex} of a [batch, size, seqLen] array. */
    public static void writeSequence(Window w, int stream, float[] buffer, int batchIndex) {
        StreamSpec spec = w.piece().streams().get(stream);
        int seqLen = w.length();
        int base = batchIndex * spec.size() * seqLen;
        if (spec.categorical()) {
            Arrays.fill(buffer, base, base + spec.size() * seqLen, 0f);
            int[] col = w.piece().classColumn(stream);
            for (int t = 0; t < seqLen; t++) buffer[base + col[w.start() + t + 1] * seqLen + t] = 1f;
        } else {
            System.arraycopy(w.piece().valueColumn(stream), w.start() + 1, buffer, base, seqLen);
        }
    }
}
