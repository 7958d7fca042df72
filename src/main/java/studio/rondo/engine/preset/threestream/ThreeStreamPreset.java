package studio.rondo.engine.preset.threestream;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.encoding.ThreeStream;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Hyperparameters.Optimizer;
import studio.rondo.engine.model.NetworkBuilder;
import studio.rondo.engine.model.NominalStreams;
import studio.rondo.engine.model.Preset;

/** Notes, offsets and durations as three categorical streams (music21): one LSTM per stream, merged. */
public final class ThreeStreamPreset implements Preset {
    /** Nominal vocabulary sizes for showing the parameter count before a corpus is chosen. */
    static final int NOMINAL_TOKENS = 300, NOMINAL_TIMES = 30;

    @Override public String id() { return "three-stream"; }
    @Override public String title() { return "Three streams: notes, offsets, durations (music21)"; }
    @Override public String encodingDescription() { return "categorical note, offset, duration"; }
    @Override public String networkDescription() { return networkDescription(defaults()); }
    @Override public String recipeDescription() { return "seq 100, cross entropy on all heads, Adam"; }
    @Override public String origin() { return "notes, offsets, durations as three categorical streams (music21)"; }

    @Override
    public String networkDescription(Hyperparameters hp) {
        int branch = hp.branchHidden() > 0 ? hp.branchHidden() : hp.hidden();
        return "one LSTM " + branch + " per stream, merged into LSTM " + hp.layers() + "x" + hp.hidden() + ", BatchNorm"
                + (hp.dense() > 0 ? ", dense " + hp.dense() : "") + ", three softmax heads";
    }

    @Override
    public Hyperparameters seedRecipe() {
        return new Hyperparameters(100, 64, 512, 2, 256, 256, 0, 0.3, 1e-3, Optimizer.ADAM, 0, 0, 0, 0);
    }

    @Override
    public boolean supportsEveryStep(Hyperparameters hp) {
        return false; // DL4J batch-normalises rank-3 input as an image
    }

    @Override
    public Encoding newEncoding() {
        return ThreeStream.unfitted();
    }

    @Override
    public List<StreamSpec> nominalStreams() {
        return NominalStreams.of(newEncoding(), (s, fitted) -> s == 0 ? NOMINAL_TOKENS : NOMINAL_TIMES);
    }

    @Override
    public Optional<String> nominalSizesNote() {
        return Optional.of("depends on the corpus; shown for " + NOMINAL_TOKENS + " notes/chords, " + NOMINAL_TIMES + " offsets, "
                + NOMINAL_TIMES + " durations");
    }

    @Override
    public String body(NetworkBuilder b, List<StreamSpec> streams, int features, Hyperparameters hp) {
        // One LSTM per stream over its own one-hot block, concatenated, then the main stack.
        var g = b.graph();
        InputLayout layout = new InputLayout(streams);
        int branch = hp.branchHidden() > 0 ? hp.branchHidden() : hp.hidden();
        String[] branches = new String[streams.size()];
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            String subset = "in_" + spec.name();
            g.addVertex(subset, new SubsetVertex(layout.offset(s), layout.offset(s) + spec.inputWidth() - 1), NetworkBuilder.INPUT);
            branches[s] = "lstm_" + spec.name();
            g.addLayer(branches[s], b.lstm().lstm(spec.inputWidth(), branch, 0), subset);
        }
        g.addVertex("streams", new MergeVertex(), branches);
        String last = b.lastStep(b.stack("streams", branch * streams.size(), hp.hidden(), hp.layers()));
        g.addLayer("batch_norm", new BatchNormalization.Builder().build(), last);
        return hp.dense() > 0 ? b.dense("dense", "batch_norm", hp.dense(), hp.dropout()) : "batch_norm";
    }

    @Override
    public String toString() {
        return id();
    }
}
