package studio.rondo.engine.generate.graph;

import studio.rondo.engine.lstm.LstmLayerStep;

/** One LSTM layer (DL4J's LSTM or the fused one) with its own h and c. */
final class LstmStep implements StepOp {
    private final LstmLayerStep layer;

    LstmStep(LstmLayerStep layer) {
        this.layer = layer;
    }

    @Override
    public int width() {
        return layer.units();
    }

    @Override
    public float[] apply(float[][] inputs) {
        return layer.step(inputs[0], 0);
    }

    @Override
    public boolean recurrent() {
        return true;
    }

    @Override
    public void reset() {
        layer.reset();
    }
}
