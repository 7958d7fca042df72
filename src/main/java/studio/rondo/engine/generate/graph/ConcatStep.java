package studio.rondo.engine.generate.graph;

/** DL4J's MergeVertex along the feature axis: the inputs one after the other. */
final class ConcatStep implements StepOp {
    private final float[] out;

    ConcatStep(int width) {
        this.out = new float[width];
    }

    @Override
    public int width() {
        return out.length;
    }

    @Override
    public float[] apply(float[][] inputs) {
        int at = 0;
        for (float[] in : inputs) {
            System.arraycopy(in, 0, out, at, in.length);
            at += in.length;
        }
        return out;
    }
}
