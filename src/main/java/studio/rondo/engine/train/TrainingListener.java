package studio.rondo.engine.train;

import studio.rondo.engine.eval.EvalResult;
import studio.rondo.engine.model.EpochMetrics;

/**
 * Progress of a training run, for the UI and the CLI alike. Called on the training thread; keep
 * implementations cheap (a UI coalesces and hands over to its own thread).
 */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /** Before the first minibatch. */
    default void onStart(Start start) {
    }

    /** After every minibatch. */
    default void onIteration(Iteration iteration) {
    }

    /** After every epoch's validation. */
    default void onEpoch(Epoch epoch) {
    }

    /**
     * @param preset           preset id
     * @param parameters       trainable parameters
     * @param trainPieces      pieces trained on
     * @param validationPieces pieces held out
     * @param windowsPerEpoch  training windows per epoch (varies slightly with augmentation)
     * @param batchesPerEpoch  minibatches per epoch
     * @param firstEpoch       1-based epoch the run starts in (above 1 when resuming)
     * @param epochs           last epoch
     */
    record Start(String preset, long parameters, int trainPieces, int validationPieces, int windowsPerEpoch,
                 int batchesPerEpoch, int firstEpoch, int epochs) {
    }

    /**
     * @param epoch            1-based epoch
     * @param batch            1-based minibatch within the epoch
     * @param batches          minibatches in this epoch
     * @param iteration        minibatches done in total, this one included
     * @param loss             this minibatch's training loss
     * @param windowsPerSecond training speed over this epoch so far
     * @param windows          windows in this minibatch (the last of an epoch may be short)
     */
    record Iteration(int epoch, int batch, int batches, long iteration, double loss, double windowsPerSecond, int windows) {
        /** Without the minibatch's window count. */
        public Iteration(int epoch, int batch, int batches, long iteration, double loss, double windowsPerSecond) {
            this(epoch, batch, batches, iteration, loss, windowsPerSecond, 0);
        }
    }

    /**
     * @param metrics    the epoch's record (also stored in the model's history)
     * @param validation full validation metrics, or null without validation pieces
     * @param epochs     last epoch of the run
     * @param bestEpoch  epoch with the best monitored loss so far
     * @param etaSeconds estimated time to the last epoch
     */
    record Epoch(EpochMetrics metrics, EvalResult validation, int epochs, int bestEpoch, double etaSeconds) {
    }
}
