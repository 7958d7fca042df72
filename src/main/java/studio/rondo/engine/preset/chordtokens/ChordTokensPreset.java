package studio.rondo.engine.preset.chordtokens;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.nd4j.linalg.activations.Activation;
import studio.rondo.engine.encoding.ChordTokens;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Hyperparameters.Optimizer;
import studio.rondo.engine.model.NetworkBuilder;
import studio.rondo.engine.model.NominalStreams;
import studio.rondo.engine.model.Preset;

/** The "Classical Piano Composer" model (Keras): one token per note or chord, a softmax over the corpus vocabulary. */
public final class ChordTokensPreset implements Preset {
    /** Nominal vocabulary size for showing the parameter count before a corpus is chosen. */
    static final int NOMINAL_TOKENS = 300;

    @Override public String id() { return "chord-tokens"; }
    @Override public String title() { return "Chords as tokens (Classical Piano Composer)"; }
    @Override public String encodingDescription() {
        return "one token per note or chord (octaves kept) + quantised offset and duration";
    }
    @Override public String networkDescription() { return networkDescription(defaults()); }
    @Override public String recipeDescription() { return "seq 100, RMSProp, batch 128"; }
    @Override public String origin() { return "the \"Classical Piano Composer\" model (Keras)"; }

    @Override
    public String networkDescription(Hyperparameters hp) {
        return "LSTM " + hp.layers() + "x" + hp.hidden() + ", BatchNorm" + (hp.dropout() > 0 ? ", dropout " + hp.dropout() : "")
                + (hp.dense() > 0 ? ", dense " + hp.dense() : "") + ", softmax over the vocabulary";
    }

    @Override
    public Hyperparameters seedRecipe() {
        return new Hyperparameters(100, 128, 512, 3, 0, 256, 0, 0.3, 1e-3, Optimizer.RMSPROP, 0, 0, 0, 0);
    }

    @Override
    public boolean supportsEveryStep(Hyperparameters hp) {
        return false; // DL4J batch-normalises rank-3 input as an image
    }

    @Override
    public Encoding newEncoding() {
        return ChordTokens.unfitted();
    }

    @Override
    public List<StreamSpec> nominalStreams() {
        return NominalStreams.of(newEncoding(), (s, fitted) -> s == 0 ? NOMINAL_TOKENS : fitted);
    }

    @Override
    public Optional<String> nominalSizesNote() {
        return Optional.of("depends on the corpus; shown for " + NOMINAL_TOKENS + " tokens");
    }

    @Override
    public String body(NetworkBuilder b, List<StreamSpec> streams, int features, Hyperparameters hp) {
        // The Keras original: LSTMs, BatchNorm, Dropout, Dense ReLU, BatchNorm, Dropout, softmax.
        var g = b.graph();
        String last = b.lastStep(b.stack(NetworkBuilder.INPUT, features, hp.hidden(), hp.layers()));
        g.addLayer("batch_norm", new BatchNormalization.Builder().build(), last);
        String in = b.dropout("dropout", "batch_norm", hp.dropout());
        if (hp.dense() > 0) {
            g.addLayer("dense", new DenseLayer.Builder().nOut(hp.dense()).activation(Activation.RELU).build(), in);
            g.addLayer("batch_norm_2", new BatchNormalization.Builder().build(), "dense");
            in = b.dropout("dropout_2", "batch_norm_2", hp.dropout());
        }
        return in;
    }

    @Override
    public String toString() {
        return id();
    }
}
