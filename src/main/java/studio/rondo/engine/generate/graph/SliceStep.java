package studio.rondo.engine.generate.graph;

/** DL4J's SubsetVertex (and the IndexSubsetVertex before an embedding): features [from, from + width). */
final class SliceStep implements StepOp {
    private final int from;
    private final float[] out;

    SliceStep(int from, int width) {
        this.from = from;
        this.out = new float[width];
    }

    @Override
    public int width() {
        return out.length;
    }

    @Override
    public float[] apply(float[][] inputs) {
        System.arraycopy(inputs[0], from, out, 0, out.length);
        return out;
    }
}
