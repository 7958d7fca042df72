package studio.rondo.engine.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A piece as a sequence of time steps, stored column-wise: one int[] per categorical stream and one
 * float[] per real stream, so a trainer can copy windows into its batch arrays without boxing.
 */
public final class EncodedPiece {
    private final String name;
    private final List<StreamSpec> streams;
    private final int length;
    private final int[][] classes; // null for real streams
    private final float[][] values; // null for categorical streams

    EncodedPiece(String name, List<StreamSpec> streams, int length, int[][] classes, float[][] values) {
        this.name = name;
        this.streams = List.copyOf(streams);
        this.length = length;
        this.classes = classes;
        this.values = values;
    }

    /**
     * A piece from its columns, as {@link #classColumn} and {@link #valueColumn} give them (for a piece
     * sent to another machine): per stream an int[] of class indices (categorical) or a float[] of values.
     */
    public static EncodedPiece ofColumns(String name, List<StreamSpec> streams, int[][] classes, float[][] values) {
        int n = streams.size();
        if (classes.length != n || values.length != n) throw new IllegalArgumentException("one column per stream: " + n);
        int length = -1;
        for (int s = 0; s < n; s++) {
            StreamSpec spec = streams.get(s);
            int len = spec.categorical() ? classes[s].length : values[s].length;
            if (length >= 0 && len != length) throw new IllegalArgumentException("columns of different lengths: " + length + " and " + len);
            length = len;
            if (spec.categorical())
                for (int c : classes[s]) if (c < 0 || c >= spec.size()) throw new IllegalArgumentException("class " + c + " outside stream " + spec.name());
        }
        int[][] c = new int[n][];
        float[][] v = new float[n][];
        for (int s = 0; s < n; s++) {
            if (streams.get(s).categorical()) c[s] = classes[s].clone(); else v[s] = values[s].clone();
        }
        return new EncodedPiece(name, streams, Math.max(length, 0), c, v);
    }

    public String name() {
        return name;
    }

    public List<StreamSpec> streams() {
        return streams;
    }

    /** Number of time steps. */
    public int length() {
        return length;
    }

    public int classAt(int stream, int t) {
        return classes[stream][t];
    }

    public float valueAt(int stream, int t) {
        return values[stream][t];
    }

    /** The whole column of a categorical stream (not a copy: do not modify). */
    public int[] classColumn(int stream) {
        if (classes[stream] == null) throw new IllegalArgumentException("stream " + streams.get(stream).name() + " is real");
        return classes[stream];
    }

    /** The whole column of a real stream (not a copy: do not modify). */
    public float[] valueColumn(int stream) {
        if (values[stream] == null) throw new IllegalArgumentException("stream " + streams.get(stream).name() + " is categorical");
        return values[stream];
    }

    public Step step(int t) {
        int n = streams.size();
        int[] c = new int[n];
        float[] v = new float[n];
        for (int s = 0; s < n; s++) {
            if (classes[s] != null) c[s] = classes[s][t]; else v[s] = values[s][t];
        }
        return new Step(c, v);
    }

    public List<Step> steps() {
        List<Step> out = new ArrayList<>(length);
        for (int t = 0; t < length; t++) out.add(step(t));
        return out;
    }

    /** Steps {@code from} (inclusive) to {@code to} (exclusive), e.g. a primer. */
    public List<Step> steps(int from, int to) {
        List<Step> out = new ArrayList<>(Math.max(0, to - from));
        for (int t = from; t < to; t++) out.add(step(t));
        return out;
    }

    @Override
    public String toString() {
        return "EncodedPiece[" + name + ", " + length + " steps]";
    }

    /** Appends steps column by column; grows like an ArrayList. */
    static final class Builder {
        private final String name;
        private final List<StreamSpec> streams;
        private int[][] classes;
        private float[][] values;
        private int length;

        Builder(String name, List<StreamSpec> streams, int capacity) {
            this.name = name;
            this.streams = streams;
            int n = streams.size(), cap = Math.max(16, capacity);
            classes = new int[n][];
            values = new float[n][];
            for (int s = 0; s < n; s++) {
                if (streams.get(s).categorical()) classes[s] = new int[cap]; else values[s] = new float[cap];
            }
        }

        /** Adds a step; pass each stream's class index or value, in stream order. */
        Builder add(double... perStream) {
            if (length == capacity()) grow();
            for (int s = 0; s < perStream.length; s++) {
                if (classes[s] != null) {
                    int c = (int) perStream[s];
                    if (c < 0 || c >= streams.get(s).size())
                        throw new IllegalArgumentException("class " + c + " outside stream " + streams.get(s).name());
                    classes[s][length] = c;
                } else {
                    values[s][length] = (float) perStream[s];
                }
            }
            length++;
            return this;
        }

        private int capacity() {
            return classes[0] != null ? classes[0].length : values[0].length;
        }

        private void grow() {
            int cap = capacity() * 2;
            for (int s = 0; s < classes.length; s++) {
                if (classes[s] != null) classes[s] = Arrays.copyOf(classes[s], cap);
                else values[s] = Arrays.copyOf(values[s], cap);
            }
        }

        EncodedPiece build() {
            for (int s = 0; s < classes.length; s++) {
                if (classes[s] != null) classes[s] = Arrays.copyOf(classes[s], length);
                else values[s] = Arrays.copyOf(values[s], length);
            }
            return new EncodedPiece(name, streams, length, classes, values);
        }
    }
}
