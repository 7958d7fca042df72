package studio.rondo.engine.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A named architecture and training recipe. Each reproduces one of the systems the studio descends
 * from (see ORIGINS.md), fixed where the original was broken.
 */
public enum Preset {
    TF_TUTORIAL("tf-tutorial",
            "pitch/step/duration per note, pitch scaled to 0..1",
            "LSTM 128; heads: pitch softmax 128, step, duration",
            "seq 25, loss weights 0.05/1/1, MSE with positive pressure on step and duration, Adam 0.005, batch 64",
            "TensorFlow's \"Generate music with an RNN\" tutorial"),
    PITCH_STEP_DURATION("pitch-step-duration",
            "one-hot pitch (128) + step + duration",
            "LSTM 2x256, dropout 0.1; heads: pitch softmax 128, step, duration",
            "seq 50, cross entropy + MSE, Adam 1e-3, batch 128",
            "LSTM on Mozart piano MIDI (PyTorch, Streamlit app)"),
    VELOCITY_AWARE("velocity-aware",
            "pitch embedding + time delta + velocity",
            "embedding 128->8, LSTM 2x256; heads: pitch CE, time delta L1, velocity MSE",
            "seq 64, augmentation: transpose, time and velocity stretch, Adam 1e-3",
            "MAESTRO generator with augmentation (PyTorch)"),
    THREE_STREAM("three-stream",
            "categorical note, offset, duration",
            "one LSTM 256 per stream, merged into LSTM 2x512, BatchNorm, dense 256, three softmax heads",
            "seq 100, cross entropy on all heads, Adam",
            "notes, offsets, durations as three categorical streams (music21)"),
    CHORD_TOKENS("chord-tokens",
            "one token per note or chord (octaves kept) + quantised offset and duration",
            "LSTM 3x512, BatchNorm, dropout 0.3, dense 256, softmax over the vocabulary",
            "seq 100, RMSProp, batch 128",
            "the \"Classical Piano Composer\" model (Keras)"),
    PERFORMANCE("performance",
            "events: NOTE_ON 128, NOTE_OFF 128, TIME_SHIFT 100 x 10 ms, VELOCITY 32 bins (388 tokens)",
            "LSTM 3x512 (small variant 2x256 for laptops)",
            "Adam 1e-3, gradient clip 3, augmentation ±3 semitones, tempo x0.95..1.05",
            "after Magenta's Performance RNN");

    private final String id;
    private final String encoding;
    private final String network;
    private final String recipe;
    private final String origin;

    Preset(String id, String encoding, String network, String recipe, String origin) {
        this.id = id;
        this.encoding = encoding;
        this.network = network;
        this.recipe = recipe;
        this.origin = origin;
    }

    public String id() {
        return id;
    }

    public String encoding() {
        return encoding;
    }

    public String network() {
        return network;
    }

    public String recipe() {
        return recipe;
    }

    public String origin() {
        return origin;
    }

    /** The recipe's network size and training defaults (override with {@link Hyperparameters#toBuilder()}). */
    public Hyperparameters defaults() {
        return Hyperparameters.defaults(this);
    }

    public static Optional<Preset> byId(String id) {
        String key = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id.equals(key)).findFirst();
    }
}
