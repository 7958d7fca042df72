package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import studio.rondo.engine.EngineRuntime;

/** Networks containing FusedLstm survive ModelSerializer (config JSON, parameters, updater state). */
class FusedLstmSerializationTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    @Test
    void multiLayerNetworkRoundTripKeepsConfigParamsAndUpdater() throws Exception {
        MultiLayerNetwork net = Nets.network(true, 9, 12, 2, 5, 0);
        Random rnd = new Random(5);
        DataSet ds = new DataSet(Nets.features(rnd, 3, 9, 6), Nets.labels(rnd, 3, 5, 6));
        net.fit(ds); // non-trivial Adam state

        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork back = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertEquals(net.getLayerWiseConfigurations().toJson(), back.getLayerWiseConfigurations().toJson());
        FusedLstm conf = (FusedLstm) back.getLayerWiseConfigurations().getConf(0).getLayer();
        assertEquals(Nets.HOT, conf.getOneHotInputs());
        assertInstanceOf(FusedLstmLayer.class, back.getLayer(0));
        assertEquals(net.params(), back.params());
        INDArray x = Nets.features(rnd, 3, 9, 6);
        assertEquals(net.output(x), back.output(x));
        net.fit(ds);
        back.fit(ds);
        assertTrue(Nets.relativeError(net.params(), back.params(), 1e-6) < 1e-6, "same update after restore (updater state kept)");
    }

    @Test
    void computationGraphRoundTrip() throws Exception {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).graphBuilder()
                .addInputs("in")
                .addLayer("lstm1", new FusedLstm.Builder().nOut(8).oneHotInputs(Nets.HOT).inputGradient(false).build(), "in")
                .addLayer("lstm2", new FusedLstm.Builder().nOut(8).build(), "lstm1")
                .addLayer("out", new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(4).build(), "lstm2")
                .setOutputs("out")
                .setInputTypes(InputType.recurrent(9))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        Random rnd = new Random(6);
        g.fit(new DataSet(Nets.features(rnd, 2, 9, 5), Nets.labels(rnd, 2, 4, 5)));
        File file = dir.resolve("graph.zip").toFile();
        ModelSerializer.writeModel(g, file, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
        assertEquals(g.getConfiguration().toJson(), back.getConfiguration().toJson());
        assertEquals(9, ((FusedLstm) back.getLayer("lstm1").conf().getLayer()).getNIn(), "nIn inferred from the input type");
        INDArray x = Nets.features(rnd, 2, 9, 5);
        assertEquals(g.outputSingle(x), back.outputSingle(x));
    }

    @Test
    void inputDropoutTrainsLikeDl4jsLstmOnTheMaskedInput() {
        // The fused layer applies DL4J's inverted dropout itself (on its threads, masks from ND4J's seeded
        // generator): its training pass must be DL4J's LSTM, without dropout, on the input times its mask.
        MultiLayerNetwork[] n = new MultiLayerNetwork[2];
        for (int i = 0; i < 2; i++) {
            n[i] = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(9).dataType(DataType.FLOAT).updater(new Adam(1e-2)).list()
                    .layer(Nets.lstm(i == 1, 9, 10, Nets.HOT, i == 1 ? 0.6 : 0))
                    .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(10).nOut(5).build())
                    .build());
            n[i].init();
        }
        n[1].setParams(n[0].params().dup());
        Random rnd = new Random(8);
        int b = 4, nIn = 9, t = 6;
        INDArray x = Nets.features(rnd, b, nIn, t), y = Nets.labels(rnd, b, 5, t);
        org.nd4j.linalg.factory.Nd4j.getRandom().setSeed(1234);
        n[1].setInput(x);
        n[1].setLabels(y);
        n[1].computeGradientAndScore();
        float[] scale = ((FusedLstmLayer) n[1].getLayer(0)).lastDropoutScale(); // time-major [T][B][nIn]
        INDArray masked = x.dup();
        int dropped = 0;
        for (int e = 0; e < b; e++)
            for (int i = 0; i < nIn; i++)
                for (int s = 0; s < t; s++) {
                    float k = scale[(s * b + e) * nIn + i];
                    assertTrue(k == 0f || Math.abs(k - 1 / 0.6f) < 1e-6, "mask entries are 0 or 1/p");
                    if (k == 0f) dropped++;
                    masked.putScalar(new long[] {e, i, s}, x.getFloat(e, i, s) * k);
                }
        assertTrue(dropped > 0.2 * b * nIn * t && dropped < 0.6 * b * nIn * t, "about 40 % dropped: " + dropped);
        n[0].setInput(masked);
        n[0].setLabels(y);
        n[0].computeGradientAndScore();
        assertEquals(n[0].score(), n[1].score(), 1e-5 * n[0].score());
        assertTrue(Nets.relativeError(n[0].getFlattenedGradients(), n[1].getFlattenedGradients(), 1e-4) < 1e-3);
        // a new pass draws a new mask
        double first = n[1].score();
        n[1].computeGradientAndScore();
        assertTrue(Math.abs(n[1].score() - first) > 1e-6, "a different dropout mask gives a different score");
    }
}
