package studio.rondo.engine.model;

import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Makes the configuration of one LSTM layer. Every LSTM of every preset is built through this, so
 * a faster implementation (the fused layer of package engine.lstm) can replace DL4J's own in one
 * place. Implementations must keep the recurrent-layer contract of DL4J: input and output
 * [batch, features, time] (NCW), full sequence out, {@code rnnTimeStep} support.
 */
@FunctionalInterface
public interface LstmFactory {
    /**
     * @param nIn     input features per step
     * @param nOut    units (hidden size)
     * @param dropout probability to drop each input feature while training (0 = none)
     */
    Layer lstm(int nIn, int nOut, double dropout);

    /**
     * The first LSTM, fed straight by the network input: nothing below it needs the input gradient,
     * and the first {@code oneHotInputs} features are one-hot (0 = none), which an implementation
     * may use (a row gather instead of a matrix product). DL4J's LSTM ignores both.
     */
    default Layer inputLstm(int nIn, int nOut, int oneHotInputs) {
        return lstm(nIn, nOut, 0);
    }

    /**
     * An output head with a target at every step ([batch, nOut, time], NCW): DL4J's RnnOutputLayer, or an
     * implementation with the same parameters, loss and score that trains faster.
     */
    default Layer sequenceHead(ILossFunction loss, int nOut, IActivation activation) {
        return new RnnOutputLayer.Builder(loss).nOut(nOut).activation(activation).dataFormat(RNNFormat.NCW).build();
    }
}
