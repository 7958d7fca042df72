package studio.rondo.engine.preset.performance;

import java.util.List;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Performance;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Hyperparameters.Optimizer;
import studio.rondo.engine.model.Preset;

/** After Magenta's Performance RNN: note-on, note-off, time-shift and velocity events. */
public final class PerformancePreset implements Preset {

    @Override public String id() { return "performance"; }
    @Override public String title() { return "Performance: note events with timing and dynamics"; }
    @Override public String encodingDescription() {
        return "events: NOTE_ON 128, NOTE_OFF 128, TIME_SHIFT 100 x 10 ms, VELOCITY 32 bins (388 tokens)";
    }
    @Override public String networkDescription() { return "LSTM 3x512 (small variant 2x256 for laptops)"; }
    @Override public String recipeDescription() {
        return "Adam 1e-3, gradient clip 3, augmentation ±3 semitones, tempo x0.95..1.05";
    }
    @Override public String origin() { return "after Magenta's Performance RNN"; }

    @Override
    public String networkDescription(Hyperparameters hp) {
        return "LSTM " + hp.layers() + "x" + hp.hidden() + "; softmax over 388 events";
    }

    @Override
    public Hyperparameters seedRecipe() {
        return new Hyperparameters(100, 64, 512, 3, 0, 0, 0, 0, 1e-3, Optimizer.ADAM, 3, 3, 0.05, 0);
    }

    @Override
    public Encoding newEncoding() {
        return new Performance();
    }

    @Override
    public List<Variant> variants() {
        return List.of(new Variant("small variant", "--hidden 256 --layers 2", small()));
    }

    /** Performance RNN's laptop variant: LSTM 2x256. */
    public Hyperparameters small() {
        return defaults().toBuilder().hidden(256).layers(2).build();
    }

    @Override
    public String toString() {
        return id();
    }
}
