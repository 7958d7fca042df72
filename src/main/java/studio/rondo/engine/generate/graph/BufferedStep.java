package studio.rondo.engine.generate.graph;

/** An op that writes its output into one array of its own, reused every step. */
abstract class BufferedStep implements StepOp {
    protected final float[] out;

    BufferedStep(int width) {
        this.out = new float[width];
    }

    @Override
    public final int width() {
        return out.length;
    }
}
