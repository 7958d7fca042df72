package studio.rondo.engine.model;

import java.util.Map;

/**
 * One epoch of a model's training history (stored in {@code rondo.json}). Validation fields are
 * null when there were no validation pieces.
 *
 * @param epoch            1-based epoch number
 * @param trainLoss        mean minibatch loss (weighted sum over heads, as optimised)
 * @param valLoss          validation loss, weighted like the training loss
 * @param valHeadLoss      validation loss per head (unweighted), by stream name
 * @param valTop1          top-1 accuracy of the main categorical head (pitch, note, token or event)
 * @param valTop5          top-5 accuracy of the same head
 * @param valNll           negative log likelihood per event in nats: sum over the categorical heads
 * @param windowsPerSecond training windows per second of wall time
 * @param seconds          wall time of the epoch, validation included
 */
public record EpochMetrics(int epoch, double trainLoss, Double valLoss, Map<String, Double> valHeadLoss,
                           Double valTop1, Double valTop5, Double valNll, double windowsPerSecond, double seconds) {
}
