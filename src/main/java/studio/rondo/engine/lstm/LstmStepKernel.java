package studio.rondo.engine.lstm;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Batch-1 generation: steps a stack of LSTM layers ({@link LstmLayerStep} each) one time step at a
 * time over their own h and c, without ND4J (an rnnTimeStep call costs ~0.8 ms of dispatch; this ~20 µs for 1x128). Input entries
 * that are zero are skipped, so a one-hot input is a row lookup. Uses the Vector API kernels when the
 * module is present; {@link #scalar} forces the plain Java path. Not thread-safe: one per generator.
 *
 * <pre>{@code
 * LstmStepKernel k = LstmStepKernel.of(net);     // weights snapshot of the network's LSTM layers
 * float[] h = k.step(x);                          // top layer's h, valid until the next step
 * k.reset();                                      // zero state for a new piece
 * }</pre>
 */
public final class LstmStepKernel {
    private final List<LstmWeights> layers;
    private final List<LstmLayerStep> steps;
    private final Kernels k;

    public LstmStepKernel(List<LstmWeights> layers, Kernels kernels) {
        if (layers.isEmpty()) throw new IllegalArgumentException("no LSTM layers");
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).nIn() != layers.get(i - 1).hidden())
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).nIn() + " inputs, layer below has "
                        + layers.get(i - 1).hidden() + " units");
        }
        this.layers = List.copyOf(layers);
        this.k = kernels;
        List<LstmLayerStep> s = new ArrayList<>();
        for (LstmWeights l : layers) s.add(new LstmLayerStep(l, kernels));
        steps = List.copyOf(s);
    }

    /** The LSTM layers of {@code net}, bottom to top (stock LSTM or FusedLstm), with the fastest kernels. */
    public static LstmStepKernel of(MultiLayerNetwork net) {
        return new LstmStepKernel(lstmWeights(net.getLayers()), Kernels.best());
    }

    /** As {@link #of(MultiLayerNetwork)}, for a graph whose LSTM layers form one chain (topological order). */
    public static LstmStepKernel of(ComputationGraph graph) {
        return new LstmStepKernel(lstmWeights(graph.getLayers()), Kernels.best());
    }

    /** The same weights on the plain Java path (for comparison, or where the Vector API is unwanted). */
    public LstmStepKernel scalar() {
        return new LstmStepKernel(layers, Kernels.scalar());
    }

    /** The same weights on the Vector API path, if the module is present. */
    public java.util.Optional<LstmStepKernel> vector() {
        return Kernels.vector().map(v -> new LstmStepKernel(layers, v));
    }

    static List<LstmWeights> lstmWeights(Layer[] all) {
        List<LstmWeights> out = new ArrayList<>();
        for (Layer l : all) if (LstmWeights.isLstm(l)) out.add(LstmWeights.of(l));
        return out;
    }

    /** One time step. {@code x} has the bottom layer's nIn entries; returns the top h (internal array). */
    public float[] step(float[] x) {
        if (x.length != layers.get(0).nIn()) throw new IllegalArgumentException("input has " + x.length + " entries, expected " + layers.get(0).nIn());
        float[] in = x;
        for (LstmLayerStep s : steps) in = s.step(in, 0);
        return in;
    }

    /** Zero state, as after rnnClearPreviousState(). */
    public void reset() {
        for (LstmLayerStep s : steps) s.reset();
    }

    /** Copy of layer {@code i}'s cell state. */
    public float[] cell(int i) {
        return steps.get(i).cell();
    }

    public int layerCount() {
        return layers.size();
    }

    public String kernelName() {
        return k.name();
    }
}
