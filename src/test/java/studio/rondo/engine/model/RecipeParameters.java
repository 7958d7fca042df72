package studio.rondo.engine.model;

import java.util.List;
import studio.rondo.engine.encoding.Encoding;

/**
 * Parameter counts of the presets' networks worked out by hand from their recipes (Preset,
 * DESIGN.md's table), layer by layer, for tests to hold DL4J's networks against.
 */
public final class RecipeParameters {
    private RecipeParameters() {
    }

    /** An LSTM layer: four gates, each with input weights, recurrent weights and a bias. */
    static long lstm(int in, int hidden) {
        return 4L * hidden * (in + hidden + 1);
    }

    /** LSTM layers of {@code hidden} units over {@code in} features. */
    static long stack(int in, Hyperparameters hp) {
        return lstm(in, hp.hidden()) + (hp.layers() - 1) * lstm(hp.hidden(), hp.hidden());
    }

    /** A dense or output layer: weights and a bias. */
    static long dense(int in, int out) {
        return (long) in * out + out;
    }

    /** BatchNorm: scale and shift per unit, and DL4J keeps the running mean and variance among the parameters too. */
    static long batchNorm(int units) {
        return 4L * units;
    }

    /** The heads: one dense output layer per stream from a {@code width}-wide input. */
    static long heads(int width, List<Integer> sizes) {
        return sizes.stream().mapToLong(size -> dense(width, size)).sum();
    }

    /**
     * @param fitted the preset's encoding; only the sizes of its streams are read (the corpus
     *               vocabularies of three-stream and chord-tokens)
     */
    public static long of(Preset preset, Hyperparameters hp, Encoding fitted) {
        return of(preset, hp, fitted.streams().stream().map(s -> s.size()).toList());
    }

    /**
     * @param sizes classes of each stream; read by three-stream and chord-tokens only, whose
     *              vocabularies come from the corpus (the other presets' sizes are fixed: written out below)
     */
    public static long of(Preset preset, Hyperparameters hp, List<Integer> sizes) {
        int h = hp.hidden(), d = hp.dense();
        int branch = hp.branchHidden() > 0 ? hp.branchHidden() : h; // three-stream's per-stream LSTMs: the main size unless set
        return switch (preset.id()) {
            // pitch / 127, step, duration -> LSTM -> pitch 128, step 1, duration 1
            case "tf-tutorial" -> stack(3, hp) + heads(h, List.of(128, 1, 1));
            // one-hot pitch 128, step, duration -> LSTM -> pitch 128, step 1, duration 1
            case "pitch-step-duration" -> stack(128 + 2, hp) + heads(h, List.of(128, 1, 1));
            // pitch index -> embedding 128 x E (no bias), joined with delta and velocity -> LSTM -> heads,
            // each head (dense D + ReLU) twice first when the recipe has dense head layers
            case "velocity-aware" -> 128L * hp.embedding() + stack(hp.embedding() + 2, hp)
                    + (d > 0 ? 3 * (dense(h, d) + dense(d, d)) + heads(d, List.of(128, 1, 1)) : heads(h, List.of(128, 1, 1)));
            // one LSTM of B units per one-hot stream, merged (3B) -> LSTM -> BatchNorm -> dense D -> a softmax per stream
            case "three-stream" -> sizes.stream().mapToLong(v -> lstm(v, branch)).sum() + stack(3 * branch, hp)
                    + batchNorm(h) + (d > 0 ? dense(h, d) + heads(d, sizes) : heads(h, sizes));
            // token, offset, duration as scaled indices (3 features) -> LSTM -> BatchNorm -> dense D -> BatchNorm -> softmaxes
            case "chord-tokens" -> stack(3, hp) + batchNorm(h) + (d > 0 ? dense(h, d) + batchNorm(d) + heads(d, sizes) : heads(h, sizes));
            // one-hot events (388) -> LSTM -> softmax over the 388 events
            case "performance" -> stack(388, hp) + dense(h, 388);
            default -> throw new IllegalArgumentException("no recipe written out by hand for preset " + preset.id());
        };
    }
}
