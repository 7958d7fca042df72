package studio.rondo.engine.preset.velocityaware;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.PitchEmbeddingDeltaVelocity;
import studio.rondo.engine.encoding.StreamSpec;
import studio.rondo.engine.model.Head;
import studio.rondo.engine.model.HeadLoss;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Hyperparameters.Optimizer;
import studio.rondo.engine.model.IndexSubsetVertex;
import studio.rondo.engine.model.NetworkBuilder;
import studio.rondo.engine.model.Preset;

/**
 * The MAESTRO generator with augmentation (PyTorch): a pitch embedding joined with time delta and
 * velocity; L1 on the time delta, MSE on velocity. The bundled "expressive" model.
 */
public final class VelocityAwarePreset implements Preset {
    private static final String EMBEDDING = "pitch_embedding";

    @Override public String id() { return "velocity-aware"; }
    @Override public String title() { return "Expressive piano: pitch, timing, velocity"; }
    @Override public String encodingDescription() { return "pitch embedding + time delta + velocity"; }
    @Override public String networkDescription() { return networkDescription(defaults()); }
    @Override public String recipeDescription() {
        return "seq 64, augmentation: transpose, time and velocity stretch, Adam 1e-3";
    }
    @Override public String origin() { return "MAESTRO generator with augmentation (PyTorch)"; }

    @Override
    public String networkDescription(Hyperparameters hp) {
        return "embedding 128->" + Math.max(1, hp.embedding()) + ", LSTM " + hp.layers() + "x" + hp.hidden()
                + (hp.dense() > 0 ? "; heads (FC " + hp.dense() + " twice): " : "; heads: ") + "pitch CE, time delta L1, velocity MSE";
    }

    @Override
    public Hyperparameters seedRecipe() {
        // Heads: FC 64 + dropout + ReLU twice, as the original; augmentation ±7 semitones, x0.9..1.1.
        return new Hyperparameters(64, 64, 256, 2, 0, 64, 8, 0.1, 1e-3, Optimizer.ADAM, 0, 7, 0.1, 0.1);
    }

    @Override
    public Hyperparameters defaults() {
        // The dense head layers cannot train on every step here (DL4J's reshaping between sequence and
        // feed-forward layers fails), and every step learns more than they add.
        return Preset.super.defaults().toBuilder().dense(0).everyStep(true).build();
    }

    @Override
    public boolean supportsEveryStep(Hyperparameters hp) {
        return hp.dense() == 0;
    }

    @Override
    public Encoding newEncoding() {
        return PitchEmbeddingDeltaVelocity.standard();
    }

    @Override
    public HeadLoss realLoss(StreamSpec spec) {
        return spec.name().equals("velocity") ? HeadLoss.MSE : HeadLoss.L1;
    }

    @Override
    public String body(NetworkBuilder b, List<StreamSpec> streams, int features, Hyperparameters hp) {
        // Stream 0 is the raw pitch index: embed it (128 -> 8) and join the real features (delta, velocity).
        var g = b.graph();
        g.addVertex("pitch_index", new IndexSubsetVertex(0, 0), NetworkBuilder.INPUT);
        int emb = Math.max(1, hp.embedding());
        g.addLayer(EMBEDDING, new EmbeddingSequenceLayer.Builder().nIn(streams.get(0).size()).nOut(emb)
                .inferInputLength(true).outputDataFormat(RNNFormat.NCW).hasBias(false).build(), "pitch_index");
        String in = EMBEDDING;
        int width = emb;
        if (features > 1) {
            g.addVertex("real_features", new SubsetVertex(1, features - 1), NetworkBuilder.INPUT);
            g.addVertex("joined", new MergeVertex(), EMBEDDING, "real_features");
            in = "joined";
            width += features - 1;
        }
        return b.lastStep(b.stack(in, width, hp.hidden(), hp.layers()));
    }

    @Override
    public String headInput(NetworkBuilder b, Head head, String top, Hyperparameters hp) {
        if (hp.dense() == 0) return top;
        // The original's heads: (FC + dropout + ReLU) twice, then the output.
        String in = b.dense(head.name() + "_fc1", top, hp.dense(), hp.dropout());
        return b.dense(head.name() + "_fc2", in, hp.dense(), hp.dropout());
    }

    @Override
    public void complete(ComputationGraphConfiguration conf, List<StreamSpec> streams) {
        // Shape inference sets the embedding's nIn to the width of its input (1 index feature);
        // an embedding's nIn is the number of indices (128 pitches).
        var layer = (EmbeddingSequenceLayer) ((LayerVertex) conf.getVertices().get(EMBEDDING)).getLayerConf().getLayer();
        layer.setNIn(streams.get(0).size());
    }

    @Override
    public String toString() {
        return id();
    }
}
