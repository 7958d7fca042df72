package studio.rondo.engine.generate;

import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.generate.graph.StepGraph;
import studio.rondo.engine.lstm.Kernels;
import studio.rondo.engine.store.LoadedModel;

/**
 * Steps a network with the studio's batch-1 kernels instead of DL4J's {@code rnnTimeStep} (tens to
 * hundreds of times faster): the network compiled into a {@link StepGraph}, which covers every
 * preset's network (LSTM chains and branches, embedding, merges, dense layers, batch norm, heads).
 * A network with a vertex the graph stepper does not know keeps {@link Dl4jStepModel}; {@link #of}
 * says which applies.
 */
public final class KernelStepModel implements StepModel {
    private final StepGraph graph;

    private KernelStepModel(StepGraph graph) {
        this.graph = graph;
    }

    /** The kernel model for a network the graph stepper supports, on the fastest kernels, or empty. */
    public static Optional<KernelStepModel> of(ComputationGraph net, int features) {
        return of(net, features, Kernels.best());
    }

    /** As {@link #of(ComputationGraph, int)} on the given kernels (vector or scalar). */
    public static Optional<KernelStepModel> of(ComputationGraph net, int features, Kernels kernels) {
        return StepGraph.of(net, features, kernels).map(KernelStepModel::new);
    }

    /** The fastest step model for a loaded model: the kernel where the network allows it, else DL4J. */
    public static StepModel fastest(LoadedModel model) {
        return fastest(model.network(), model.encoding().inputFeatures());
    }

    /** The fastest step model for a network taking {@code features} inputs per step. */
    public static StepModel fastest(ComputationGraph net, int features) {
        return KernelStepModel.of(net, features).<StepModel>map(k -> k).orElseGet(() -> new Dl4jStepModel(net, features));
    }

    /** Which kernels run the matrix products ("vector" or "scalar"). */
    public String kernelName() {
        return graph.kernelName();
    }

    @Override
    public int inputFeatures() {
        return graph.inputFeatures();
    }

    @Override
    public void reset() {
        graph.reset();
    }

    @Override
    public float[][] prime(float[][] steps) {
        if (steps.length == 0) throw new IllegalArgumentException("nothing to prime with");
        // Only the last step's outputs are returned: the others just advance the LSTMs.
        for (int t = 0; t < steps.length - 1; t++) graph.advance(steps[t]);
        return step(steps[steps.length - 1]);
    }

    @Override
    public float[][] step(float[] input) {
        return graph.step(input);
    }
}
