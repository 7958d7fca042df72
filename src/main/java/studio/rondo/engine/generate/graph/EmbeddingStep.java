package studio.rondo.engine.generate.graph;

import studio.rondo.engine.lstm.StepActivation;

/**
 * DL4J's EmbeddingSequenceLayer for one index: row {@code index} of W [nIn, nOut], plus the bias if
 * the layer has one, through its activation. The index is the single input feature, truncated to
 * int as DL4J casts it.
 */
final class EmbeddingStep extends BufferedStep {
    private final int rows;
    private final float[] w, b;
    private final StepActivation activation;

    /** @param b the bias, or null for a layer without one */
    EmbeddingStep(int rows, int width, float[] w, float[] b, StepActivation activation) {
        super(width);
        if (w.length != rows * width || (b != null && b.length != width))
            throw new IllegalArgumentException("sizes do not match " + rows + "x" + width);
        this.rows = rows;
        this.w = w;
        this.b = b;
        this.activation = activation;
    }

    @Override
    public float[] apply(float[][] inputs) {
        int index = (int) inputs[0][0];
        if (index < 0 || index >= rows) throw new IllegalArgumentException("embedding index " + inputs[0][0] + " outside [0, " + rows + ")");
        System.arraycopy(w, index * out.length, out, 0, out.length);
        if (b != null) for (int j = 0; j < out.length; j++) out[j] += b[j];
        activation.apply(out, 0, out.length);
        return out;
    }
}
