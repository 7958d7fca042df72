package studio.rondo.engine.encoding;

import java.util.Arrays;

/**
 * One time step of an encoded sequence, what a sampler produces: for each stream (in the order of
 * {@link Encoding#streams()}) a class index (categorical streams) or a value (real streams). The
 * slot of the other kind is unused (0).
 */
public record Step(int[] classes, float[] values) {

    public Step {
        if (classes.length != values.length) throw new IllegalArgumentException("classes and values differ in length");
    }

    /** A step of categorical streams only. */
    public static Step ofClasses(int... classes) {
        return new Step(classes.clone(), new float[classes.length]);
    }

    /** A step from a mix: pass each stream's class index or value as a number, in stream order. */
    public static Step of(java.util.List<StreamSpec> streams, double... perStream) {
        if (perStream.length != streams.size()) throw new IllegalArgumentException("need one number per stream");
        int[] c = new int[perStream.length];
        float[] v = new float[perStream.length];
        for (int i = 0; i < perStream.length; i++) {
            if (streams.get(i).categorical()) c[i] = (int) perStream[i]; else v[i] = (float) perStream[i];
        }
        return new Step(c, v);
    }

    public int classOf(int stream) {
        return classes[stream];
    }

    public float valueOf(int stream) {
        return values[stream];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Step s && Arrays.equals(classes, s.classes) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(classes) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Step" + Arrays.toString(classes) + Arrays.toString(values);
    }
}
