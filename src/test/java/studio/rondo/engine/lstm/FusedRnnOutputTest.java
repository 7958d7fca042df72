package studio.rondo.engine.lstm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;
import studio.rondo.engine.EngineRuntime;
import studio.rondo.engine.model.LossMsePositivePressure;

/** The fused every-step head trains exactly like DL4J's RnnOutputLayer: same score, gradients and updates. */
class FusedRnnOutputTest {
    private static final int N_IN = 9, H = 16, B = 5, T = 7, CLASSES = 12;

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    private record HeadSpec(String name, ILossFunction loss, Activation activation, int size) {
        boolean categorical() {
            return activation == Activation.SOFTMAX;
        }
    }

    private static final List<HeadSpec> PIANO_HEADS = List.of(
            new HeadSpec("pitch", new LossMCXENT(), Activation.SOFTMAX, CLASSES),
            new HeadSpec("step", new LossMSE(), Activation.IDENTITY, 1),
            new HeadSpec("duration", new LossL1(), Activation.IDENTITY, 2));

    /** input -> LSTM (DL4J's or fused) -> the heads, each DL4J's RnnOutputLayer or the fused one. */
    private static ComputationGraph network(boolean fusedLstm, boolean fusedHeads, List<HeadSpec> heads) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(11).dataType(DataType.FLOAT).updater(new Adam(1e-2)).graphBuilder()
                .addInputs("in").setInputTypes(InputType.recurrent(N_IN))
                .addLayer("lstm", Nets.lstm(fusedLstm, N_IN, H, Nets.HOT, 0), "in");
        String[] outs = new String[heads.size()];
        for (int i = 0; i < heads.size(); i++) {
            HeadSpec h = heads.get(i);
            RnnOutputLayer stock = new RnnOutputLayer.Builder(h.loss()).nOut(h.size()).activation(h.activation())
                    .dataFormat(RNNFormat.NCW).build();
            Layer layer = fusedHeads ? FusedRnnOutput.of(stock) : stock;
            g.addLayer(h.name(), layer, "lstm");
            outs[i] = h.name();
        }
        ComputationGraph net = new ComputationGraph(g.setOutputs(outs).build());
        net.init();
        return net;
    }

    private static ComputationGraph[] twins(boolean fusedLstm, List<HeadSpec> heads) {
        ComputationGraph stock = network(fusedLstm, false, heads), fused = network(fusedLstm, true, heads);
        assertEquals(stock.numParams(), fused.numParams());
        fused.setParams(stock.params().dup());
        return new ComputationGraph[] {stock, fused};
    }

    private static MultiDataSet data(long seed, List<HeadSpec> heads) {
        Random rnd = new Random(seed);
        INDArray[] labels = new INDArray[heads.size()];
        for (int i = 0; i < heads.size(); i++) {
            HeadSpec h = heads.get(i);
            if (h.categorical()) {
                labels[i] = Nets.labels(rnd, B, h.size(), T);
            } else {
                float[] v = new float[B * h.size() * T];
                for (int j = 0; j < v.length; j++) v[j] = (float) rnd.nextGaussian();
                labels[i] = Nd4j.create(v, new long[] {B, h.size(), T}, 'c');
            }
        }
        return new MultiDataSet(new INDArray[] {Nets.features(rnd, B, N_IN, T)}, labels);
    }

    private static void assertSameScoreAndGradient(ComputationGraph[] n, MultiDataSet d, boolean fusedPass, String what) {
        for (ComputationGraph net : n) {
            net.setInputs(d.getFeatures());
            net.setLabels(d.getLabels());
            net.computeGradientAndScore();
        }
        for (String head : new String[] {"pitch", "step"})
            assertEquals(fusedPass, ((FusedRnnOutputLayer) n[1].getLayer(head)).lastPassFused(), what + ": " + head + " ran fused");
        double s0 = n[0].score(), s1 = n[1].score();
        assertTrue(Math.abs(s0 - s1) <= 1e-5 * Math.abs(s0), what + ": score " + s0 + " vs " + s1);
        double err = Nets.relativeError(n[0].gradient().gradient(), n[1].gradient().gradient(), 1e-6);
        assertTrue(err < 2e-4, what + ": gradient relative error " + err);
    }

    @Test
    void fusedHeadsGiveDl4jsScoreAndGradientsOverEitherLstm() {
        for (boolean fusedLstm : new boolean[] {false, true}) {
            ComputationGraph[] n = twins(fusedLstm, PIANO_HEADS);
            assertInstanceOf(FusedRnnOutputLayer.class, n[1].getLayer("pitch"));
            assertSameScoreAndGradient(n, data(3, PIANO_HEADS), true, (fusedLstm ? "fused" : "DL4J") + " LSTM");
        }
    }

    @Test
    void weightedCrossEntropyAndPositivePressureMatchToo() {
        List<HeadSpec> heads = List.of(
                new HeadSpec("pitch", new LossMCXENT(Nd4j.valueArrayOf(new long[] {1, CLASSES}, 0.05, DataType.FLOAT)),
                        Activation.SOFTMAX, CLASSES),
                new HeadSpec("step", new LossMsePositivePressure(), Activation.IDENTITY, 1));
        ComputationGraph[] n = twins(true, heads);
        // Gaussian labels around 0: about half the predictions are pushed up by the pressure term.
        assertSameScoreAndGradient(n, data(5, heads), true, "weighted cross entropy + positive pressure");
    }

    @Test
    void trainingStepsStayTogether() {
        ComputationGraph[] n = twins(true, PIANO_HEADS);
        for (int i = 0; i < 4; i++) {
            MultiDataSet d = data(100 + i, PIANO_HEADS);
            n[0].fit(d);
            n[1].fit(d);
        }
        double err = Nets.relativeError(n[0].params(), n[1].params(), 1e-4);
        assertTrue(err < 1e-4, "parameters after 4 Adam steps: relative error " + err);
        assertEquals(n[0].score(), n[1].score(), 1e-4 * Math.abs(n[0].score()));
    }

    @Test
    void aMaskedBatchFallsBackToDl4jAndStillMatches() {
        ComputationGraph[] n = twins(true, PIANO_HEADS);
        MultiDataSet d = data(9, PIANO_HEADS);
        INDArray mask = Nd4j.ones(DataType.FLOAT, B, T);
        mask.putScalar(new long[] {0, T - 1}, 0);
        INDArray[] masks = new INDArray[PIANO_HEADS.size()];
        java.util.Arrays.fill(masks, mask);
        for (ComputationGraph net : n) net.setLayerMaskArrays(null, masks);
        assertSameScoreAndGradient(n, d, false, "masked labels");
        for (ComputationGraph net : n) net.clearLayerMaskArrays();
    }

    @Test
    void savedAndLoadedKeepsTheFusedHeadAndItsOutputs(@TempDir Path dir) throws Exception {
        ComputationGraph net = network(true, true, PIANO_HEADS);
        File file = dir.resolve("m.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        ComputationGraph back = ModelSerializer.restoreComputationGraph(file, true);
        assertInstanceOf(FusedRnnOutput.class, back.getLayer("pitch").conf().getLayer());
        assertTrue(Files.size(file.toPath()) > 0);
        INDArray x = data(1, PIANO_HEADS).getFeatures(0);
        assertEquals(net.output(x)[0], back.output(x)[0]);
        assertEquals(net.getConfiguration(), back.getConfiguration());
    }
}
