package studio.rondo.engine.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;

/**
 * What a preset uses to add its layers to the graph: LSTM stacks from the run's {@link LstmFactory},
 * dense and dropout layers, the last-step cut. Layer names are stable, so saved models stay readable.
 */
public final class NetworkBuilder {
    /** The one input vertex of every network. */
    public static final String INPUT = "in";
    private static final String LAST = "last";

    private final ComputationGraphConfiguration.GraphBuilder graph;
    private final LstmFactory lstm;
    private final Hyperparameters hp;
    private final int oneHotPrefix;

    NetworkBuilder(ComputationGraphConfiguration.GraphBuilder graph, LstmFactory lstm, Hyperparameters hp, int oneHotPrefix) {
        this.graph = graph;
        this.lstm = lstm;
        this.hp = hp;
        this.oneHotPrefix = oneHotPrefix;
    }

    /** The graph, for layers and vertices a preset adds itself. */
    public ComputationGraphConfiguration.GraphBuilder graph() {
        return graph;
    }

    public LstmFactory lstm() {
        return lstm;
    }

    /** LSTM layers lstm_1..n; dropout between layers (PyTorch's LSTM(dropout=p) semantics). */
    public String stack(String input, int nIn, int hidden, int layers) {
        String in = input;
        int width = nIn;
        for (int i = 1; i <= layers; i++) {
            String name = "lstm_" + i;
            Layer layer = i == 1 && in.equals(INPUT) ? lstm.inputLstm(width, hidden, oneHotPrefix)
                    : lstm.lstm(width, hidden, i > 1 ? hp.dropout() : 0);
            graph.addLayer(name, layer, in);
            in = name;
            width = hidden;
        }
        return in;
    }

    /** The last time step of {@code rnn}, or the whole sequence when every step has a target. */
    public String lastStep(String rnn) {
        if (hp.everyStep()) return rnn;
        graph.addVertex(LAST, new LastTimeStepVertex(INPUT), rnn);
        return LAST;
    }

    /** A dense ReLU layer with dropout (given as the probability to drop). */
    public String dense(String name, String in, int width, double dropout) {
        DenseLayer.Builder d = new DenseLayer.Builder().nOut(width).activation(Activation.RELU);
        if (dropout > 0) d.dropOut(1.0 - dropout); // DL4J: keep probability
        graph.addLayer(name, d.build(), in);
        return name;
    }

    /** A dropout layer (probability to drop), or {@code in} itself when there is none. */
    public String dropout(String name, String in, double dropout) {
        if (dropout <= 0) return in;
        graph.addLayer(name, new DropoutLayer.Builder(1.0 - dropout).build(), in); // keep probability
        return name;
    }
}
