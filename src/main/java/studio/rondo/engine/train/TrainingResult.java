package studio.rondo.engine.train;

import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.model.ModelInfo;

/**
 * The outcome of {@link Trainer#train}.
 *
 * @param network      the trained network (best weights when early stopping is on)
 * @param encoding     the fitted encoding the network was trained with
 * @param info         metadata as stored in the model file (history included)
 * @param cancelled    stopped by {@link Trainer#cancel()}; the checkpoint holds the state to resume
 * @param stoppedEarly stopped by early stopping
 * @param savedTo      the model file written, or null
 * @param checkpoint   the last checkpoint written, or null
 */
public record TrainingResult(ComputationGraph network, Encoding encoding, ModelInfo info, boolean cancelled,
                             boolean stoppedEarly, Path savedTo, Path checkpoint) {
}
