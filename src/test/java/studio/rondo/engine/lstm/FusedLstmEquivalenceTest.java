package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import studio.rondo.engine.EngineRuntime;

/** Same weights in DL4J's LSTM and in FusedLstm give the same outputs, gradients, updates and generation steps. */
class FusedLstmEquivalenceTest {
    private static final int N_IN = 9, H = 12, N_OUT = 5, B = 4, T = 7;

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    private static MultiLayerNetwork[] twins(int layers, int tbptt) {
        MultiLayerNetwork stock = Nets.network(false, N_IN, H, layers, N_OUT, tbptt);
        MultiLayerNetwork fused = Nets.network(true, N_IN, H, layers, N_OUT, tbptt);
        assertEquals(stock.numParams(), fused.numParams());
        fused.setParams(stock.params().dup()); // same flat layout: a plain copy
        return new MultiLayerNetwork[] {stock, fused};
    }

    @Test
    void parameterLayoutAndInitMatchDl4j() {
        MultiLayerNetwork[] n = twins(1, 0);
        Map<String, INDArray> s = n[0].getLayer(0).paramTable(), f = n[1].getLayer(0).paramTable();
        assertEquals(s.keySet(), f.keySet());
        for (String k : s.keySet()) assertArrayEquals(s.get(k).shape(), f.get(k).shape(), k);
        // own initialisation: forget-gate block of the bias 1.0, the rest 0, like DL4J
        INDArray fresh = Nets.network(true, N_IN, H, 1, N_OUT, 0).getLayer(0).paramTable().get("b");
        assertEquals(s.get("b"), Nets.network(false, N_IN, H, 1, N_OUT, 0).getLayer(0).paramTable().get("b"));
        assertEquals(Nets.network(false, N_IN, H, 1, N_OUT, 0).getLayer(0).paramTable().get("b"), fresh);
    }

    @Test
    void sameOutputsOneAndTwoLayers() {
        for (int layers = 1; layers <= 2; layers++) {
            MultiLayerNetwork[] n = twins(layers, 0);
            INDArray x = Nets.features(new Random(layers), B, N_IN, T);
            double err = Nets.relativeError(n[0].output(x), n[1].output(x), 1e-6);
            assertTrue(err < 1e-5, layers + " layers: output relative error " + err);
            assertEquals(T, n[1].output(x).size(2));
        }
    }

    @Test
    void sameGradientsOneAndTwoLayers() {
        for (int layers = 1; layers <= 2; layers++) {
            MultiLayerNetwork[] n = twins(layers, 0);
            Random rnd = new Random(10 + layers);
            INDArray x = Nets.features(rnd, B, N_IN, T), y = Nets.labels(rnd, B, N_OUT, T);
            assertGradientsEqual(n, x, y, null, layers + " layers");
        }
    }

