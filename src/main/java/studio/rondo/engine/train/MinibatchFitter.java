package studio.rondo.engine.train;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import studio.rondo.engine.encoding.Window;
import studio.rondo.engine.model.WindowBatches;

/**
 * How a {@link Trainer} fits its minibatches: one after the other on this machine ({@link #LOCAL}),
 * or a round of several at a time somewhere else (the cluster jar's parameter averaging on Apache
 * Spark, see {@link ClusterTraining}). Everything else of a run (split, encoding, window order,
 * augmentation, validation, early stopping, checkpoints) stays the trainer's.
 *
 * <p>After {@link #fit} returns, {@code net} holds the weights and optimizer state every later step,
 * evaluation and checkpoint uses.
 */
public interface MinibatchFitter {

    /** Minibatches the trainer hands over per {@link #fit} call (the last call of an epoch may get fewer). */
    int minibatchesPerRound();

    /**
     * Fits the minibatches, in order.
     *
     * @return for each minibatch, the network's score after fitting it ({@code net.score()})
     */
    double[] fit(ComputationGraph net, WindowBatches batches, List<List<Window>> minibatches);

    /** One minibatch at a time on this machine's threads. */
    MinibatchFitter LOCAL = new MinibatchFitter() {
        @Override
        public int minibatchesPerRound() {
            return 1;
        }

        @Override
        public double[] fit(ComputationGraph net, WindowBatches batches, List<List<Window>> minibatches) {
            double[] scores = new double[minibatches.size()];
            for (int i = 0; i < scores.length; i++) {
                net.fit(batches.batch(minibatches.get(i)));
                scores[i] = net.score();
            }
            return scores;
        }
    };
}
