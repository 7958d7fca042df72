package studio.rondo.engine.generate.graph;

/** DL4J's MergeVertex along the feature axis: the inputs one after the other. */
final class ConcatStep extends BufferedStep {

    ConcatStep(int width) {
        super(width);
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
