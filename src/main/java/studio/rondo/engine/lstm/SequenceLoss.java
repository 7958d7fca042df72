package studio.rondo.engine.lstm;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * An output activation and its loss over rows of plain floats, as DL4J's loss functions compute them
 * (same clipping, same weights, same per-row sums), so a fused head trains exactly like DL4J's.
 */
public interface SequenceLoss {

    /**
     * Rows {@code r0..r1} of {@code z} hold pre-activations ({@code n} wide), {@code y} the labels of the same
     * rows. Replaces each row of z by dL/dz and returns the sum of the rows' losses.
     */
    double lossAndGradient(float[] z, float[] y, int r0, int r1, int n);

    /** The fused form of a DL4J loss and activation, if there is one. */
    static Optional<SequenceLoss> of(ILossFunction loss, IActivation activation) {
        if (loss instanceof LossMCXENT ce && activation instanceof ActivationSoftmax) {
            INDArray weights = ce.getWeights();
            return Optional.of(new SoftmaxCrossEntropy(ce.getSoftmaxClipEps(), weights == null ? null : NdFloats.read(weights)));
        }
        if (!(activation instanceof ActivationIdentity)) return Optional.empty();
        if (loss instanceof LossMSE mse && mse.getWeights() == null) return Optional.of(SequenceLoss::meanSquared);
        if (loss instanceof LossL1 l1 && l1.getWeights() == null) return Optional.of(SequenceLoss::absolute);
        if (loss instanceof SequenceLoss own) return Optional.of(own);
        return Optional.empty();
    }

    /** DL4J's LossMSE: sum over outputs of (y − ŷ)² / n, gradient 2(ŷ − y) / n. */
    private static double meanSquared(float[] z, float[] y, int r0, int r1, int n) {
        double total = 0;
        for (int i = r0 * n, end = r1 * n; i < end; i++) {
            float d = z[i] - y[i];
            total += (double) d * d;
            z[i] = 2 * d / n;
        }
        return total / n;
    }

    /** DL4J's LossL1: |y − ŷ| summed, gradient sign(ŷ − y) (0 where equal). */
    private static double absolute(float[] z, float[] y, int r0, int r1, int n) {
        double total = 0;
        for (int i = r0 * n, end = r1 * n; i < end; i++) {
            float d = z[i] - y[i];
            total += Math.abs(d);
            z[i] = Math.signum(d);
        }
        return total;
    }

    /**
     * Softmax and DL4J's LossMCXENT: −Σ w·y·log p with p clipped to [eps, 1 − eps] in the score; gradient
     * p − y, or p·Σ(w·y) − w·y with weights.
     */
    record SoftmaxCrossEntropy(double clipEps, float[] weights) implements SequenceLoss {
        @Override
        public double lossAndGradient(float[] z, float[] y, int r0, int r1, int n) {
            if (weights != null && weights.length != n)
                throw new IllegalStateException("loss weights have " + weights.length + " entries, the head " + n);
            double total = 0;
            for (int r = r0; r < r1; r++) {
                int o = r * n;
                float max = Float.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) max = Math.max(max, z[o + i]);
                float sum = 0;
                for (int i = 0; i < n; i++) {
                    float e = (float) Math.exp(z[o + i] - max);
                    z[o + i] = e;
                    sum += e;
                }
                float inv = 1f / sum;
                double rowLoss = 0, weighted = 0;
                for (int i = 0; i < n; i++) {
                    float p = z[o + i] * inv;
                    float t = y[o + i];
                    float w = weights == null ? 1f : weights[i];
                    if (t != 0) {
                        double clipped = clipEps > 0 ? Math.min(Math.max(p, clipEps), 1 - clipEps) : p;
                        rowLoss -= w * t * Math.log(clipped);
                        weighted += w * t;
                    }
                    z[o + i] = p;
                }
                total += rowLoss;
                if (weights == null) {
                    for (int i = 0; i < n; i++) z[o + i] -= y[o + i];
                } else {
                    float c = (float) weighted;
                    for (int i = 0; i < n; i++) z[o + i] = z[o + i] * c - weights[i] * y[o + i];
                }
            }
            return total;
        }
    }
}
