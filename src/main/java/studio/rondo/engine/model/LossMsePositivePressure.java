package studio.rondo.engine.model;

import studio.rondo.engine.lstm.SequenceLoss;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * TensorFlow tutorial's {@code mse_with_positive_pressure}: mean over outputs of
 * (y − ŷ)² + 10·max(−ŷ, 0), which pushes step and duration predictions away from negative values.
 * Stateless; DL4J stores it in configuration.json by class name (no Java serialization).
 */
public final class LossMsePositivePressure implements ILossFunction, SequenceLoss {
    private static final double PRESSURE = 10.0;

    private INDArray scoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray out = fn.getActivation(preOutput.dup(), true);
        INDArray diff = labels.sub(out);
        INDArray score = diff.muli(diff).addi(Transforms.relu(out.neg(), false).muli(PRESSURE)).divi(out.size(1));
        if (mask != null) LossUtil.applyMask(score, mask);
        return score;
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        double sum = scoreArray(labels, preOutput, fn, mask).sumNumber().doubleValue();
        return average ? sum / labels.size(0) : sum;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        return scoreArray(labels, preOutput, fn, mask).sum(true, 1);
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask) {
        INDArray out = fn.getActivation(preOutput.dup(), true);
        // d/dŷ: −2(y − ŷ) − 10·[ŷ < 0], averaged over outputs like the score
        INDArray negative = out.lt(0).castTo(out.dataType());
        INDArray dLda = out.sub(labels).muli(2).subi(negative.muli(PRESSURE)).divi(out.size(1));
        if (mask != null && LossUtil.isPerOutputMasking(dLda, mask)) LossUtil.applyMask(dLda, mask);
        INDArray grad = fn.backprop(preOutput.dup(), dLda).getFirst();
        if (mask != null) LossUtil.applyMask(grad, mask);
        return grad;
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation fn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, fn, mask, average), computeGradient(labels, preOutput, fn, mask));
    }

    /** The same loss over rows of floats, for the fused output layer (identity activation). */
    @Override
    public double lossAndGradient(float[] z, float[] y, int r0, int r1, int n) {
        double total = 0;
        for (int i = r0 * n, end = r1 * n; i < end; i++) {
            float out = z[i], d = out - y[i];
            total += (double) d * d + PRESSURE * Math.max(-out, 0);
            z[i] = (2 * d - (out < 0 ? (float) PRESSURE : 0f)) / n;
        }
        return total / n;
    }

    @Override
    public String name() {
        return "MsePositivePressure";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LossMsePositivePressure;
    }

    @Override
    public int hashCode() {
        return LossMsePositivePressure.class.hashCode();
    }

    @Override
    public String toString() {
        return "LossMsePositivePressure()";
    }
}
