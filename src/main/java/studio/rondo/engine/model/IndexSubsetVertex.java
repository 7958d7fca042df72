package studio.rondo.engine.model;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A {@link SubsetVertex} that feeds an embedding layer. An embedding's input is class indices, so
 * it sends no gradient back, and DL4J's SubsetVertex then fails the backward pass ("error not
 * set"). This one passes a zero gradient on instead. Stored in configuration.json by class name.
 */
public class IndexSubsetVertex extends SubsetVertex {

    public IndexSubsetVertex(@JsonProperty("from") int from, @JsonProperty("to") int to) {
        super(from, to);
    }

    @Override
    public IndexSubsetVertex clone() {
        return new IndexSubsetVertex(getFrom(), getTo());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexSubsetVertex v && v.getFrom() == getFrom() && v.getTo() == getTo();
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 7;
    }

    @Override
    public GraphVertex instantiate(ComputationGraph graph, String name, int idx, INDArray paramsView, boolean initializeParams, DataType dataType) {
        return new Impl(graph, name, idx, getFrom(), getTo(), dataType);
    }

    static final class Impl extends org.deeplearning4j.nn.graph.vertex.impl.SubsetVertex {
        Impl(ComputationGraph graph, String name, int idx, int from, int to, DataType dataType) {
            super(graph, name, idx, from, to, dataType);
        }

        @Override
        public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
            if (getEpsilon() != null) return super.doBackward(tbptt, workspaceMgr);
            INDArray in = getInputs()[0];
            return new Pair<>(null, new INDArray[]{workspaceMgr.create(ArrayType.ACTIVATION_GRAD, in.dataType(), in.shape())});
        }
    }
}
