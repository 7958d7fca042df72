package studio.rondo.engine.lstm;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.lstm.NdFloats;

/**
 * A dense layer (W [nIn,nOut], b) and its activation at batch 1 without ND4J: the output heads
 * (softmax or identity) of a stepped network, and the hidden dense layers before them (ReLU, tanh,
 * sigmoid). Built from a DL4J DenseLayer / OutputLayer / RnnOutputLayer.
 */
public final class DenseHead {
    private final int nIn, nOut;
    private final float[] w, b, out;
    private final StepActivation activation;
    private final Kernels k;

    public DenseHead(int nIn, int nOut, float[] w, float[] b, StepActivation activation, Kernels kernels) {
        if (w.length != nIn * nOut || b.length != nOut) throw new IllegalArgumentException("sizes do not match " + nIn + "x" + nOut);
        this.nIn = nIn;
        this.nOut = nOut;
        this.w = w;
        this.b = b;
        this.activation = activation;
        this.k = kernels;
        this.out = new float[nOut];
    }

    /** An output head (softmax or identity) with the fastest kernels. */
    public static DenseHead of(Layer layer) {
        DenseHead d = of(layer, Kernels.best());
        if (d.activation != StepActivation.SOFTMAX && d.activation != StepActivation.IDENTITY)
            throw new IllegalArgumentException("only softmax and identity heads are supported, got " + d.activation);
        return d;
    }

    /** Any dense layer whose activation {@link StepActivation} computes, on {@code kernels}. */
    public static DenseHead of(Layer layer, Kernels kernels) {
        INDArray wArr = layer.paramTable().get("W");
        if (!(layer.conf().getLayer() instanceof FeedForwardLayer ff) || wArr == null || wArr.rank() != 2)
            throw new IllegalArgumentException("not a dense layer: " + layer.conf().getLayer().getClass().getSimpleName());
        if (ff instanceof DenseLayer d && d.isHasLayerNorm())
            throw new IllegalArgumentException("dense layers with layer norm are not supported");
        StepActivation a = StepActivation.of(((BaseLayer) ff).getActivationFn())
                .orElseThrow(() -> new IllegalArgumentException("activation not supported: " + ((BaseLayer) ff).getActivationFn()));
        int nIn = (int) wArr.size(0), nOut = (int) wArr.size(1);
        INDArray bArr = layer.paramTable().get("b");
        float[] bias = bArr == null ? new float[nOut] : NdFloats.read(bArr); // hasBias(false): no "b"
        return new DenseHead(nIn, nOut, NdFloats.read(wArr), bias, a, kernels);
    }

    /** Applies the layer to {@code h}; returns an internal array valid until the next call. */
    public float[] apply(float[] h) {
        if (h.length != nIn) throw new IllegalArgumentException("input has " + h.length + " entries, expected " + nIn);
        System.arraycopy(b, 0, out, 0, nOut);
        k.vecMat(nIn, nOut, h, 0, w, 0, out, 0);
        activation.apply(out, 0, nOut);
        return out;
    }

    public int nIn() {
        return nIn;
    }

    public int nOut() {
        return nOut;
    }
}
