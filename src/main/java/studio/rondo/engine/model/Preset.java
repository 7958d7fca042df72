package studio.rondo.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.StreamSpec;

/**
 * A named architecture and training recipe: its encoding, network, heads, defaults and description.
 * Each reproduces one of the systems the studio descends from, fixed where the original was broken.
 * Implementations live one folder each under {@code engine/preset/}, listed in {@code Presets}; nothing
 * else switches over presets.
 */
public interface Preset {

    /** Stable id, stored in model files ("pitch-step-duration"). */
    String id();

    /** Plain-words name for musicians ("Piano: pitch, step, duration"). */
    String title();

    /** What one step of the encoding holds. */
    String encodingDescription();

    /** The network as the defaults build it. */
    String networkDescription();

    /** The original's training recipe. */
    String recipeDescription();

    /** The system this preset reproduces. */
    String origin();

    /** The network described for these sizes ("LSTM 2x256, ..."), for a settings form that changes them. */
    String networkDescription(Hyperparameters hp);

    /** The recipe exactly as the original gives it (targets after the last step only). */
    Hyperparameters seedRecipe();

    /**
     * The studio's training defaults: the seed recipe with targets at every step where the network
     * allows, a short learning-rate warm-up, and the preset's own improvements.
     */
    default Hyperparameters defaults() {
        Hyperparameters seed = seedRecipe();
        return seed.toBuilder().warmup(WARMUP).everyStep(supportsEveryStep(seed)).build();
    }

    /** Minibatches of learning-rate warm-up in the studio's defaults (Adam's first steps are large). */
    int WARMUP = 50;

    /**
     * Whether the network can put a target at every step: the LSTM output must go straight to the
     * heads (batch normalisation or DL4J's dense layers over a sequence fail in training here).
     */
    default boolean supportsEveryStep(Hyperparameters hp) {
        return true;
    }

    /** A new encoding with default parameters; unfitted where it has corpus vocabularies. */
    Encoding newEncoding();

    /** Whether the vocabularies, hence the parameter count, come from the training corpus. */
    default boolean vocabularyFromCorpus() {
        return !newEncoding().fitted();
    }

    /**
     * Streams of a typical fitted encoding, for showing sizes before a corpus is chosen; for
     * corpus vocabularies, {@link #nominalSizesNote()} says which sizes were assumed.
     */
    default List<StreamSpec> nominalStreams() {
        return newEncoding().streams(); // fixed vocabularies: the encoding's own streams
    }

    /** For presets whose sizes depend on the corpus: what the nominal figures assume. */
    default Optional<String> nominalSizesNote() {
        return Optional.empty();
    }

    /** Other sizes worth showing beside the defaults (performance's laptop variant), by label. */
    default List<Variant> variants() {
        return List.of();
    }

    /** The output heads over these streams, in output order: output {@code i} predicts stream {@code i}. */
    default List<Head> heads(List<StreamSpec> streams) {
        List<Head> heads = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            heads.add(new Head("out_" + spec.name(), s, spec, spec.categorical() ? HeadLoss.CROSS_ENTROPY : realLoss(spec), 1));
        }
        return heads;
    }

    /** The loss of a real-valued head (MSE unless the original used another). */
    default HeadLoss realLoss(StreamSpec spec) {
        return HeadLoss.MSE;
    }

    /** Adds the network from the input to the layer the heads read; returns that layer's name. */
    default String body(NetworkBuilder b, List<StreamSpec> streams, int features, Hyperparameters hp) {
        return b.lastStep(b.stack(NetworkBuilder.INPUT, features, hp.hidden(), hp.layers()));
    }

    /** The layer a head reads ({@code top} unless the preset puts layers of its own before each head). */
    default String headInput(NetworkBuilder b, Head head, String top, Hyperparameters hp) {
        return top;
    }

    /** Last corrections to the built configuration (values shape inference gets wrong). */
    default void complete(ComputationGraphConfiguration conf, List<StreamSpec> streams) {
    }

    /** A named set of sizes beside the defaults. */
    record Variant(String label, String options, Hyperparameters hyperparameters) {
    }
}
