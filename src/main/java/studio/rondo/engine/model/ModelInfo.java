package studio.rondo.engine.model;

import java.util.List;
import studio.rondo.engine.encoding.EncodingSpec;

/**
 * The {@code rondo.json} entry of a model file: everything besides the weights that is needed to
 * use, evaluate or continue a model. Plain data for Jackson.
 *
 * @param formatVersion   {@link ModelStore#FORMAT_VERSION} of the writer
 * @param preset          preset id ("pitch-step-duration")
 * @param encoding        the fitted encoding, vocabularies included
 * @param hyperparameters network size and recipe
 * @param training        how it was trained (seed, split, stride)
 * @param history         one record per completed epoch
 * @param progress        where training stands (for resuming)
 * @param corpus          what it was trained on
 * @param unigram         training corpus frequency of each class of the main categorical stream
 *                        (add-one smoothed), the baseline that evaluate compares against
 * @param parameters      number of trainable parameters
 * @param created         ISO-8601 time the file was written
 * @param profile         pitch range, longest steps and durations, dynamics of the training pieces
 *                        (null in files written before it existed)
 */
public record ModelInfo(int formatVersion, String preset, EncodingSpec encoding, Hyperparameters hyperparameters,
                        TrainingSettings training, List<EpochMetrics> history, Progress progress, CorpusInfo corpus,
                        double[] unigram, long parameters, String created, CorpusProfile profile) {

    /**
     * @param seed     seed of the split, shuffling, augmentation and initial weights
     * @param valSplit fraction of pieces held out
     * @param stride   steps between window starts
     * @param epochs   epochs asked for
     * @param patience early-stopping patience in epochs (0 = none)
     */
    public record TrainingSettings(long seed, double valSplit, int stride, int epochs, int patience) {
    }

    /**
     * @param epochsCompleted whole epochs done
     * @param batchesInEpoch  minibatches done in the next epoch (a cancelled run stops mid-epoch)
     * @param iterations      minibatches done in total
     * @param bestEpoch       epoch whose weights the file holds as best (0 = none yet)
     */
    public record Progress(int epochsCompleted, int batchesInEpoch, long iterations, int bestEpoch) {
    }

    /**
     * @param fingerprint    hash of piece names and notes (see CorpusFingerprint)
     * @param pieces         pieces used
     * @param trainPieces    pieces trained on
     * @param validationPieces names of the held-out pieces
     */
    public record CorpusInfo(String fingerprint, int pieces, int trainPieces, List<String> validationPieces) {
    }
}
