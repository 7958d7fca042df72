package studio.rondo.engine.lstm;

import studio.rondo.engine.lstm.NdFloats;
import java.util.Random;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Twin networks for the equivalence tests: the same stack with DL4J's LSTM or with FusedLstm. */
final class Nets {
    static final int HOT = 6;

    private Nets() {
    }

    static Layer lstm(boolean fused, int nIn, int nOut, int oneHot, double dropout) {
        if (fused) {
            FusedLstm.Builder b = new FusedLstm.Builder().nIn(nIn).nOut(nOut).oneHotInputs(oneHot);
            if (dropout > 0) b.dropOut(dropout);
            return b.build();
        }
        LSTM.Builder b = new LSTM.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH);
        if (dropout > 0) b.dropOut(dropout);
        return b.build();
    }

    /** nIn -> LSTM(h) x layers -> softmax over nOut per step. */
    static MultiLayerNetwork network(boolean fused, int nIn, int h, int layers, int nOut, int tbptt) {
        NeuralNetConfiguration.ListBuilder lb = new NeuralNetConfiguration.Builder()
                .seed(7).dataType(DataType.FLOAT).updater(new Adam(1e-2)).list();
        for (int i = 0; i < layers; i++) lb.layer(lstm(fused, i == 0 ? nIn : h, h, i == 0 ? HOT : 0, 0));
        lb.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).nIn(h).nOut(nOut).build());
        if (tbptt > 0) lb.backpropType(BackpropType.TruncatedBPTT).tBPTTForwardLength(tbptt).tBPTTBackwardLength(tbptt);
        MultiLayerNetwork net = new MultiLayerNetwork(lb.build());
        net.init();
        return net;
    }

    /** [B, nIn, T]: a one-hot block of HOT columns then Gaussian reals. */
    static INDArray features(Random rnd, int b, int nIn, int t) {
        float[] data = new float[b * nIn * t];
        for (int e = 0; e < b; e++)
            for (int s = 0; s < t; s++) {
                data[(e * nIn + rnd.nextInt(HOT)) * t + s] = 1f;
                for (int i = HOT; i < nIn; i++) data[(e * nIn + i) * t + s] = (float) rnd.nextGaussian();
            }
        return Nd4j.create(data, new long[] {b, nIn, t}, 'c');
    }

    static INDArray labels(Random rnd, int b, int nOut, int t) {
        INDArray l = Nd4j.zeros(DataType.FLOAT, b, nOut, t);
        for (int e = 0; e < b; e++)
            for (int s = 0; s < t; s++) l.putScalar(new long[] {e, rnd.nextInt(nOut), s}, 1f);
        return l;
    }

    /** Largest |a-b| / (|a|+|b|+floor) over the two arrays. */
    static double relativeError(INDArray a, INDArray b, double floor) {
        float[] x = NdFloats.read(a), y = NdFloats.read(b);
        if (x.length != y.length) throw new AssertionError("lengths " + x.length + " vs " + y.length);
        double worst = 0;
        for (int i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]) / (Math.abs(x[i]) + Math.abs(y[i]) + floor));
        return worst;
    }
}
