package studio.rondo.engine.lstm;

import studio.rondo.engine.lstm.NdFloats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import studio.rondo.engine.EngineRuntime;

/** The batch-1 step kernel (both paths) and the dense head reproduce DL4J's rnnTimeStep. */
class LstmStepKernelTest {
    private static final int N_IN = 9, H = 20, N_OUT = 5, T = 12;

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    @Test
    void stepsLikeRnnTimeStepForStockAndFusedNetworks() {
        for (boolean fused : new boolean[] {false, true}) {
            MultiLayerNetwork net = Nets.network(fused, N_IN, H, 2, N_OUT, 0);
            // non-trivial weights (a fresh net has tiny ones): scale up
            net.setParams(net.params().mul(3));
            LstmStepKernel best = LstmStepKernel.of(net);
            List<LstmStepKernel> kernels = new ArrayList<>(List.of(best.scalar()));
            best.vector().ifPresent(kernels::add);
            assertEquals(2, best.layerCount());
            DenseHead head = DenseHead.of(net.getLayer(2));

            INDArray x = Nets.features(new Random(fused ? 1 : 2), 1, N_IN, T);
            double worstH = 0, worstP = 0;
            for (int t = 0; t < T; t++) {
                INDArray step = x.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(t));
                INDArray probs = net.rnnTimeStep(step);
                float[] ref = NdFloats.read(net.rnnGetPreviousState(1).get(FusedLstmLayer.STATE_H));
                float[] in = NdFloats.read(step);
                for (LstmStepKernel k : kernels) {
                    float[] h = k.step(in);
                    for (int j = 0; j < H; j++) worstH = Math.max(worstH, Math.abs(h[j] - ref[j]));
                    float[] p = head.apply(h);
                    float[] pRef = NdFloats.read(probs);
                    for (int j = 0; j < N_OUT; j++) worstP = Math.max(worstP, Math.abs(p[j] - pRef[j]));
                }
            }
            assertTrue(worstH < 1e-5, (fused ? "fused" : "stock") + ": worst |h - rnnTimeStep h| " + worstH);
            assertTrue(worstP < 1e-5, (fused ? "fused" : "stock") + ": worst |p - rnnTimeStep p| " + worstP);
            // reset = rnnClearPreviousState
            for (LstmStepKernel k : kernels) {
                k.reset();
                assertEquals(0f, k.cell(0)[3]);
            }
        }
    }

    @Test
    void oneHotInputsStepLikeRnnTimeStepAndAWrongWidthIsRefused() {
        // all-but-one-zero inputs take the kernels' zero-skipping path (a row lookup): checked against DL4J
        MultiLayerNetwork net = Nets.network(true, N_IN, H, 1, N_OUT, 0);
        net.setParams(net.params().mul(3));
        LstmStepKernel a = LstmStepKernel.of(net);
        for (int t = 0; t < 5; t++) {
            float[] x = new float[N_IN];
            x[t] = 1f;
            net.rnnTimeStep(NdFloats.create(x, 1, N_IN));
            float[] ref = NdFloats.read(net.rnnGetPreviousState(0).get(FusedLstmLayer.STATE_H));
            float[] h = a.step(x);
            for (int j = 0; j < H; j++) assertEquals(ref[j], h[j], 1e-5f, "step " + t + " unit " + j);
        }
        assertThrows(IllegalArgumentException.class, () -> a.step(new float[N_IN + 1]));
    }

    @Test
    void rejectsNonLstmLayers() {
        MultiLayerNetwork net = Nets.network(true, N_IN, H, 1, N_OUT, 0);
        assertThrows(IllegalArgumentException.class, () -> LstmWeights.of(net.getLayer(1)));
        assertThrows(IllegalArgumentException.class, () -> DenseHead.of(net.getLayer(0)));
    }
}
