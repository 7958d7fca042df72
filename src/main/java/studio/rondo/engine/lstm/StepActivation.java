package studio.rondo.engine.lstm;

import java.util.Optional;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;

/** The activations the batch-1 step kernels apply after a dense layer or an embedding, in place. */
public enum StepActivation {
    IDENTITY {
        @Override
        public void apply(float[] v, int off, int n) {
        }
    },
    RELU {
        @Override
        public void apply(float[] v, int off, int n) {
            for (int j = off; j < off + n; j++) v[j] = Math.max(0f, v[j]);
        }
    },
    TANH {
        @Override
        public void apply(float[] v, int off, int n) {
            for (int j = off; j < off + n; j++) v[j] = (float) Math.tanh(v[j]);
        }
    },
    SIGMOID {
        @Override
        public void apply(float[] v, int off, int n) {
            for (int j = off; j < off + n; j++) v[j] = (float) (1 / (1 + Math.exp(-v[j])));
        }
    },
    SOFTMAX {
        @Override
        public void apply(float[] v, int off, int n) {
            float max = Float.NEGATIVE_INFINITY;
            for (int j = off; j < off + n; j++) max = Math.max(max, v[j]);
            double sum = 0;
            for (int j = off; j < off + n; j++) {
                v[j] = (float) Math.exp(v[j] - max);
                sum += v[j];
            }
            float inv = (float) (1 / sum);
            for (int j = off; j < off + n; j++) v[j] *= inv;
        }
    };

    /** Applies the activation to {@code v[off .. off + n)}. */
    public abstract void apply(float[] v, int off, int n);

    /**
     * The step activation computing DL4J's {@code a}, or empty for those not supported. Only the plain
     * classes: a LeakyReLU or a ReLU with a threshold or cap is a different function.
     */
    public static Optional<StepActivation> of(IActivation a) {
        if (a instanceof ActivationIdentity) return Optional.of(IDENTITY);
        if (a instanceof ActivationSoftmax) return Optional.of(SOFTMAX);
        if (a instanceof ActivationTanH) return Optional.of(TANH);
        if (a instanceof ActivationSigmoid) return Optional.of(SIGMOID);
        if (a instanceof ActivationReLU r && r.getMax() == null && zeroOrUnset(r.getThreshold())
                && zeroOrUnset(r.getNegativeSlope())) return Optional.of(RELU);
        return Optional.empty();
    }

    private static boolean zeroOrUnset(Double d) {
        return d == null || d == 0;
    }
}
