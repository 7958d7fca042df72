package studio.rondo.engine.store;

import studio.rondo.engine.model.Head;
import studio.rondo.engine.model.Preset;
import studio.rondo.engine.model.ModelInfo;
import studio.rondo.engine.preset.Presets;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.Encodings;

/** A network with its metadata, as {@link ModelStore#load} returns it. */
public record LoadedModel(ComputationGraph network, ModelInfo info) {

    public Preset preset() {
        return Presets.require(info.preset());
    }

    /** The encoding the model was trained with, vocabularies included. */
    public Encoding encoding() {
        return Encodings.fromSpec(info.encoding());
    }

    /** Output heads in network output order. */
    public List<Head> heads() {
        return preset().heads(encoding().streams());
    }
}
