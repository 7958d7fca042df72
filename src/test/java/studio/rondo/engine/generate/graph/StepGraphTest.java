package studio.rondo.engine.generate.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.SimpleRnn;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.lstm.NdFloats;
import studio.rondo.engine.lstm.Kernels;
import studio.rondo.engine.model.IndexSubsetVertex;
import org.deeplearning4j.nn.conf.graph.SubsetVertex;

/**
 * The graph stepper on the layer options no preset uses (stored variance instead of log std, a
 * biased tanh embedding, tanh / sigmoid / bias-free ReLU dense layers, several outputs fed from
 * different depths) still matches DL4J, and names what it cannot step.
 */
class StepGraphTest {
    private static final int FEATURES = 6, INDICES = 10, T = 20;

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    @Test
    void stepsLikeRnnTimeStepThroughEveryOtherSupportedLayerOption() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(2).dataType(DataType.FLOAT).graphBuilder()
                .addInputs("in").setInputTypes(InputType.recurrent(FEATURES))
                .addVertex("index", new IndexSubsetVertex(0, 0), "in")
                .addLayer("embedding", new EmbeddingSequenceLayer.Builder().nIn(INDICES).nOut(4).hasBias(true)
                        .activation(Activation.TANH).inferInputLength(true).outputDataFormat(RNNFormat.NCW).build(), "index")
                .addVertex("reals", new SubsetVertex(1, FEATURES - 1), "in")
                .addVertex("joined", new MergeVertex(), "embedding", "reals")
                .addLayer("lstm", new LSTM.Builder().nOut(8).activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID).build(), "joined")
                .addVertex("last", new LastTimeStepVertex("in"), "lstm")
                .addLayer("norm", new BatchNormalization.Builder().useLogStd(false).eps(1e-3).build(), "last")
                .addLayer("tanh", new DenseLayer.Builder().nOut(7).activation(Activation.TANH).build(), "norm")
                .addLayer("sigmoid", new ActivationLayer.Builder().activation(Activation.SIGMOID).build(), "tanh")
                .addLayer("relu", new DenseLayer.Builder().nOut(5).activation(Activation.RELU).hasBias(false).build(), "sigmoid")
                .addLayer("value", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(3).activation(Activation.IDENTITY).build(), "relu")
                .addLayer("class", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build(), "norm")
                .setOutputs("value", "class").build();
        // Shape inference takes the embedding's nIn from its input width (1); it is the number of indices.
        ((EmbeddingSequenceLayer) ((org.deeplearning4j.nn.conf.graph.LayerVertex) conf.getVertices().get("embedding"))
                .getLayerConf().getLayer()).setNIn(INDICES);
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        Perturb.params(net, 5);
        assertTrue(net.getLayer("norm").paramTable().containsKey("var"), "stores the variance");

        Random r = new Random(9);
        float[][] steps = new float[T][FEATURES];
        for (float[] s : steps) {
            s[0] = r.nextInt(INDICES);
            for (int f = 1; f < FEATURES; f++) s[f] = (float) r.nextGaussian();
        }
        List<Kernels> kernels = new ArrayList<>(List.of(Kernels.scalar()));
        Kernels.vector().ifPresent(kernels::add);
        for (Kernels k : kernels) {
            StepGraph g = StepGraph.compile(net, FEATURES, k);
            assertEquals(2, g.outputCount());
            net.rnnClearPreviousState();
            for (int t = 0; t < T; t++) {
                INDArray[] ref = net.rnnTimeStep(NdFloats.create(steps[t], 1, FEATURES, 1));
                float[][] out = g.step(steps[t]);
                for (int o = 0; o < ref.length; o++) {
                    double d = Perturb.worstRelative(ref[o].toFloatVector(), out[o]);
                    assertTrue(d < 1e-4, k.name() + " step " + t + " output " + o + ": " + d + "\n"
                            + Arrays.toString(ref[o].toFloatVector()) + "\n" + Arrays.toString(out[o]));
                }
            }
        }
    }

    @Test
    void namesTheVertexItCannotStep() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).graphBuilder()
                .addInputs("in").setInputTypes(InputType.recurrent(FEATURES))
                .addLayer("simple_rnn", new SimpleRnn.Builder().nOut(8).activation(Activation.TANH).build(), "in")
                .addVertex("last", new LastTimeStepVertex("in"), "simple_rnn")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(4).activation(Activation.SOFTMAX).build(), "last")
                .setOutputs("out").build();
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> StepGraph.compile(net, FEATURES, Kernels.scalar()));
        assertTrue(e.getMessage().contains("simple_rnn"), e.getMessage());
        assertTrue(StepGraph.of(net, FEATURES, Kernels.scalar()).isEmpty());
    }
}
