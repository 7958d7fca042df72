package studio.rondo.engine.model;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import studio.rondo.engine.lstm.FusedRnnOutput;
import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.nd4j.linalg.activations.Activation;
import studio.rondo.engine.lstm.FusedLstm;

/**
 * The LSTM factory in use: the fused layer where the runtime has the Vector API
 * ({@code --add-modules jdk.incubator.vector}), DL4J's stock {@link LSTM} otherwise.
 */
public final class LstmLayers {
    /** DL4J's LSTM: tanh cell, sigmoid gates, no peepholes. */
    public static final LstmFactory STOCK = (nIn, nOut, dropout) -> {
        LSTM.Builder b = new LSTM.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID);
        // DL4J's dropOut(x) takes the probability to KEEP, not to drop as Keras and PyTorch do.
        if (dropout > 0) b.dropOut(1.0 - dropout);
        return b.build();
    };

    /**
     * The studio's fused LSTM (package engine.lstm): the same parameters as DL4J's, whole-sequence
     * GEMMs instead of many small ops per step. Only faster where the Vector API is present.
     */
    public static final LstmFactory FUSED = new LstmFactory() {
        @Override
        public Layer lstm(int nIn, int nOut, double dropout) {
            FusedLstm.Builder b = new FusedLstm.Builder().nIn(nIn).nOut(nOut);
            if (dropout > 0) b.dropOut(1.0 - dropout);
            return b.build();
        }

        @Override
        public Layer inputLstm(int nIn, int nOut, int oneHotInputs) {
            // One-hot prefix as a row gather; no gradient for the network input (nothing uses it).
            return new FusedLstm.Builder().nIn(nIn).nOut(nOut).oneHotInputs(oneHotInputs).inputGradient(false).build();
        }

        @Override
        public Layer sequenceHead(ILossFunction loss, int nOut, IActivation activation) {
            // Loss, softmax and both products on the LSTM's threads (every-step heads were half of a minibatch).
            return FusedRnnOutput.of(loss, nOut, activation);
        }
    };

    private static volatile LstmFactory current = FusedLstm.acceleratedHere() ? FUSED : STOCK;

    private LstmLayers() {
    }

    public static LstmFactory current() {
        return current;
    }

    /** Installs another implementation for networks built from now on (models already saved keep theirs). */
    public static void use(LstmFactory factory) {
        current = Objects.requireNonNull(factory);
    }
}