    @Test
    void sameOutputsAndGradientsInNwcFormat() {
        MultiLayerNetwork[] n = new MultiLayerNetwork[2];
        for (int i = 0; i < 2; i++) {
            org.deeplearning4j.nn.conf.layers.Layer lstm = i == 1
                    ? new FusedLstm.Builder().nIn(N_IN).nOut(H).dataFormat(org.deeplearning4j.nn.conf.RNNFormat.NWC).build()
                    : new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nIn(N_IN).nOut(H).activation(org.nd4j.linalg.activations.Activation.TANH)
                            .dataFormat(org.deeplearning4j.nn.conf.RNNFormat.NWC).build();
            n[i] = new MultiLayerNetwork(new org.deeplearning4j.nn.conf.NeuralNetConfiguration.Builder().seed(4)
                    .dataType(org.nd4j.linalg.api.buffer.DataType.FLOAT).list()
                    .layer(lstm)
                    .layer(new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction.MCXENT)
                            .activation(org.nd4j.linalg.activations.Activation.SOFTMAX).nIn(H).nOut(N_OUT)
                            .dataFormat(org.deeplearning4j.nn.conf.RNNFormat.NWC).build())
                    .build());
            n[i].init();
        }
        n[1].setParams(n[0].params().dup());
        Random rnd = new Random(50);
        INDArray x = Nets.features(rnd, B, N_IN, T).permute(0, 2, 1).dup(), y = Nets.labels(rnd, B, N_OUT, T).permute(0, 2, 1).dup();
        INDArray out = n[1].output(x);
        assertArrayEquals(new long[] {B, T, N_OUT}, out.shape());
        assertTrue(Nets.relativeError(n[0].output(x), out, 1e-6) < 1e-5);
        assertGradientsEqual(n, x, y, null, "NWC");
    }

    @Test
    void sameGradientsWithVariableLengthMasks() {
        MultiLayerNetwork[] n = twins(2, 0);
        Random rnd = new Random(21);
        INDArray x = Nets.features(rnd, B, N_IN, T), y = Nets.labels(rnd, B, N_OUT, T);
        INDArray mask = org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, B, T);
        for (int t = 4; t < T; t++) mask.putScalar(1, t, 0); // example 1 is 4 steps long
        for (int t = 2; t < T; t++) mask.putScalar(3, t, 0); // example 3 is 2 steps long
        assertGradientsEqual(n, x, y, mask, "masked");
    }

    private static void assertGradientsEqual(MultiLayerNetwork[] n, INDArray x, INDArray y, INDArray mask, String what) {
        Gradient[] g = new Gradient[2];
        double[] score = new double[2];
        for (int i = 0; i < 2; i++) {
            n[i].setInput(x);
            n[i].setLabels(y);
            n[i].setLayerMaskArrays(mask, mask);
            n[i].computeGradientAndScore();
            g[i] = n[i].gradient();
            score[i] = n[i].score();
        }
        assertEquals(score[0], score[1], 1e-5 * Math.abs(score[0]), what + ": score");
        for (String key : g[0].gradientForVariable().keySet()) {
            double err = Nets.relativeError(g[0].getGradientFor(key), g[1].getGradientFor(key), 1e-4);
            assertTrue(err < 1e-3, what + ": gradient " + key + " relative error " + err);
        }
        double flat = Nets.relativeError(n[0].getFlattenedGradients(), n[1].getFlattenedGradients(), 1e-4);
        assertTrue(flat < 1e-3, what + ": flattened gradient relative error " + flat);
    }

    @Test
    void sameParametersAfterAdamStepsAndTruncatedBptt() {
        for (int tbptt : new int[] {0, 3}) {
            MultiLayerNetwork[] n = twins(2, tbptt);
            Random rnd = new Random(30 + tbptt);
            DataSet ds = new DataSet(Nets.features(rnd, B, N_IN, T), Nets.labels(rnd, B, N_OUT, T));
            for (int it = 0; it < 3; it++) {
                n[0].fit(ds);
                n[1].fit(ds);
            }
            double err = Nets.relativeError(n[0].params(), n[1].params(), 1e-3);
            assertTrue(err < 1e-3, "tbptt " + tbptt + ": parameter relative error after 3 Adam steps " + err);
            assertTrue(Nets.relativeError(n[0].params(), twins(2, tbptt)[0].params(), 1e-3) > 1e-3, "the nets did learn");
        }
    }

    @Test
    void sameRnnTimeStepOutputsAndState() {
        MultiLayerNetwork[] n = twins(2, 0);
        INDArray x = Nets.features(new Random(40), 2, N_IN, T);
        for (int t = 0; t < T; t++) {
            INDArray step = x.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(t)); // rank 2 [B, nIn]
            INDArray a = n[0].rnnTimeStep(step), b = n[1].rnnTimeStep(step);
            assertArrayEquals(a.shape(), b.shape());
            assertTrue(Nets.relativeError(a, b, 1e-6) < 1e-5, "step " + t);
        }
        // stepping equals the whole-sequence output at the last step
        INDArray whole = n[1].output(x);
        n[1].rnnClearPreviousState();
        INDArray stepped = n[1].rnnTimeStep(x);
        assertTrue(Nets.relativeError(whole, stepped, 1e-6) < 1e-6);
        assertEquals(n[0].rnnGetPreviousState(0).keySet(), n[1].rnnGetPreviousState(0).keySet());
    }
}
