package studio.rondo.engine.model;

import java.util.Objects;

/**
 * Network size and training recipe of a model. Each preset has defaults ({@link Preset#defaults}); every
 * field can be overridden (tests use tiny sizes, the CLI exposes the common ones). Stored in
 * {@code rondo.json}, so a model can be rebuilt and continued exactly as it was trained.
 *
 * @param seqLen          time steps per training window
 * @param batch           windows per minibatch
 * @param hidden          units of each main LSTM layer
 * @param layers          main LSTM layers
 * @param branchHidden    three-stream only: units of the per-stream LSTM before the merge
 * @param dense           width of the dense layer(s) after the LSTMs (0 = none)
 * @param embedding       velocity-aware only: pitch embedding size
 * @param dropout         probability to DROP (Keras/PyTorch meaning; converted for DL4J, which takes the keep probability)
 * @param learningRate    optimizer step size
 * @param optimizer       Adam or RMSProp
 * @param gradientClip    L2 norm clip per layer (0 = none)
 * @param transpose       augmentation: random transposition in ±semitones per piece and epoch (0 = none)
 * @param timeStretch     augmentation: random time stretch by 1 ± this (0 = none)
 * @param velocityStretch augmentation: random velocity stretch by 1 ± this (0 = none)
 * @param everyStep       predict the next step at every position of a window (Performance RNN and
 *                        char-rnn's way: up to seqLen targets for the work of one window) instead of
 *                        only after its last step (the seeds' way; false in files written before)
 * @param warmup          minibatches over which the learning rate ramps up from lr/warmup (0 = none)
 */
public record Hyperparameters(int seqLen, int batch, int hidden, int layers, int branchHidden, int dense, int embedding,
                              double dropout, double learningRate, Optimizer optimizer, double gradientClip,
                              int transpose, double timeStretch, double velocityStretch, boolean everyStep, int warmup) {

    public enum Optimizer { ADAM, RMSPROP }

    public Hyperparameters {
        Objects.requireNonNull(optimizer, "optimizer");
        require(seqLen >= 1, "seqLen must be 1 or more: " + seqLen);
        require(batch >= 1, "batch must be 1 or more: " + batch);
        require(hidden >= 1, "hidden must be 1 or more: " + hidden);
        require(layers >= 1, "layers must be 1 or more: " + layers);
        require(branchHidden >= 0 && dense >= 0 && embedding >= 0, "sizes must not be negative");
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1): " + dropout);
        require(learningRate > 0 && learningRate < 10, "learning rate must be in (0, 10): " + learningRate);
        require(gradientClip >= 0, "gradient clip must not be negative");
        require(transpose >= 0 && transpose <= 24, "transpose must be 0..24 semitones: " + transpose);
        require(timeStretch >= 0 && timeStretch < 1 && velocityStretch >= 0 && velocityStretch < 1, "stretch must be in [0, 1)");
        require(warmup >= 0, "warm-up must not be negative: " + warmup);
    }

    /** The seeds' recipe: targets after the last step only, no warm-up. */
    public Hyperparameters(int seqLen, int batch, int hidden, int layers, int branchHidden, int dense, int embedding,
                           double dropout, double learningRate, Optimizer optimizer, double gradientClip,
                           int transpose, double timeStretch, double velocityStretch) {
        this(seqLen, batch, hidden, layers, branchHidden, dense, embedding, dropout, learningRate, optimizer, gradientClip,
                transpose, timeStretch, velocityStretch, false, 0);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    public boolean augments() {
        return transpose > 0 || timeStretch > 0 || velocityStretch > 0;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Overrides on top of a preset's defaults. */
    public static final class Builder {
        private int seqLen, batch, hidden, layers, branchHidden, dense, embedding, transpose, warmup;
        private boolean everyStep;
        private double dropout, learningRate, gradientClip, timeStretch, velocityStretch;
        private Optimizer optimizer;

        private Builder(Hyperparameters h) {
            seqLen = h.seqLen; batch = h.batch; hidden = h.hidden; layers = h.layers; branchHidden = h.branchHidden;
            dense = h.dense; embedding = h.embedding; dropout = h.dropout; learningRate = h.learningRate;
            optimizer = h.optimizer; gradientClip = h.gradientClip; transpose = h.transpose;
            timeStretch = h.timeStretch; velocityStretch = h.velocityStretch; everyStep = h.everyStep; warmup = h.warmup;
        }

        public Builder seqLen(int v) { seqLen = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder hidden(int v) { hidden = v; return this; }
        public Builder layers(int v) { layers = v; return this; }
        public Builder branchHidden(int v) { branchHidden = v; return this; }
        public Builder dense(int v) { dense = v; return this; }
        public Builder embedding(int v) { embedding = v; return this; }
        public Builder dropout(double v) { dropout = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder optimizer(Optimizer v) { optimizer = v; return this; }
        public Builder gradientClip(double v) { gradientClip = v; return this; }
        public Builder transpose(int v) { transpose = v; return this; }
        public Builder timeStretch(double v) { timeStretch = v; return this; }
        public Builder velocityStretch(double v) { velocityStretch = v; return this; }
        public Builder everyStep(boolean v) { everyStep = v; return this; }
        public Builder warmup(int v) { warmup = v; return this; }

        public Hyperparameters build() {
            return new Hyperparameters(seqLen, batch, hidden, layers, branchHidden, dense, embedding, dropout,
                    learningRate, optimizer, gradientClip, transpose, timeStretch, velocityStretch, everyStep, warmup);
        }
    }
}
