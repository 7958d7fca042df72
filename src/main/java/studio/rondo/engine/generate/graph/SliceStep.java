package studio.rondo.engine.generate.graph;

/** DL4J's SubsetVertex (and the IndexSubsetVertex before an embedding): features [from, from + width). */
final class SliceStep extends BufferedStep {
    private final int from;

    SliceStep(int from, int width) {
        super(width);
        this.from = from;
    }

    @Override
    public float[] apply(float[][] inputs) {
        System.arraycopy(inputs[0], from, out, 0, out.length);
        return out;
    }
}
