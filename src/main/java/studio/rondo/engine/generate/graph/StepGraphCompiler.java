package studio.rondo.engine.generate.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToRnnPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.RnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.lstm.NdFloats;
import studio.rondo.engine.lstm.DenseHead;
import studio.rondo.engine.lstm.FusedLstm;
import studio.rondo.engine.lstm.Kernels;
import studio.rondo.engine.lstm.LstmLayerStep;
import studio.rondo.engine.lstm.LstmWeights;
import studio.rondo.engine.lstm.StepActivation;

/**
 * Translates a DL4J graph into a {@link StepGraph}, vertex by vertex in topological order, with
 * inference semantics at batch 1 and one time step. Supported: one network input; SubsetVertex
 * (and IndexSubsetVertex), MergeVertex along features, LastTimeStepVertex (the current step's
 * value: at one step per call it is the only step); layers LSTM (tanh/sigmoid) and FusedLstm,
 * EmbeddingSequenceLayer, DenseLayer, OutputLayer / RnnOutputLayer, BatchNormalization,
 * ActivationLayer, DropoutLayer (identity at inference, as is the dropout inside layers); the
 * feed-forward / recurrent reshaping preprocessors (identity for one step of one example).
 * Anything else throws {@link UnsupportedOperationException}. Weights are copied: later training
 * does not change a compiled graph.
 */
final class StepGraphCompiler {
    private final ComputationGraph net;
    private final ComputationGraphConfiguration conf;
    private final int features;
    private final Kernels kernels;
    private final Map<String, Integer> slotOf = new HashMap<>();
    private final List<Integer> slotWidths = new ArrayList<>();
    private final List<StepOp> ops = new ArrayList<>();
    private final List<int[]> opInputs = new ArrayList<>();

    StepGraphCompiler(ComputationGraph net, int features, Kernels kernels) {
        if (features < 1) throw new IllegalArgumentException("features must be positive: " + features);
        this.net = net;
        this.conf = net.getConfiguration();
        this.features = features;
        this.kernels = kernels;
    }

    StepGraph compile() {
        List<String> inputs = conf.getNetworkInputs();
        require(inputs.size() == 1, "networks with " + inputs.size() + " inputs");
        slotOf.put(inputs.get(0), 0);
        slotWidths.add(features);
        int[] order = net.topologicalSortOrder();
        for (int index : order) {
            String name = net.getVertices()[index].getVertexName();
            if (!slotOf.containsKey(name)) vertex(name, conf.getVertices().get(name));
        }
        List<String> outputs = conf.getNetworkOutputs();
        int[] outputSlots = new int[outputs.size()];
        for (int o = 0; o < outputSlots.length; o++) outputSlots[o] = slotOf.get(outputs.get(o));
        return new StepGraph(features, ops, opInputs, outputSlots, kernels.name());
    }

    private void vertex(String name, GraphVertex v) {
        List<String> in = conf.getVertexInputs().get(name);
        int[] slots = in.stream().mapToInt(slotOf::get).toArray();
        if (v instanceof SubsetVertex s) { // IndexSubsetVertex too: it only differs in the backward pass
            requireOneInput(name, slots);
            require(s.getFrom() >= 0 && s.getTo() >= s.getFrom() && s.getTo() < width(slots[0]),
                    name + ": subset " + s.getFrom() + ".." + s.getTo() + " of " + width(slots[0]) + " features");
            add(name, new SliceStep(s.getFrom(), s.getTo() - s.getFrom() + 1), slots);
        } else if (v instanceof MergeVertex m) {
            require(m.getMergeAxis() == 1, name + ": merge along axis " + m.getMergeAxis());
            int width = 0;
            for (int s : slots) width += width(s);
            if (slots.length == 1) alias(name, slots[0]);
            else add(name, new ConcatStep(width), slots);
        } else if (v instanceof LastTimeStepVertex) {
            requireOneInput(name, slots);
            alias(name, slots[0]);
        } else if (v instanceof LayerVertex lv) {
            requireOneInput(name, slots);
            InputPreProcessor pre = lv.getPreProcessor();
            require(pre == null || pre instanceof RnnToFeedForwardPreProcessor || pre instanceof FeedForwardToRnnPreProcessor,
                    name + ": input preprocessor " + (pre == null ? "" : pre.getClass().getSimpleName()));
            layer(name, net.getLayer(name), slots[0]);
        } else {
            throw new UnsupportedOperationException(name + ": vertex " + (v == null ? "null" : v.getClass().getSimpleName()));
        }
    }

    private void layer(String name, Layer layer, int in) {
        org.deeplearning4j.nn.conf.layers.Layer c = layer.conf().getLayer();
        int width = width(in);
        if (c instanceof BaseLayer b) require(b.getWeightNoise() == null, name + ": weight noise");
        if (c instanceof LSTM || c instanceof FusedLstm) {
            LstmWeights w;
            try {
                w = LstmWeights.of(layer);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedOperationException(name + ": " + e.getMessage());
            }
            require(w.nIn() == width, name + ": LSTM takes " + w.nIn() + " inputs, gets " + width);
            add(name, new LstmStep(new LstmLayerStep(w, kernels)), in);
        } else if (c instanceof EmbeddingSequenceLayer e) {
            require(width == 1, name + ": embedding of " + width + " indices per step");
            INDArray w = layer.paramTable().get("W");
            INDArray b = e.isHasBias() ? layer.paramTable().get("b") : null;
            add(name, new EmbeddingStep((int) w.size(0), (int) w.size(1), NdFloats.read(w), b == null ? null : NdFloats.read(b),
                    activation(name, e.getActivationFn())), in);
        } else if (c instanceof DenseLayer || c instanceof OutputLayer || c instanceof RnnOutputLayer) {
            DenseHead d;
            try {
                d = DenseHead.of(layer, kernels);
            } catch (IllegalArgumentException e) {
                throw new UnsupportedOperationException(name + ": " + e.getMessage());
            }
            require(d.nIn() == width, name + ": dense layer takes " + d.nIn() + " inputs, gets " + width);
            add(name, new DenseStep(d), in);
        } else if (c instanceof BatchNormalization) {
            BatchNormStep bn = BatchNormStep.of(layer);
            require(bn.width() == width, name + ": batch norm over " + bn.width() + " features, gets " + width);
            add(name, bn, in);
        } else if (c instanceof ActivationLayer a) {
            add(name, new ActivationStep(activation(name, a.getActivationFn()), width), in);
        } else if (c instanceof DropoutLayer) {
            alias(name, in); // dropout only acts while training
        } else {
            throw new UnsupportedOperationException(name + ": layer " + c.getClass().getSimpleName());
        }
    }

    private static StepActivation activation(String name, IActivation a) {
        return StepActivation.of(a).orElseThrow(() -> new UnsupportedOperationException(name + ": activation " + a));
    }

    private void add(String name, StepOp op, int... inputSlots) {
        ops.add(op);
        opInputs.add(inputSlots);
        slotOf.put(name, slotWidths.size());
        slotWidths.add(op.width());
    }

    private void alias(String name, int slot) {
        slotOf.put(name, slot);
    }

    private int width(int slot) {
        return slotWidths.get(slot);
    }

    private static void requireOneInput(String name, int[] slots) {
        require(slots.length == 1, name + ": " + slots.length + " inputs");
    }

    private static void require(boolean ok, String unsupported) {
        if (!ok) throw new UnsupportedOperationException(unsupported);
    }
}
