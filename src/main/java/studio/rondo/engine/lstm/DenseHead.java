package studio.rondo.engine.lstm;

import org.deeplearning4j.nn.api.Layer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;

/**
 * A dense output layer (W [nIn,nOut], b) with softmax or identity, for stepping a whole simple network
 * at batch 1 without ND4J. Built from a DL4J DenseLayer / OutputLayer / RnnOutputLayer.
 */
public final class DenseHead {
    private final int nIn, nOut;
    private final float[] w, b, out;
    private final boolean softmax;
    private final Kernels k;

    public DenseHead(int nIn, int nOut, float[] w, float[] b, boolean softmax, Kernels kernels) {
        if (w.length != nIn * nOut || b.length != nOut) throw new IllegalArgumentException("sizes do not match " + nIn + "x" + nOut);
        this.nIn = nIn;
        this.nOut = nOut;
        this.w = w;
        this.b = b;
        this.softmax = softmax;
        this.k = kernels;
        this.out = new float[nOut];
    }

    public static DenseHead of(Layer layer) {
        if (!(layer.conf().getLayer() instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer ff)
                || layer.paramTable().get("W") == null || layer.paramTable().get("W").rank() != 2)
            throw new IllegalArgumentException("not a dense layer: " + layer.conf().getLayer().getClass().getSimpleName());
        IActivation a = ((org.deeplearning4j.nn.conf.layers.BaseLayer) ff).getActivationFn();
        if (!(a instanceof ActivationSoftmax) && !(a instanceof ActivationIdentity))
            throw new IllegalArgumentException("only softmax and identity heads are supported, got " + a);
        return new DenseHead((int) ff.getNIn(), (int) ff.getNOut(), Floats.of(layer.paramTable().get("W")),
                Floats.of(layer.paramTable().get("b")), a instanceof ActivationSoftmax, Kernels.best());
    }

    /** Applies the head to {@code h}; returns an internal array valid until the next call. */
    public float[] apply(float[] h) {
        if (h.length != nIn) throw new IllegalArgumentException("input has " + h.length + " entries, expected " + nIn);
        System.arraycopy(b, 0, out, 0, nOut);
        k.vecMat(nIn, nOut, h, 0, w, 0, out, 0);
        if (softmax) {
            float max = Float.NEGATIVE_INFINITY;
            for (float v : out) max = Math.max(max, v);
            double sum = 0;
            for (int j = 0; j < nOut; j++) {
                out[j] = (float) Math.exp(out[j] - max);
                sum += out[j];
            }
            float inv = (float) (1 / sum);
            for (int j = 0; j < nOut; j++) out[j] *= inv;
        }
        return out;
    }

    public int nOut() {
        return nOut;
    }
}
