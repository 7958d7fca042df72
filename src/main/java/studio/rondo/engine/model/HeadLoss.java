package studio.rondo.engine.model;

import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossL1;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The loss of one output head, with its activation, and the same loss per example in plain Java for
 * evaluation (so metrics do not depend on DL4J's reductions).
 */
public enum HeadLoss {
    /** Softmax + cross entropy (nats). */
    CROSS_ENTROPY(Activation.SOFTMAX),
    MSE(Activation.IDENTITY),
    L1(Activation.IDENTITY),
    /** tf-tutorial's mse_with_positive_pressure: (y − ŷ)² + 10·max(−ŷ, 0). */
    MSE_POSITIVE_PRESSURE(Activation.IDENTITY);

    private final Activation activation;

    HeadLoss(Activation activation) {
        this.activation = activation;
    }

    public Activation activation() {
        return activation;
    }

    ILossFunction function() {
        return switch (this) {
            case CROSS_ENTROPY -> new LossMCXENT();
            case MSE -> new LossMSE();
            case L1 -> new LossL1();
            case MSE_POSITIVE_PRESSURE -> new LossMsePositivePressure();
        };
    }

    /** Loss of a real-valued prediction. */
    public double real(double target, double predicted) {
        double d = target - predicted;
        return switch (this) {
            case MSE -> d * d;
            case L1 -> Math.abs(d);
            case MSE_POSITIVE_PRESSURE -> d * d + 10 * Math.max(-predicted, 0);
            case CROSS_ENTROPY -> throw new IllegalStateException("cross entropy needs class probabilities");
        };
    }

    /** Cross entropy of a target class given its predicted probability (clamped away from 0). */
    public static double crossEntropy(double probabilityOfTarget) {
        return -Math.log(Math.max(probabilityOfTarget, 1e-12));
    }
}
