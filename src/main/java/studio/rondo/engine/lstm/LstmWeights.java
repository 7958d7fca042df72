package studio.rondo.engine.lstm;

import studio.rondo.engine.lstm.NdFloats;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A copy of one LSTM layer's parameters as row-major floats: W [nIn,4H], RW [H,4H], b [4H], DL4J's
 * layout and gate order. Taken from DL4J's {@code LSTM} or from {@link FusedLstm}; the arrays are
 * snapshots, so later training does not change them.
 */
public record LstmWeights(int nIn, int hidden, float[] w, float[] rw, float[] b) {
    public LstmWeights {
        if (w.length != nIn * 4 * hidden || rw.length != hidden * 4 * hidden || b.length != 4 * hidden)
            throw new IllegalArgumentException("sizes do not match nIn=" + nIn + ", hidden=" + hidden);
    }

    /** True for the layers whose weights this can read (stock LSTM with tanh activation, or FusedLstm). */
    public static boolean isLstm(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer c = layer.conf().getLayer();
        return c instanceof FusedLstm || c instanceof LSTM;
    }

    public static LstmWeights of(Layer layer) {
        org.deeplearning4j.nn.conf.layers.Layer c = layer.conf().getLayer();
        if (c instanceof LSTM lstm) {
            if (!(lstm.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationTanH)
                    || !(lstm.getGateActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationSigmoid))
                throw new IllegalArgumentException("only tanh/sigmoid LSTMs are supported, layer " + layer.getIndex() + " has "
                        + lstm.getActivationFn() + "/" + lstm.getGateActivationFn());
        } else if (!(c instanceof FusedLstm)) {
            throw new IllegalArgumentException("not an LSTM layer: " + c.getClass().getSimpleName());
        }
        Map<String, INDArray> p = layer.paramTable();
        INDArray w = p.get("W");
        return new LstmWeights((int) w.size(0), (int) w.size(1) / 4, NdFloats.read(w), NdFloats.read(p.get("RW")), NdFloats.read(p.get("b")));
    }
}
