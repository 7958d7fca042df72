package studio.rondo.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import studio.rondo.engine.encoding.Encoding;
import studio.rondo.engine.encoding.InputLayout;
import studio.rondo.engine.encoding.StreamSpec;

/**
 * Builds the DL4J {@link ComputationGraph} of each preset (DESIGN.md's table).
 *
 * <p>Every network has one input {@value #INPUT}: the encoding's features per step as
 * {@link InputLayout} writes them ([batch, features, time]), and one output per encoding stream, in
 * stream order ({@link #heads}). With {@link Hyperparameters#everyStep()} the heads are
 * {@link RnnOutputLayer}s that predict the next step at every position of the window ([batch, size,
 * time] outputs: seqLen targets for the work of one window, as Performance RNN and char-rnn train);
 * otherwise they predict the step after the window from the last time step of the last LSTM
 * ({@link LastTimeStepVertex}), as five of the six originals did. Generation steps one time step at
 * a time, where both are the same network.
 *
 * <p>All LSTMs come from one {@link LstmFactory} (DL4J's own by default).
 */
public final class NetworkFactory {
    public static final String INPUT = "in";
    private static final String LAST = "last";

    private NetworkFactory() {
    }

    /** An initialised network for a fitted encoding, with the current LSTM factory. */
    public static ComputationGraph build(Preset preset, Encoding encoding, Hyperparameters hp, long seed) {
        ComputationGraph net = new ComputationGraph(configure(preset, encoding.streams(), hp, seed, LstmLayers.current()));
        net.init();
        return net;
    }

