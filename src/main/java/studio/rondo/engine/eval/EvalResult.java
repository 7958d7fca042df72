package studio.rondo.engine.eval;

import java.util.Map;

/**
 * Metrics of a network over a set of windows (each predicting the step after it).
 *
 * @param windows                 windows evaluated
 * @param loss                    total loss, heads weighted as in training
 * @param headLoss                mean loss per head (unweighted), by stream name, in output order
 * @param mainHead                the main categorical stream (pitch, note, token or event)
 * @param top1                    top-1 accuracy of the main head
 * @param top5                    top-5 accuracy of the main head
 * @param nll                     negative log likelihood per event in nats: sum of the categorical heads' cross entropies
 * @param repeatPreviousAccuracy  baseline: how often the main stream's target equals its last input step
 * @param unigramNll              baseline: the main stream's NLL under the training corpus's unigram (null when unknown)
 * @param nonFiniteWindows        windows where the network's output was not a number (NaN or infinite): a
 *                                model that diverged in training; they count as misses
 */
public record EvalResult(int windows, double loss, Map<String, Double> headLoss, String mainHead, double top1, double top5,
                         double nll, double repeatPreviousAccuracy, Double unigramNll, int nonFiniteWindows) {

    public EvalResult(int windows, double loss, Map<String, Double> headLoss, String mainHead, double top1, double top5,
                      double nll, double repeatPreviousAccuracy, Double unigramNll) {
        this(windows, loss, headLoss, mainHead, top1, top5, nll, repeatPreviousAccuracy, unigramNll, 0);
    }

    /** True when the network gave outputs that are not numbers: it diverged in training. */
    public boolean diverged() {
        return nonFiniteWindows > 0;
    }
}
