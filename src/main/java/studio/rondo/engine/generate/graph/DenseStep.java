package studio.rondo.engine.generate.graph;

import studio.rondo.engine.lstm.DenseHead;

/** A DenseLayer or an output layer: W, b and the activation (ReLU in hidden layers, softmax in heads). */
final class DenseStep implements StepOp {
    private final DenseHead dense;

    DenseStep(DenseHead dense) {
        this.dense = dense;
    }

    @Override
    public int width() {
        return dense.nOut();
    }

    @Override
    public float[] apply(float[][] inputs) {
        return dense.apply(inputs[0]);
    }
}
