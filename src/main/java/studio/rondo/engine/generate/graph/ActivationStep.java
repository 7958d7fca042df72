package studio.rondo.engine.generate.graph;

import studio.rondo.engine.lstm.StepActivation;

/** DL4J's ActivationLayer: the activation alone. */
final class ActivationStep extends BufferedStep {
    private final StepActivation activation;

    ActivationStep(StepActivation activation, int width) {
        super(width);
        this.activation = activation;
    }

    @Override
    public float[] apply(float[][] inputs) {
        System.arraycopy(inputs[0], 0, out, 0, out.length);
        activation.apply(out, 0, out.length);
        return out;
    }
}
