package studio.rondo.engine.model;

import studio.rondo.engine.encoding.StreamSpec;

/**
 * One output of a network: it predicts the next step of one encoding stream. Output {@code i} of
 * every network predicts stream {@code i}.
 *
 * @param name   output vertex name ("out_pitch")
 * @param stream index of the stream in {@code Encoding.streams()}
 * @param spec   the stream
 * @param loss   loss and activation
 * @param weight loss weight in the total (tf-tutorial weighs pitch 0.05)
 */
public record Head(String name, int stream, StreamSpec spec, HeadLoss loss, double weight) {
    public boolean categorical() {
        return spec.categorical();
    }
}
