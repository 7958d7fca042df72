package studio.rondo.engine.preset.tftutorial;

import java.util.List;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.PitchStepDuration;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.model.HeadLoss;
import studio.rondo.engine.model.Head;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Hyperparameters.Optimizer;
import studio.rondo.engine.model.Preset;

/** TensorFlow's "Generate music with an RNN" tutorial: pitch scaled to 0..1, step and duration, one LSTM. */
public final class TfTutorialPreset implements Preset {
    /** The tutorial's loss weights: pitch 0.05, step 1, duration 1. */
    static final double PITCH_WEIGHT = 0.05;

    @Override public String id() { return "tf-tutorial"; }
    @Override public String title() { return "Melody sketch: pitch, step, duration (TensorFlow tutorial)"; }
    @Override public String encodingDescription() { return "pitch/step/duration per note, pitch scaled to 0..1"; }
    @Override public String networkDescription() { return networkDescription(defaults()); }
    @Override public String recipeDescription() {
        return "seq 25, loss weights 0.05/1/1, MSE with positive pressure on step and duration, Adam 0.005, batch 64";
    }
    @Override public String origin() { return "TensorFlow's \"Generate music with an RNN\" tutorial"; }

    @Override
    public String networkDescription(Hyperparameters hp) {
        return "LSTM " + (hp.layers() > 1 ? hp.layers() + "x" : "") + hp.hidden() + "; heads: pitch softmax 128, step, duration";
    }

    @Override
    public Hyperparameters seedRecipe() {
        return new Hyperparameters(25, 64, 128, 1, 0, 0, 0, 0, 0.005, Optimizer.ADAM, 0, 0, 0, 0);
    }

    @Override
    public Hyperparameters defaults() {
        // Transposition multiplies what the network hears of each interval.
        return Preset.super.defaults().toBuilder().transpose(5).build();
    }

    @Override
    public Encoding newEncoding() {
        return PitchStepDuration.scaled();
    }

    @Override
    public List<Head> heads(List<StreamSpec> streams) {
        return Preset.super.heads(streams).stream()
                .map(h -> h.categorical() ? new Head(h.name(), h.stream(), h.spec(), h.loss(), PITCH_WEIGHT) : h)
                .toList();
    }

    @Override
    public HeadLoss realLoss(StreamSpec spec) {
        return HeadLoss.MSE_POSITIVE_PRESSURE;
    }

    @Override
    public String toString() {
        return id();
    }
}
