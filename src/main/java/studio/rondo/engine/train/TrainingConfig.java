package studio.rondo.engine.train;

import java.nio.file.Path;
import java.util.Objects;
import studio.rondo.engine.model.Hyperparameters;
import studio.rondo.engine.model.Preset;

/**
 * What to train and how.
 *
 * @param preset          the preset
 * @param hyperparameters network and recipe (the preset's defaults with overrides); ignored when resuming,
 *                        which continues with the stored ones
 * @param epochs          last epoch to reach (when resuming, counted from the model's first epoch)
 * @param valSplit        fraction of pieces held out for validation
 * @param seed            seed of split, weights, shuffling and augmentation: same seed, same run
 * @param patience        stop after this many epochs without a better monitored loss and restore the
 *                        best weights (0 = run all epochs, keep the last weights)
 * @param stride          steps between window starts (0 = seqLen / 4). With last-step heads a window
 *                        yields one target, so stride 1 means seqLen× the work per epoch for windows
 *                        that overlap almost entirely; seqLen/4 keeps epochs short, and a random
 *                        offset per piece and epoch still lets every step be a target over epochs
 * @param maxBatches      cap on minibatches per epoch (0 = all), for quick runs
 * @param out             where the final model goes (null = not saved)
 * @param checkpoint      where the per-epoch (and on-cancel) checkpoint goes; null = beside {@code out}
 *                        as NAME.checkpoint.zip, or none without {@code out}
 * @param resume          a model or checkpoint to continue (null = new model)
 * @param minutes         time budget in minutes (0 = none): training stops after the minibatch that
 *                        reaches it, evaluates and saves as a finished run; the learning rate is
 *                        annealed over the budget's last quarter
 */
public record TrainingConfig(Preset preset, Hyperparameters hyperparameters, int epochs, double valSplit, long seed,
                             int patience, int stride, int maxBatches, Path out, Path checkpoint, Path resume, double minutes) {

    /** No time budget. */
    public TrainingConfig(Preset preset, Hyperparameters hyperparameters, int epochs, double valSplit, long seed,
                          int patience, int stride, int maxBatches, Path out, Path checkpoint, Path resume) {
        this(preset, hyperparameters, epochs, valSplit, seed, patience, stride, maxBatches, out, checkpoint, resume, 0);
    }

    public TrainingConfig {
        Objects.requireNonNull(preset);
        Objects.requireNonNull(hyperparameters);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be 1 or more: " + epochs);
        if (!(valSplit >= 0 && valSplit < 1)) throw new IllegalArgumentException("validation split must be in [0, 1): " + valSplit);
        if (patience < 0 || stride < 0 || maxBatches < 0) throw new IllegalArgumentException("patience, stride and max batches must not be negative");
        if (!(minutes >= 0 && minutes <= 60 * 24 * 30)) throw new IllegalArgumentException("the time budget must be 0 to 43200 minutes: " + minutes);
    }

    /** Defaults: the preset's recipe, 10 % validation, seed 42, patience 5, default stride, no time budget. */
    public static TrainingConfig of(Preset preset, int epochs) {
        return new TrainingConfig(preset, preset.defaults(), epochs, 0.1, 42, 5, 0, 0, null, null, null);
    }

    public TrainingConfig withHyperparameters(Hyperparameters h) {
        return new TrainingConfig(preset, h, epochs, valSplit, seed, patience, stride, maxBatches, out, checkpoint, resume, minutes);
    }

    public TrainingConfig withSplit(double v, long s) {
        return new TrainingConfig(preset, hyperparameters, epochs, v, s, patience, stride, maxBatches, out, checkpoint, resume, minutes);
    }

    public TrainingConfig withPatience(int p) {
        return new TrainingConfig(preset, hyperparameters, epochs, valSplit, seed, p, stride, maxBatches, out, checkpoint, resume, minutes);
    }

    public TrainingConfig withStride(int s) {
        return new TrainingConfig(preset, hyperparameters, epochs, valSplit, seed, patience, s, maxBatches, out, checkpoint, resume, minutes);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(preset, hyperparameters, e, valSplit, seed, patience, stride, maxBatches, out, checkpoint, resume, minutes);
    }

    public TrainingConfig withMaxBatches(int m) {
        return new TrainingConfig(preset, hyperparameters, epochs, valSplit, seed, patience, stride, m, out, checkpoint, resume, minutes);
    }

    public TrainingConfig withFiles(Path outFile, Path checkpointFile, Path resumeFrom) {
        return new TrainingConfig(preset, hyperparameters, epochs, valSplit, seed, patience, stride, maxBatches, outFile, checkpointFile, resumeFrom, minutes);
    }

    public TrainingConfig withMinutes(double m) {
        return new TrainingConfig(preset, hyperparameters, epochs, valSplit, seed, patience, stride, maxBatches, out, checkpoint, resume, m);
    }

    /** The checkpoint file in effect, or null. */
    public Path checkpointFile() {
        if (checkpoint != null) return checkpoint;
        if (out == null) return null;
        String name = out.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + ".checkpoint.zip");
    }

    /**
     * Steps between window starts: the given stride, else seqLen/2 with every-step targets (each step
     * is a target in about two windows an epoch) and seqLen/4 with last-step targets.
     */
    public int effectiveStride(Hyperparameters hp) {
        if (stride > 0) return stride;
        return Math.max(1, hp.seqLen() / (hp.everyStep() ? 2 : 4));
    }
}
