package studio.rondo.engine.generate.graph;

import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.nd4j.linalg.api.ndarray.INDArray;
import studio.rondo.engine.lstm.NdFloats;

/**
 * DL4J's BatchNormalization at inference: (x - mean) / sqrt(var + eps) · gamma + beta with the stored
 * global mean and variance, folded into x · scale + shift once. DL4J (since 1.0.0-beta4, by default)
 * stores log10 of the standard deviation ("log10stdev") instead of the variance ("var"); both read here.
 */
final class BatchNormStep extends BufferedStep {
    private final float[] scale, shift;

    BatchNormStep(float[] scale, float[] shift) {
        super(scale.length);
        if (scale.length != shift.length) throw new IllegalArgumentException("scale and shift differ in size");
        this.scale = scale;
        this.shift = shift;
    }

    static BatchNormStep of(Layer layer) {
        BatchNormalization conf = (BatchNormalization) layer.conf().getLayer();
        Map<String, INDArray> p = layer.paramTable();
        float[] mean = NdFloats.read(p.get("mean"));
        int n = mean.length;
        float[] var;
        if (conf.isUseLogStd()) {
            var = NdFloats.read(p.get("log10stdev"));
            for (int j = 0; j < n; j++) {
                double std = Math.pow(10, var[j]);
                var[j] = (float) (std * std);
            }
        } else {
            var = NdFloats.read(p.get("var"));
        }
        float[] gamma = conf.isLockGammaBeta() ? filled(n, conf.getGamma()) : NdFloats.read(p.get("gamma"));
        float[] beta = conf.isLockGammaBeta() ? filled(n, conf.getBeta()) : NdFloats.read(p.get("beta"));
        float[] scale = new float[n], shift = new float[n];
        for (int j = 0; j < n; j++) {
            double s = gamma[j] / Math.sqrt(var[j] + conf.getEps());
            scale[j] = (float) s;
            shift[j] = (float) (beta[j] - mean[j] * s);
        }
        return new BatchNormStep(scale, shift);
    }

    private static float[] filled(int n, double v) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, (float) v);
        return a;
    }

    @Override
    public float[] apply(float[][] inputs) {
        float[] x = inputs[0];
        for (int j = 0; j < out.length; j++) out[j] = x[j] * scale[j] + shift[j];
        return out;
    }
}