    /** The output heads of a preset over these streams, in output order. */
    public static List<Head> heads(Preset preset, List<StreamSpec> streams) {
        List<Head> heads = new ArrayList<>();
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            HeadLoss loss;
            double weight = 1;
            if (spec.categorical()) {
                loss = HeadLoss.CROSS_ENTROPY;
                if (preset == Preset.TF_TUTORIAL) weight = 0.05; // the tutorial's loss weights 0.05/1/1
            } else {
                loss = switch (preset) {
                    case TF_TUTORIAL -> HeadLoss.MSE_POSITIVE_PRESSURE;
                    case VELOCITY_AWARE -> spec.name().equals("velocity") ? HeadLoss.MSE : HeadLoss.L1;
                    default -> HeadLoss.MSE;
                };
            }
            heads.add(new Head("out_" + spec.name(), s, spec, loss, weight));
        }
        return heads;
    }

    public static ComputationGraphConfiguration configure(Preset preset, List<StreamSpec> streams, Hyperparameters hp,
                                                          long seed, LstmFactory lstm) {
        if (streams.isEmpty()) throw new IllegalArgumentException("the encoding has no streams (not fitted?)");
        if (hp.everyStep() && !Hyperparameters.supportsEveryStep(preset, hp))
            throw new IllegalArgumentException(preset.id() + " trains on last-step targets only with these settings (dense layers or"
                    + " batch normalisation after the LSTMs work per window here, not per step): use --targets last");
        int features = new InputLayout(streams).features();
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .optimizationAlgo(OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT)
                .weightInit(WeightInit.XAVIER)
                .updater(updater(hp));
        if (hp.gradientClip() > 0) {
            // DL4J has no global-norm clip; per-layer L2 clipping is the closest (Performance RNN: 3).
            base.gradientNormalization(GradientNormalization.ClipL2PerLayer).gradientNormalizationThreshold(hp.gradientClip());
        }
        ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.recurrent(features));
        int oneHotPrefix = streams.get(0).inputForm() == StreamSpec.InputForm.ONE_HOT ? streams.get(0).size() : 0;
        Builder b = new Builder(g, lstm, hp, oneHotPrefix);

        String top = switch (preset) {
            case TF_TUTORIAL, PITCH_STEP_DURATION, PERFORMANCE -> b.lastStep(b.stack(INPUT, features, hp.hidden(), hp.layers()), hp.hidden());
            case VELOCITY_AWARE -> velocityAware(b, streams, features, hp);
            case THREE_STREAM -> threeStream(b, streams, hp);
            case CHORD_TOKENS -> chordTokens(b, features, hp);
        };

        List<String> outputs = new ArrayList<>();
        for (Head h : heads(preset, streams)) {
            String in = top;
            if (preset == Preset.VELOCITY_AWARE && hp.dense() > 0) {
                // The original's heads: (FC + dropout + ReLU) twice, then the output.
                in = b.dense(h.name() + "_fc1", in, hp.dense(), hp.dropout());
                in = b.dense(h.name() + "_fc2", in, hp.dense(), hp.dropout());
            }
            Layer out = hp.everyStep()
                    ? new RnnOutputLayer.Builder(lossFunction(h)).nOut(h.spec().size()).activation(h.loss().activation())
                            .dataFormat(RNNFormat.NCW).build()
                    : new OutputLayer.Builder(lossFunction(h)).nOut(h.spec().size()).activation(h.loss().activation()).build();
            g.addLayer(h.name(), out, in);
            outputs.add(h.name());
        }
        g.setOutputs(outputs.toArray(String[]::new));
        ComputationGraphConfiguration conf = g.build();
        if (preset == Preset.VELOCITY_AWARE) {
            // Shape inference sets the embedding's nIn to the width of its input (1 index feature);
            // an embedding's nIn is the number of indices (128 pitches).
            var layer = (EmbeddingSequenceLayer) ((LayerVertex) conf.getVertices().get("pitch_embedding")).getLayerConf().getLayer();
            layer.setNIn(streams.get(0).size());
        }
        return conf;
    }

    /** Number of trainable parameters of a configuration (without allocating the network). */
    public static long parameterCount(ComputationGraphConfiguration conf) {
        long n = 0;
        for (GraphVertex v : conf.getVertices().values()) n += v.numParams(true);
        return n;
    }

    private static String velocityAware(Builder b, List<StreamSpec> streams, int features, Hyperparameters hp) {
        // Stream 0 is the raw pitch index: embed it (128 -> 8) and join the real features (delta, velocity).
        b.g.addVertex("pitch_index", new IndexSubsetVertex(0, 0), INPUT);
        int emb = Math.max(1, hp.embedding());
        b.g.addLayer("pitch_embedding", new EmbeddingSequenceLayer.Builder().nIn(streams.get(0).size()).nOut(emb)
                .inferInputLength(true).outputDataFormat(RNNFormat.NCW).hasBias(false).build(), "pitch_index");
        String in = "pitch_embedding";
        int width = emb;
        if (features > 1) {
            b.g.addVertex("real_features", new SubsetVertex(1, features - 1), INPUT);
            b.g.addVertex("joined", new MergeVertex(), "pitch_embedding", "real_features");
            in = "joined";
            width += features - 1;
        }
        return b.lastStep(b.stack(in, width, hp.hidden(), hp.layers()), hp.hidden());
    }

    private static String threeStream(Builder b, List<StreamSpec> streams, Hyperparameters hp) {
        // One LSTM per stream over its own one-hot block, concatenated, then the main stack.
        InputLayout layout = new InputLayout(streams);
        int branch = hp.branchHidden() > 0 ? hp.branchHidden() : hp.hidden();
        String[] branches = new String[streams.size()];
        for (int s = 0; s < streams.size(); s++) {
            StreamSpec spec = streams.get(s);
            String subset = "in_" + spec.name();
            b.g.addVertex(subset, new SubsetVertex(layout.offset(s), layout.offset(s) + spec.inputWidth() - 1), INPUT);
            branches[s] = "lstm_" + spec.name();
            b.g.addLayer(branches[s], b.lstm.lstm(spec.inputWidth(), branch, 0), subset);
        }
        b.g.addVertex("streams", new MergeVertex(), branches);
        String last = b.lastStep(b.stack("streams", branch * streams.size(), hp.hidden(), hp.layers()), hp.hidden());
        b.g.addLayer("batch_norm", new BatchNormalization.Builder().build(), last);
        return hp.dense() > 0 ? b.dense("dense", "batch_norm", hp.dense(), hp.dropout()) : "batch_norm";
    }

    private static String chordTokens(Builder b, int features, Hyperparameters hp) {
        // The Keras original: LSTMs, BatchNorm, Dropout, Dense ReLU, BatchNorm, Dropout, softmax.
        String last = b.lastStep(b.stack(INPUT, features, hp.hidden(), hp.layers()), hp.hidden());
        b.g.addLayer("batch_norm", new BatchNormalization.Builder().build(), last);
        String in = b.dropout("dropout", "batch_norm", hp.dropout());
        if (hp.dense() > 0) {
            b.g.addLayer("dense", new DenseLayer.Builder().nOut(hp.dense()).activation(Activation.RELU).build(), in);
            b.g.addLayer("batch_norm_2", new BatchNormalization.Builder().build(), "dense");
            in = b.dropout("dropout_2", "batch_norm_2", hp.dropout());
        }
        return in;
    }

    private static ILossFunction lossFunction(Head h) {
        if (h.weight() == 1) return h.loss().function();
        if (h.loss() != HeadLoss.CROSS_ENTROPY) throw new IllegalArgumentException("loss weights are only supported on cross-entropy heads");
        // Equal per-class weights scale the whole loss of this output.
        return new LossMCXENT(Nd4j.valueArrayOf(new long[]{1, h.spec().size()}, h.weight(), DataType.FLOAT));
    }

    private static IUpdater updater(Hyperparameters hp) {
        // Warm-up: the rate ramps up linearly over the first minibatches (Adam's early steps are large).
        ISchedule rate = hp.warmup() > 0 ? new WarmupSchedule(hp.learningRate(), hp.warmup()) : null;
        return switch (hp.optimizer()) {
            case ADAM -> rate == null ? new Adam(hp.learningRate()) : new Adam(rate);
            case RMSPROP -> rate == null ? new RmsProp(hp.learningRate()) : new RmsProp(rate);
        };
    }

    /** Small helpers over the graph builder; names are stable so saved models stay readable. */
    private static final class Builder {
        final ComputationGraphConfiguration.GraphBuilder g;
        final LstmFactory lstm;
        final Hyperparameters hp;
        final int oneHotPrefix;

        Builder(ComputationGraphConfiguration.GraphBuilder g, LstmFactory lstm, Hyperparameters hp, int oneHotPrefix) {
            this.g = g;
            this.lstm = lstm;
            this.hp = hp;
            this.oneHotPrefix = oneHotPrefix;
        }

        /** LSTM layers lstm_1..n; dropout between layers (PyTorch's LSTM(dropout=p) semantics). */
        String stack(String input, int nIn, int hidden, int layers) {
            String in = input;
            int width = nIn;
            for (int i = 1; i <= layers; i++) {
                String name = "lstm_" + i;
                Layer layer = i == 1 && in.equals(INPUT) ? lstm.inputLstm(width, hidden, oneHotPrefix)
                        : lstm.lstm(width, hidden, i > 1 ? hp.dropout() : 0);
                g.addLayer(name, layer, in);
                in = name;
                width = hidden;
            }
            return in;
        }

        /** The last time step of {@code rnn}, or the whole sequence when every step has a target. */
        String lastStep(String rnn, int width) {
            if (hp.everyStep()) return rnn;
            g.addVertex(LAST, new LastTimeStepVertex(INPUT), rnn);
            return LAST;
        }

        String dense(String name, String in, int width, double dropout) {
            DenseLayer.Builder d = new DenseLayer.Builder().nOut(width).activation(Activation.RELU);
            if (dropout > 0) d.dropOut(1.0 - dropout); // DL4J: keep probability
            g.addLayer(name, d.build(), in);
            return name;
        }

        String dropout(String name, String in, double dropout) {
            if (dropout <= 0) return in;
            g.addLayer(name, new DropoutLayer.Builder(1.0 - dropout).build(), in); // keep probability
            return name;
        }
    }
}
