package studio.rondo.engine.generate.graph;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.lstm.Kernels;

/**
 * A DL4J {@link ComputationGraph} compiled for generation: its vertices as {@link StepOp}s in
 * topological order, run at batch 1 one time step at a time without ND4J, each LSTM layer over its
 * own h and c. A small interpreter rather than one class per preset, so any network built from the
 * supported vertices steps ({@link StepGraphCompiler} lists them).
 *
 * <p>Values live in slots: slot 0 is the network input, slot i + 1 the output of op i.
 * Not thread-safe: one per generator.
 */
public final class StepGraph {
    private final int features;
    private final StepOp[] ops;
    private final int[][] opInputs;
    private final int[] outputSlots;
    private final float[][] outputs; // returned by step(), refilled each call
    private final boolean[] feedsState;
    private final float[][] values;
    private final float[][][] args;
    private final String kernelName;

    StepGraph(int features, List<StepOp> ops, List<int[]> opInputs, int[] outputSlots, String kernelName) {
        this.features = features;
        this.ops = ops.toArray(StepOp[]::new);
        this.opInputs = opInputs.toArray(int[][]::new);
        this.outputSlots = outputSlots.clone();
        this.outputs = new float[outputSlots.length][];
        this.kernelName = kernelName;
        values = new float[this.ops.length + 1][];
        values[0] = new float[features];
        args = new float[this.ops.length][][];
        for (int i = 0; i < this.ops.length; i++) args[i] = new float[this.opInputs[i].length][];
        feedsState = opsFeedingState(this.ops, this.opInputs);
    }

    /**
     * Compiles {@code net} for stepping on {@code kernels}.
     *
     * @param features input features per step
     * @throws UnsupportedOperationException naming the first vertex this stepper cannot evaluate
     */
    public static StepGraph compile(ComputationGraph net, int features, Kernels kernels) {
        return new StepGraphCompiler(net, features, kernels).compile();
    }

    /** As {@link #compile}, empty for a network with a vertex this stepper cannot evaluate. */
    public static Optional<StepGraph> of(ComputationGraph net, int features, Kernels kernels) {
        try {
            return Optional.of(compile(net, features, kernels));
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    // The ops whose outputs reach an LSTM: the only ones a step whose outputs nobody reads must run.
    private static boolean[] opsFeedingState(StepOp[] ops, int[][] opInputs) {
        boolean[] needed = new boolean[ops.length];
        for (int i = ops.length - 1; i >= 0; i--) {
            if (!needed[i] && !ops[i].recurrent()) continue;
            needed[i] = true;
            for (int slot : opInputs[i]) if (slot > 0) needed[slot - 1] = true;
        }
        return needed;
    }

    /**
     * Feeds one step and returns the network outputs, in network output order (internal arrays, valid
     * until the next call).
     *
     * @param x at least {@link #inputFeatures()} entries; the first that many are read
     */
    public float[][] step(float[] x) {
        run(x, false);
        for (int o = 0; o < outputs.length; o++) outputs[o] = values[outputSlots[o]];
        return outputs;
    }

    /** Feeds one step whose outputs are not needed: advances the recurrent state only. */
    public void advance(float[] x) {
        run(x, true);
    }

    private void run(float[] x, boolean stateOnly) {
        if (x.length < features) throw new IllegalArgumentException("input has " + x.length + " entries, expected " + features);
        System.arraycopy(x, 0, values[0], 0, features);
        for (int i = 0; i < ops.length; i++) {
            if (stateOnly && !feedsState[i]) continue;
            int[] in = opInputs[i];
            float[][] a = args[i];
            for (int j = 0; j < in.length; j++) a[j] = values[in[j]];
            values[i + 1] = ops[i].apply(a);
        }
    }

    /** Zero state in every LSTM, as after rnnClearPreviousState(). */
    public void reset() {
        for (StepOp op : ops) op.reset();
    }

    public int inputFeatures() {
        return features;
    }

    public int outputCount() {
        return outputSlots.length;
    }

    /** Which kernels run the matrix products ("vector" or "scalar"). */
    public String kernelName() {
        return kernelName;
    }
}
