package studio.rondo.bench;

import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import studio.rondo.engine.lstm.FusedLstm;

/**
 * The reference model of the LSTM benchmarks: one-hot pitch (128) + 2 reals in, LSTM
 * stack, heads on the last step: pitch softmax 128 + step and duration regressions (MSE), Adam; random
 * data of that shape. The same model as ../shared/bench/pytorch-reference --model psd.
 */
final class LstmBenchModels {
    static final int PITCHES = 128;
    static final int N_IN = PITCHES + 2;

    private LstmBenchModels() {
    }

    static ComputationGraph reference(boolean fused, int layers, int hidden) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder().seed(42).dataType(DataType.FLOAT)
                .updater(new Adam(1e-3)).graphBuilder().addInputs("in").setInputTypes(InputType.recurrent(N_IN));
        String below = "in";
        for (int i = 0; i < layers; i++) {
            int nIn = i == 0 ? N_IN : hidden;
            Layer l = fused
                    ? new FusedLstm.Builder().nIn(nIn).nOut(hidden).oneHotInputs(i == 0 ? PITCHES : 0).inputGradient(i > 0).build()
                    : new LSTM.Builder().nIn(nIn).nOut(hidden).activation(Activation.TANH).build();
            g.addLayer("lstm" + i, l, below);
            below = "lstm" + i;
        }
        // heads on the last step, as pytorch-reference (y[:, -1]) and the pitch-step-duration preset
        g.addVertex("last", new LastTimeStepVertex("in"), below);
        g.addLayer("pitch", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(hidden).nOut(PITCHES).build(), "last")
                .addLayer("step", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(hidden).nOut(1).build(), "last")
                .addLayer("duration", new OutputLayer.Builder(LossFunctions.LossFunction.MSE).activation(Activation.IDENTITY).nIn(hidden).nOut(1).build(), "last")
                .setOutputs("pitch", "step", "duration");
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    /** One batch: features [B,130,T] (one-hot pitch + 2 reals), labels of the next note: pitch one-hot, step, duration. */
    static MultiDataSet batch(Random rnd, int batch, int steps) {
        INDArray x = Nd4j.zeros(DataType.FLOAT, batch, N_IN, steps);
        INDArray pitch = Nd4j.zeros(DataType.FLOAT, batch, PITCHES);
        INDArray step = Nd4j.rand(DataType.FLOAT, batch, 1);
        INDArray dur = Nd4j.rand(DataType.FLOAT, batch, 1);
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                x.putScalar(new long[] {b, rnd.nextInt(PITCHES), t}, 1f);
                x.putScalar(new long[] {b, PITCHES, t}, rnd.nextFloat());
                x.putScalar(new long[] {b, PITCHES + 1, t}, rnd.nextFloat());
            }
            pitch.putScalar(new long[] {b, rnd.nextInt(PITCHES)}, 1f);
        }
        return new MultiDataSet(new INDArray[] {x}, new INDArray[] {pitch, step, dur});
    }

    /**
     * Nominal flops of one window's forward, counted as PyTorch computes it: per step 2 · 4H · (nIn + H) per
     * layer (the one-hot input as a dense product, though the fused layer gathers one row), plus the heads
     * on the last step. Training is counted as 3x forward (forward, input and weight gradients).
     */
    static double forwardFlopsPerWindow(int layers, int hidden, int steps) {
        double f = 0;
        for (int i = 0; i < layers; i++) f += 2.0 * 4 * hidden * ((i == 0 ? N_IN : hidden) + hidden);
        return f * steps + 2.0 * hidden * (PITCHES + 2);
    }
}
