package studio.rondo.engine.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.lstm.DenseHead;
import studio.rondo.engine.lstm.FusedLstm;
import studio.rondo.engine.lstm.LstmStepKernel;
import studio.rondo.engine.model.LoadedModel;

/**
 * Steps a network with the studio's batch-1 kernel instead of DL4J's {@code rnnTimeStep} (tens of
 * times faster): for the networks that are a chain of LSTMs, the last time step, and output heads
 * (tf-tutorial, pitch-step-duration, performance). Other shapes (embeddings, merged streams,
 * batch norm, dense layers) keep {@link Dl4jStepModel}; {@link #of} says which applies.
 */
public final class KernelStepModel implements StepModel {
    private final LstmStepKernel kernel;
    private final List<DenseHead> heads;
    private final int features;

    private KernelStepModel(LstmStepKernel kernel, List<DenseHead> heads, int features) {
        this.kernel = kernel;
        this.heads = heads;
        this.features = features;
    }

    /** The kernel model for a network of the supported shape, or empty. */
    public static Optional<KernelStepModel> of(ComputationGraph net, int features) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        if (conf.getNetworkInputs().size() != 1) return Optional.empty();
        String input = conf.getNetworkInputs().get(0);
        Map<String, GraphVertex> vertices = conf.getVertices();
        Map<String, List<String>> inputs = conf.getVertexInputs();
        Set<String> outputs = Set.copyOf(conf.getNetworkOutputs());
        // Walk the chain from the input: LSTM layers one after the other, then the last time step.
        String at = input;
        String last = null;
        int lstms = 0;
        while (last == null) {
            String next = null;
            for (var e : inputs.entrySet()) {
                if (e.getValue().equals(List.of(at)) && !outputs.contains(e.getKey())) {
                    if (next != null) return Optional.empty(); // branches: not a chain
                    next = e.getKey();
                }
            }
            if (next == null) return Optional.empty();
            GraphVertex v = vertices.get(next);
            if (v instanceof LastTimeStepVertex) {
                last = next;
            } else if (v instanceof LayerVertex lv && (lv.getLayerConf().getLayer() instanceof LSTM
                    || lv.getLayerConf().getLayer() instanceof FusedLstm)) {
                lstms++;
                at = next;
            } else {
                return Optional.empty();
            }
        }
        if (lstms == 0) return Optional.empty();
        // Every network output must be an output layer fed straight by the last time step.
        List<DenseHead> heads = new ArrayList<>();
        for (String out : conf.getNetworkOutputs()) {
            if (!inputs.get(out).equals(List.of(last))) return Optional.empty();
            if (!(vertices.get(out) instanceof LayerVertex lv) || !(lv.getLayerConf().getLayer() instanceof BaseOutputLayer)) {
                return Optional.empty();
            }
            try {
                heads.add(DenseHead.of(net.getLayer(out)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        // Vertices beyond the chain and the heads (and the input) mean a shape this model cannot step.
        if (vertices.size() != lstms + 1 + heads.size()) return Optional.empty();
        return Optional.of(new KernelStepModel(LstmStepKernel.of(net), heads, features));
    }

    /** The fastest step model for a loaded model: the kernel where the network allows it, else DL4J. */
    public static StepModel fastest(LoadedModel model) {
        int features = model.encoding().inputFeatures();
        return KernelStepModel.of(model.network(), features).<StepModel>map(k -> k).orElseGet(() -> Dl4jStepModel.of(model));
    }

    /** Which kernel steps the LSTMs ("vector" or "scalar"). */
    public String kernelName() {
        return kernel.kernelName();
    }

    @Override
    public int inputFeatures() {
        return features;
    }

    @Override
    public void reset() {
        kernel.reset();
    }

    @Override
    public float[][] prime(float[][] steps) {
        if (steps.length == 0) throw new IllegalArgumentException("nothing to prime with");
        float[] h = null;
        for (float[] s : steps) h = kernel.step(s);
        return applyHeads(h);
    }

    @Override
    public float[][] step(float[] input) {
        return applyHeads(kernel.step(input));
    }

    private float[][] applyHeads(float[] h) {
        float[][] out = new float[heads.size()][];
        for (int i = 0; i < out.length; i++) out[i] = heads.get(i).apply(h).clone();
        return out;
    }
}
