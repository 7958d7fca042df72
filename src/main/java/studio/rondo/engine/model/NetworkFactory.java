package studio.rondo.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
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
 * Builds the DL4J {@link ComputationGraph} of a preset: the optimizer, the body the preset adds, its heads.
 *
 * <p>Every network has one input {@value #INPUT}: the encoding's features per step as
 * {@link InputLayout} writes them ([batch, features, time]), and one output per encoding stream, in
 * stream order ({@link Preset#heads}). With {@link Hyperparameters#everyStep()} the heads are
 * {@link RnnOutputLayer}s that predict the next step at every position of the window ([batch, size,
 * time] outputs: seqLen targets for the work of one window, as Performance RNN and char-rnn train);
 * otherwise they predict the step after the window from the last time step of the last LSTM
 * (a last-time-step vertex), as five of the six originals did. Generation steps one time step at
 * a time, where both are the same network.
 *
 * <p>All LSTMs come from one {@link LstmFactory} (DL4J's own by default).
 */
public final class NetworkFactory {
    public static final String INPUT = NetworkBuilder.INPUT;

    private NetworkFactory() {
    }

    /** An initialised network for a fitted encoding, with the current LSTM factory. */
    public static ComputationGraph build(Preset preset, Encoding encoding, Hyperparameters hp, long seed) {
        ComputationGraph net = new ComputationGraph(configure(preset, encoding.streams(), hp, seed, LstmLayers.current()));
        net.init();
        return net;
    }

    public static ComputationGraphConfiguration configure(Preset preset, List<StreamSpec> streams, Hyperparameters hp,
                                                          long seed, LstmFactory lstm) {
        if (streams.isEmpty()) throw new IllegalArgumentException("the encoding has no streams (not fitted?)");
        if (hp.everyStep() && !preset.supportsEveryStep(hp))
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
        NetworkBuilder b = new NetworkBuilder(g, lstm, hp, oneHotPrefix);

        String top = preset.body(b, streams, features, hp);
        List<String> outputs = new ArrayList<>();
        for (Head h : preset.heads(streams)) {
            String in = preset.headInput(b, h, top, hp);
            Layer out = hp.everyStep()
                    ? lstm.sequenceHead(lossFunction(h), h.spec().size(), h.loss().activation().getActivationFunction())
                    : new OutputLayer.Builder(lossFunction(h)).nOut(h.spec().size()).activation(h.loss().activation()).build();
            g.addLayer(h.name(), out, in);
            outputs.add(h.name());
        }
        g.setOutputs(outputs.toArray(String[]::new));
        ComputationGraphConfiguration conf = g.build();
        preset.complete(conf, streams);
        return conf;
    }

    /** Parameters of the preset's network at these sizes over its nominal streams (see {@link Preset#nominalStreams}). */
    public static long parameterCount(Preset preset, Hyperparameters hp) {
        return parameterCount(configure(preset, preset.nominalStreams(), hp, 1, LstmLayers.current()));
    }

    /** Number of trainable parameters of a configuration (without allocating the network). */
    public static long parameterCount(ComputationGraphConfiguration conf) {
        long n = 0;
        for (GraphVertex v : conf.getVertices().values()) n += v.numParams(true);
        return n;
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
}
