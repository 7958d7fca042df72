package studio.rondo.engine.generate.graph;

import studio.rondo.engine.lstm.StepActivation;

/** DL4J's ActivationLayer: the activation alone. */
final class ActivationStep implements StepOp {
    private final StepActivation activation;
    private final float[] out;

    ActivationStep(StepActivation activation, int width) {
        this.activation = activation;
        this.out = new float[width];
    }

    @Override
    public int width() {
        return out.length;
    }

    @Override
    public float[] apply(float[][] inputs) {
        System.arraycopy(inputs[0], 0, out, 0, out.length);
        activation.apply(out, 0, out.length);
        return out;
    }
}
