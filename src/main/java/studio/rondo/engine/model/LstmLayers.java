package studio.rondo.engine.model;

import java.util.Objects;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.nd4j.linalg.activations.Activation;

/** The LSTM factory in use: DL4J's stock {@link LSTM} unless another one is installed. */
public final class LstmLayers {
    /** DL4J's LSTM: tanh cell, sigmoid gates, no peepholes. */
    public static final LstmFactory STOCK = (nIn, nOut, dropout) -> {
        LSTM.Builder b = new LSTM.Builder().nIn(nIn).nOut(nOut).activation(Activation.TANH).gateActivationFunction(Activation.SIGMOID);
        // DL4J's dropOut(x) takes the probability to KEEP (STACK-NOTES).
        if (dropout > 0) b.dropOut(1.0 - dropout);
        return b.build();
    };

    private static volatile LstmFactory current = STOCK;

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
