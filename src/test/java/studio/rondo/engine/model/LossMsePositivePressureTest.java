package studio.rondo.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import studio.rondo.engine.EngineRuntime;

class LossMsePositivePressureTest {
    final LossMsePositivePressure loss = new LossMsePositivePressure();
    final ActivationIdentity identity = new ActivationIdentity();

    @BeforeAll
    static void start() {
        EngineRuntime.start();
    }

    @Test
    void scoresLikeTheTutorialAndLikeTheEvaluator() {
        // predictions on both sides of zero: the pressure term only acts on negative ones
        double[] y = {0.5, 0.2, 0.0, 1.0}, yHat = {0.4, -0.3, -0.05, 1.2};
        INDArray labels = Nd4j.create(y, new long[]{4, 1}, DataType.DOUBLE);
        INDArray pre = Nd4j.create(yHat, new long[]{4, 1}, DataType.DOUBLE);
        double expected = 0;
        for (int i = 0; i < 4; i++) expected += (y[i] - yHat[i]) * (y[i] - yHat[i]) + 10 * Math.max(-yHat[i], 0);
        assertEquals(expected / 4, loss.computeScore(labels, pre, identity, null, true), 1e-12);
        double evaluator = 0;
        for (int i = 0; i < 4; i++) evaluator += HeadLoss.MSE_POSITIVE_PRESSURE.real(y[i], yHat[i]);
        assertEquals(expected, evaluator, 1e-12);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[] y = {0.5, 0.2, 0.0, 1.0, 0.3, 0.1}, yHat = {0.4, -0.3, -0.05, 1.2, 0.3, -1.0};
        INDArray labels = Nd4j.create(y, new long[]{3, 2}, DataType.DOUBLE);
        INDArray pre = Nd4j.create(yHat, new long[]{3, 2}, DataType.DOUBLE);
        INDArray grad = loss.computeGradient(labels, pre, identity, null);
        double h = 1e-6;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray plus = pre.dup(), minus = pre.dup();
                plus.putScalar(i, j, pre.getDouble(i, j) + h);
                minus.putScalar(i, j, pre.getDouble(i, j) - h);
                double numeric = (loss.computeScore(labels, plus, identity, null, false) - loss.computeScore(labels, minus, identity, null, false)) / (2 * h);
                assertEquals(numeric, grad.getDouble(i, j), 1e-5, "d/d(" + i + "," + j + ")");
            }
        }
    }
}
