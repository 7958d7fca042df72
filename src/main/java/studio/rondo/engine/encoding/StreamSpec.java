package studio.rondo.engine.encoding;

import java.util.Objects;

/**
 * One stream of an encoded sequence: what a network input block and output head are built from.
 *
 * @param name      stream name ("pitch", "step", "event", ...)
 * @param kind      categorical (a class index per step) or real (one float per step)
 * @param size      number of classes for a categorical stream, 1 for a real one
 * @param inputForm how the stream is fed to the network as input features
 */
public record StreamSpec(String name, Kind kind, int size, InputForm inputForm) {

    public enum Kind { CATEGORICAL, REAL }

    /** How a stream appears among the input features of one time step. */
    public enum InputForm {
        /** {@code size} features, 1 at the class index. */
        ONE_HOT,
        /** One feature: class index / size (the originals of tf-tutorial and chord-tokens did this). */
        SCALED_INDEX,
        /** One feature holding the raw class index, for an embedding layer. */
        INDEX,
        /** One feature holding the real value as is. */
        VALUE
    }

    public StreamSpec {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(inputForm);
        if (size < 1) throw new IllegalArgumentException("stream size must be positive: " + size);
        if (kind == Kind.REAL && (size != 1 || inputForm != InputForm.VALUE))
            throw new IllegalArgumentException("a real stream has size 1 and input form VALUE: " + name);
        if (kind == Kind.CATEGORICAL && inputForm == InputForm.VALUE)
            throw new IllegalArgumentException("a categorical stream cannot be fed as VALUE: " + name);
    }

    public static StreamSpec categorical(String name, int classes, InputForm form) {
        return new StreamSpec(name, Kind.CATEGORICAL, classes, form);
    }

    public static StreamSpec real(String name) {
        return new StreamSpec(name, Kind.REAL, 1, InputForm.VALUE);
    }

    public boolean categorical() {
        return kind == Kind.CATEGORICAL;
    }

    /** Number of input features this stream takes per time step. */
    public int inputWidth() {
        return inputForm == InputForm.ONE_HOT ? size : 1;
    }
}
