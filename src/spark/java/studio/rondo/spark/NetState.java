package studio.rondo.spark;

import java.io.Serializable;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * What a round broadcasts to the workers: the network's configuration (with its current learning
 * rate), weights and optimizer state, and where the optimizer's step count stands (warm-up, Adam's
 * bias correction).
 */
record NetState(String configuration, float[] params, float[] updater, int iteration, long seed) implements Serializable {

    static NetState of(ComputationGraph net, long seed) {
        ComputationGraphConfiguration conf = net.getConfiguration();
        int iteration = conf.getIterationCount();
        // Without the step count the configuration stays the same from round to round, so workers keep their network.
        conf.setIterationCount(0);
        String json;
        try {
            json = conf.toJson();
        } finally {
            conf.setIterationCount(iteration);
        }
        float[] updater = net.getUpdater() == null || net.getUpdater().getStateViewArray() == null ? new float[0]
                : net.getUpdater().getStateViewArray().toFloatVector();
        return new NetState(json, net.params().toFloatVector(), updater, iteration, seed);
    }

    /** Bytes of weights and optimizer state. */
    long arrayBytes() {
        return 4L * (params.length + updater.length);
    }
}
